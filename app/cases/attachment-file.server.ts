// What a case attachment is, read from its bytes: the type from its content (magic bytes, `file-type`),
// never from its name, and its text (PDF with `pdf-parse`, Word .docx with `mammoth`) for the
// personal-information guard, in a process of its own. See docs/decisions/028-case-attachments.md. Applications' attachments (issue 20)
// use the same sniffing and limit with a wider list of kinds (Excel and images too).
import { fileTypeFromBuffer } from "file-type";
import { runInChild } from "~/lib/child-process.server";

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

// The child process that reads an attachment's text: pdf.js and mammoth parse a file someone uploaded, and pdf.js can
// take a few hundred MB on a large PDF, so neither runs in the server process. A library that fails to load ends the
// child without an answer (that is not an unreadable file); a file that cannot be read answers "unreadable".
const READER_SOURCE = String.raw`
process.once("message", async ({ kind, bytes }) => {
  const library = kind === "pdf" ? load("pdf-parse") : load("mammoth");
  try {
    let text;
    if (kind === "pdf") {
      const parser = new library.PDFParse({ data: new Uint8Array(bytes) });
      try {
        // Pages joined by a line break only (the default adds "-- 1 of 2 --", which is not the file's text).
        text = (await parser.getText({ pageJoiner: "\n" })).text;
      } finally {
        await parser.destroy();
      }
    } else text = (await library.extractRawText({ buffer: Buffer.from(bytes) })).value;
    process.send({ ok: true, text });
  } catch (e) {
    process.send({ ok: false, reason: e && e.name === "PasswordException" ? "encrypted" : "unreadable" });
  }
});
`;

/** The file's text, as the guard scans it. A file whose text cannot be read is refused by the caller. */
export async function extractText(kind: AttachmentKind, bytes: Uint8Array): Promise<Extracted> {
  const outcome = await runInChild<Extracted>(READER_SOURCE, { kind, bytes }, { heapMb: 512, ms: 30_000 });
  if (outcome.ok) return outcome.value;
  // Too big or too slow to read is a file the guard cannot read; a reader that ended without answering is a fault.
  if (outcome.reason === "failed") throw new Error(`the ${kind} reader ended without an answer`);
  return { ok: false, reason: "unreadable" };
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
