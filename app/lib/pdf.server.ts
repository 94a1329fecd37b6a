// One way to start an A4 Japanese PDF (decision 017): PDFKit, Noto Sans JP (regular and bold, loaded once) embedded
// as a subset, a tagged PDF in Japanese whose text is read in order. Used by the certificate (修了証) and the notice
// of acceptance (受講決定通知).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let fonts: Promise<[Buffer, Buffer]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf")),
    readFile(require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf")),
  ]);
  return fonts;
}

/** The text colour of both documents. */
export const PDF_INK = "#1a1a1f";

export type PdfFont = "regular" | "bold";

/**
 * A new A4 document with the fonts "regular" and "bold" registered and a Document structure root. Add tagged content
 * to `root`, then `finish()` ends both and gives the bytes. `text` puts one tagged line at (x, y) from the top.
 */
export async function japanesePdf(info: { Title: string; Subject: string }) {
  // PDFKit is heavy and only these documents need it: loaded on first use.
  const [[regularBytes, boldBytes], { default: PDFDocument }] = await Promise.all([loadFonts(), import("pdfkit")]);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    pdfVersion: "1.7",
    tagged: true,
    lang: "ja-JP",
    displayTitle: true,
    info: { ...info, Creator: "Tsunagu" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", regularBytes);
  doc.registerFont("bold", boldBytes);
  const root = doc.struct("Document");
  doc.addStructure(root);
  return {
    doc,
    root,
    text(tag: "H1" | "P", text: string, at: { x: number; y: number; size: number; font?: PdfFont } & PDFKit.Mixins.TextOptions) {
      const { x, y, size, font = "regular", ...options } = at;
      root.add(
        doc.struct(tag, {}, () => {
          doc
            .font(font)
            .fontSize(size)
            .fillColor(PDF_INK)
            .text(text, x, y, { lineBreak: false, ...options });
        }),
      );
    },
    async finish(): Promise<Uint8Array> {
      root.end();
      doc.end();
      return new Uint8Array(await done);
    },
  };
}
