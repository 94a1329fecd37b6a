// A multipart form with one file field, read with a size limit on the file: the other fields are kept even
// when the file is too large (so the form can answer with what was typed), and a file past the limit is
// read to its end but not kept.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** The largest text field accepted in such a form (bytes). */
const MAX_TEXT_BYTES = 64 * 1024;

export interface FormWithFile {
  form: FormData;
  /** The file sent in `field` (null when none was chosen, or it was empty or too large). */
  file: { name: string; bytes: Uint8Array } | null;
  tooLarge: boolean;
}

export async function readFormWithFile(request: Request, field: string, maxBytes: number): Promise<FormWithFile> {
  let file: FormWithFile["file"] = null;
  let tooLarge = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const limit = typeof filename === "string" ? maxBytes : MAX_TEXT_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
    if (typeof filename !== "string") return size <= limit ? Buffer.concat(chunks).toString("utf8") : undefined;
    if (name !== field || !filename || size === 0) return undefined;
    if (size > limit) {
      tooLarge = true;
      return undefined;
    }
    file = { name: filename, bytes: new Uint8Array(Buffer.concat(chunks)) };
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  return { form, file, tooLarge };
}
