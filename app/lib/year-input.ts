// The message for a year input that could not be read (the parser is in app/lib/fiscal-year.ts).
import type { YearParse } from "./fiscal-year";
import { YEAR_INPUT_RANGE } from "./fiscal-year";
import type { Message } from "./forms";

export function yearInputError(r: Extract<YearParse, { ok: false }>): Message {
  if (r.reason === "empty") return { key: "years.error.empty" };
  if (r.reason === "range")
    return { key: "years.error.range", params: { input: r.input, min: YEAR_INPUT_RANGE.min, max: YEAR_INPUT_RANGE.max } };
  return { key: "years.error.format", params: { input: r.input } };
}
