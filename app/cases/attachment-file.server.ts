// What a case attachment is, read from its bytes: the type from its content (magic bytes, `file-type`),
// never from its name, and its text (PDF with `pdf-parse`, Word .docx with `mammoth`) for the
// personal-information guard. See docs/decisions/028-case-attachments.md. Applications' attachments (issue 20)
// use the same sniffing and limit with a wider list of kinds (Excel and images too).
import { fileTypeFromBuffer } from "file-type";

/** The largest attachment accepted (bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** How many files one case may carry. */
export const MAX_ATTACHMENTS = 5;

/** Every kind of document a file may be accepted as, by its content; each use names the kinds it takes. */
export type DocumentKind = "pdf" | "docx" | "xlsx" | "png" | "jpg";
export const DOCUMENT_TYPES: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpg: "image/jpeg",
};

/** A case takes PDF and Word files (their text is read for the guard). */
export type AttachmentKind = "pdf" | "docx";
export const CASE_KINDS: readonly AttachmentKind[] = ["pdf", "docx"];
export const ATTACHMENT_TYPES: Record<AttachmentKind, string> = { pdf: DOCUMENT_TYPES.pdf, docx: DOCUMENT_TYPES.docx };

/** The kind of the file by its content when it is one of `kinds` (a case's by default), else null. */
export async function detectKind(bytes: Uint8Array): Promise<AttachmentKind | null>;
export async function detectKind<K extends DocumentKind>(bytes: Uint8Array, kinds: readonly K[]): Promise<K | null>;
export async function detectKind(bytes: Uint8Array, kinds: readonly DocumentKind[] = CASE_KINDS): Promise<DocumentKind | null> {
  const t = await fileTypeFromBuffer(bytes);
  const kind = kinds.find((k) => k === t?.ext);
  return kind ?? null;
}

export type Extracted = { ok: true; text: string } | { ok: false; reason: "unreadable" | "encrypted" };

/** The file's text, as the guard scans it. A file whose text cannot be read is refused by the caller. */
export async function extractText(kind: AttachmentKind, bytes: Uint8Array): Promise<Extracted> {
  // The readers are heavy and only attachments need them: each is loaded on its first use, outside readText's
  // catch (a library that fails to load is not an unreadable file).
  if (kind === "pdf") {
    const { PDFParse } = await import("pdf-parse");
    return readText(async () => {
      // pdf.js takes ownership of the buffer it is given: pass a copy.
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      try {
        // Pages joined by a line break only (the default adds "-- 1 of 2 --", which is not the file's text).
        const r = await parser.getText({ pageJoiner: "\n" });
        return r.text;
      } finally {
        await parser.destroy();
      }
    });
  }
  const { default: mammoth } = await import("mammoth");
  return readText(async () => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
}

async function readText(read: () => Promise<string>): Promise<Extracted> {
  try {
    return { ok: true, text: await read() };
  } catch (e) {
    if (e instanceof Error && e.name === "PasswordException") return { ok: false, reason: "encrypted" };
    return { ok: false, reason: "unreadable" };
  }
}

/** A display name safe to keep: the base name, control characters dropped, at most 200 characters. */
export function cleanFileName(name: string, kind: DocumentKind): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 200);
  if (!base) return `attachment.${kind}`;
  const lower = base.toLowerCase();
  if (lower.endsWith(`.${kind}`) || (kind === "jpg" && lower.endsWith(".jpeg"))) return base;
  return `${base}.${kind}`;
}
