// The certificate must be readable, not only extractable: render it with real PDF engines from Debian's
// packages (poppler's pdftoppm always; MuPDF and Ghostscript when installed), fail on any glyph or font
// warning, and read the rendered page back with OCR (tesseract, Japanese) to check every line is drawn.
// Debian packages: poppler-utils, tesseract-ocr, tesseract-ocr-jpn (optional: mupdf-tools, ghostscript).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { certificateLines, certificatePdf, type CertificateFacts } from "./certificate-pdf.server";

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }).status === 0;
const tesseractJpn =
  has("tesseract", ["--version"]) && /\bjpn\b/.test(spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout);
const pdftoppm = has("pdftoppm", ["-v"]);
const missing = [!pdftoppm && "poppler-utils (pdftoppm)", !tesseractJpn && "tesseract-ocr + tesseract-ocr-jpn"].filter(Boolean);
if (missing.length)
  console.warn(
    `certificate rendering test SKIPPED: install ${missing.join(", ")} (apt-get install -y ${"poppler-utils tesseract-ocr tesseract-ocr-jpn"})`,
  );

/** Text as OCR and the PDF may differ harmlessly: width forms (NFKC) and spacing. */
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * The fewest edits that turn `needle` into some substring of `hay` (semi-global Levenshtein): OCR
 * may misread a mark (デ as テ), a missing glyph costs one edit per character.
 */
function editsToFind(needle: string, hay: string): number {
  let prev = new Array<number>(hay.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hay.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev);
}

/** Lines of an engine's stderr that speak of fonts or glyphs (what a broken embedding produces). */
const glyphWarnings = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => /glyph|font|outline|FT_|cid|cmap|TrueType/i.test(l))
    .join("\n");

describe.skipIf(missing.length > 0)("the certificate PDF as rendered", () => {
  const fy = fiscalYearOf(new Date());
  const facts: CertificateFacts = {
    name: "佐藤 はるか",
    track: "basic-group",
    fiscalYear: fy,
    issuedAt: new Date(Date.UTC(fy + 1, 0, 20, 1)),
    serial: `${fy}-K2-00008`,
    verificationCode: "QR7K2M9XWPLD",
    verifyUrl: "http://localhost:3000/verify/QR7K2M9XWPLD",
    days: [
      { startsAt: new Date(Date.UTC(fy + 1, 0, 15, 0, 30)), endsAt: new Date(Date.UTC(fy + 1, 0, 15, 7, 30)) },
      { startsAt: new Date(Date.UTC(fy + 1, 0, 16, 0, 30)), endsAt: new Date(Date.UTC(fy + 1, 0, 16, 6, 0)) },
    ],
    minutes: 750,
    issuer: { nameJa: "デモ市 健康福祉局 障害福祉部長" },
  };

  it("draws every glyph in every engine and reads back as its text", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "certificate-"));
    const pdf = join(dir, "certificate.pdf");
    writeFileSync(pdf, await certificatePdf(facts));

    const poppler = spawnSync("pdftoppm", ["-r", "200", "-gray", "-png", "-singlefile", pdf, join(dir, "page")], { encoding: "utf8" });
    expect(poppler.status).toBe(0);
    expect(glyphWarnings(poppler.stderr)).toBe("");
    if (has("mutool", ["-v"])) {
      const mu = spawnSync("mutool", ["draw", "-r", "72", "-o", join(dir, "mu.png"), pdf], { encoding: "utf8" });
      expect(glyphWarnings(mu.stderr)).toBe("");
    }
    if (has("gs", ["--version"])) {
      const gs = spawnSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-r72", `-sOutputFile=${join(dir, "gs.png")}`, pdf], {
        encoding: "utf8",
      });
      expect(glyphWarnings(gs.stderr + gs.stdout)).toBe("");
    }

    const text = norm(
      execFileSync("tesseract", [join(dir, "page.png"), "-", "-l", "jpn", "--psm", "6"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    const lines = certificateLines(facts);
    const expected = [lines.title, lines.name, ...lines.body, lines.period!, lines.date, lines.issuer!, facts.verificationCode];
    // Each line read back with at most one OCR slip per 10 characters (a missing glyph is a slip too).
    const unread = expected.filter((l) => editsToFind(norm(l), text) > Math.floor(norm(l).length / 10));
    expect(unread, `OCR read:\n${text}`).toEqual([]);
    expect(text).toContain(facts.verificationCode);
    // The page states the training's days and hours.
    expect(lines.period).toMatch(/2日間・計12時間30分/);
  });

  it("is a tagged PDF with its language set", async () => {
    const bytes = Buffer.from(await certificatePdf(facts)).toString("latin1");
    // The catalog: marked content, a structure tree and the document's language.
    expect(bytes).toMatch(/\/Marked true/);
    expect(bytes).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(bytes).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(bytes).toMatch(/\/Lang \(ja-JP\)/);
    // Headings, paragraphs and figures (with their alternative text) in reading order.
    expect(bytes).toMatch(/\/S \/H1/);
    expect(bytes).toMatch(/\/S \/Figure/);
  });
});
