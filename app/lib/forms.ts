// Server-side form validation shared by every action: Zod issues become message keys that the
// page shows in the user's language next to the field.
import type { z } from "zod";
import { z as zod } from "zod";
import { parseJstDate } from "./jst";
import { isMessageKey, type MessageKey, type Params } from "~/i18n";

export interface Message {
  key: MessageKey;
  params?: Params;
}
export type FieldErrors = Record<string, Message[]>;

export interface FormFailure {
  ok: false;
  fieldErrors: FieldErrors;
  formError?: Message;
  values?: Record<string, string>;
}

function issueMessage(issue: z.ZodIssue): Message {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_small":
      if (issue.type === "string")
        return issue.minimum === 1
          ? { key: "validation.required" }
          : { key: "validation.tooShort", params: { min: Number(issue.minimum) } };
      if (issue.type === "array") return { key: "validation.required" };
      return { key: "validation.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.type === "string") return { key: "validation.tooLong", params: { max: Number(issue.maximum) } };
      return { key: "validation.tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_string":
      if (issue.validation === "email") return { key: "validation.email" };
      if (issue.validation === "url") return { key: "validation.url" };
      return { key: "validation.invalid" };
    case "invalid_type":
      return issue.received === "undefined" || issue.received === "null" ? { key: "validation.required" } : { key: "validation.invalid" };
    case "invalid_enum_value":
      return { key: "validation.choose" };
    default:
      return { key: "validation.invalid" };
  }
}

/** Text as stored: without NUL characters (never meaningful, and a browser shows them as "�"). */
export function cleanText(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !/password/i.test(k)) values[k] = cleanText(v);
  return values;
}

/** Parses FormData with a Zod schema; on failure returns per-field messages and the typed values (never passwords). */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  arrayFields: string[] = [],
): { ok: true; data: z.infer<S> } | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const clean = (v: FormDataEntryValue | null) => (typeof v === "string" ? cleanText(v) : v);
    raw[key] = arrayFields.includes(key) ? formData.getAll(key).map(clean) : clean(formData.get(key));
  }
  for (const key of arrayFields) raw[key] ??= [];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".") || "_form";
    (fieldErrors[path] ??= []).push(issueMessage(issue));
  }
  return { ok: false, fieldErrors, values: formValues(formData) };
}

export function failure(fieldErrors: FieldErrors, formData?: FormData, formError?: Message): FormFailure {
  return { ok: false, fieldErrors, formError, values: formData ? formValues(formData) : undefined };
}

/**
 * A date field (YYYY-MM-DD) read as the start of that day in JST. `required: false` turns an empty
 * field into null. A date that does not exist (2026-02-30) is refused with `message`.
 */
export function jstDateField<R extends boolean = true>(
  message: MessageKey = "validation.invalid",
  required: R = true as R,
): z.ZodType<R extends true ? Date : Date | null, z.ZodTypeDef, unknown> {
  return zod
    .string()
    .trim()
    .transform((v, ctx) => {
      if (!v && !required) return null;
      const d = parseJstDate(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message });
        return zod.NEVER;
      }
      return d;
    }) as unknown as z.ZodType<R extends true ? Date : Date | null, z.ZodTypeDef, unknown>;
}

/**
 * The failed answers of `R` (an action's results) that can carry `intent`. A catch-all answer for an unknown intent
 * (`intent: string`) is left out: the intent a page asks about has its own branch in the action.
 */
export type FailureOf<R, I extends string> = R extends { ok: false; intent: infer J extends string }
  ? string extends J
    ? never
    : I extends J
      ? R & { intent: I }
      : never
  : never;

/**
 * The failure an action answered for `intent`, if that is what it answered (decision 066): the page's one way to
 * pick the errors of one form out of `useActionData<typeof action>()`, typed by the action itself.
 */
export function failureFor<R extends { intent: string }, const I extends string>(
  result: R | undefined,
  intent: I,
): FailureOf<R, I> | undefined {
  if (!result || (result as { ok?: unknown }).ok !== false || result.intent !== intent) return undefined;
  return result as FailureOf<R, I>;
}
