// The committee's session form: parsing (all times typed are JST) and the values to show.
import { z } from "zod";
import { fiscalYearOf, jstParts } from "~/lib/fiscal-year";
import { failure, parseForm, type FieldErrors, type FormFailure } from "~/lib/forms";
import { optionalHttpUrl } from "~/lib/url";
import { PILLARS } from "~/training/constants";
import { SESSION_TRACKS } from "./rules";

export const MAX_DAYS = 4;
export const MAX_GOALS = 20;

const pad = (n: number) => String(n).padStart(2, "0");
/** "2026-12-01" */
export const jstDateInput = (d: Date) => {
  const p = jstParts(d);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};
/** "09:30" */
export const jstTimeInput = (d: Date) => {
  const p = jstParts(d);
  return `${pad(p.hour)}:${pad(p.minute)}`;
};
/** "2026-12-01T09:30" for datetime-local */
export const jstDateTimeInput = (d: Date) => `${jstDateInput(d)}T${jstTimeInput(d)}`;

export function fromJst(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00+09:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const jstDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.invalid")
  .transform((v) => fromJst(v.slice(0, 10), v.slice(11, 16))!);

const schema = z.object({
  track: z.enum(SESSION_TRACKS),
  titleJa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200).default(""),
  descriptionJa: z.string().trim().max(4000).default(""),
  descriptionEn: z.string().trim().max(4000).default(""),
  venue: z.string().trim().max(300).default(""),
  onlineUrl: optionalHttpUrl.default(""),
  capacity: z.coerce.number().int().min(1).max(500),
  opensAt: jstDateTime,
  closesAt: jstDateTime,
  facilitators: z.string().trim().max(500).default(""),
  prerequisite: z.enum(["default", "none"]),
});

export interface ParsedSession {
  track: string;
  fiscalYear: number;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  pillars: string[];
  goalCodes: string[];
  venue: string;
  onlineUrl: string;
  capacity: number;
  opensAt: Date;
  closesAt: Date;
  facilitators: string;
  prerequisite: string;
  days: { startsAt: Date; endsAt: Date }[];
}

/** The goal codes chosen: ticked in the picker (one value each), or typed as a list (a form without the picker). */
function goalCodesOf(form: FormData): string[] {
  const codes = form
    .getAll("goalCodes")
    .flatMap((v) => (typeof v === "string" ? v.normalize("NFKC").split(/[,、\s]+/) : []))
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

export interface SessionFormOptions {
  /** The learning goals that exist: any other code is refused. */
  knownGoals?: ReadonlySet<string>;
  /** Today in JST ("2026-12-01"): a day before it is refused until confirmed (a new session). */
  today?: string;
}

export function parseSessionForm(form: FormData, options: SessionFormOptions = {}): { ok: true; data: ParsedSession } | FormFailure {
  const parsed = parseForm(schema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  const goalCodes = goalCodesOf(form);
  if (goalCodes.length > MAX_GOALS) errors.goalCodes = [{ key: "validation.tooBig", params: { max: MAX_GOALS } }];
  const unknown = options.knownGoals ? goalCodes.filter((c) => !options.knownGoals!.has(c)) : [];
  if (unknown.length) errors.goalCodes = [{ key: "forms.goals.unknown", params: { codes: unknown.join(", ") } }];
  const pastConfirmed = form.get("confirmPast") === "on";
  let pastAsked = false;
  const days: { startsAt: Date; endsAt: Date }[] = [];
  for (let i = 1; i <= MAX_DAYS; i++) {
    const date = String(form.get(`day${i}Date`) ?? "").trim();
    const start = String(form.get(`day${i}Start`) ?? "").trim();
    const end = String(form.get(`day${i}End`) ?? "").trim();
    if (!date && !start && !end) {
      if (i === 1) errors.day1Date = [{ key: "scheduling.validation.dayRequired" }];
      continue;
    }
    const s = fromJst(date, start);
    const e = fromJst(date, end);
    if (!s || !e) errors[`day${i}Date`] = [{ key: "scheduling.validation.dayIncomplete" }];
    else if (e <= s) errors[`day${i}End`] = [{ key: "scheduling.validation.endAfterStart" }];
    else if (options.today && date < options.today && !pastConfirmed) {
      errors[`day${i}Date`] = [{ key: "forms.days.pastError" }];
      pastAsked = true;
    } else days.push({ startsAt: s, endsAt: e });
  }
  if (parsed.ok) {
    if (!parsed.data.venue && !parsed.data.onlineUrl) errors.venue = [{ key: "scheduling.validation.placeRequired" }];
    if (parsed.data.closesAt <= parsed.data.opensAt) errors.closesAt = [{ key: "scheduling.validation.windowOrder" }];
  }
  if (!parsed.ok || Object.keys(errors).length) {
    const f = failure(errors, form);
    const values: Record<string, string> = { ...f.values, goalCodes: goalCodes.join(", ") };
    if (pastAsked || pastConfirmed) values.confirmPastAsked = "1";
    return { ...f, values };
  }
  days.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const d = parsed.data;
  return {
    ok: true,
    data: {
      ...d,
      fiscalYear: fiscalYearOf(days[0].startsAt),
      pillars: PILLARS.filter((p) => form.get(`pillar_${p}`) === "on"),
      goalCodes,
      days,
    },
  };
}

/**
 * The capacity would leave `beyond` enrolled trainees beyond it: refused until confirmed. Everyone
 * enrolled keeps their seat; the waitlist waits until seats free below the new capacity.
 */
export function beyondCapacityFailure(form: FormData, beyond: number): FormFailure {
  const f = failure({ capacity: [{ key: "trust.capacity.beyond", params: { count: beyond } }] }, form);
  return { ...f, values: { ...f.values, confirmBeyondAsked: String(beyond) } };
}

/** The form's initial values from a stored session. */
export function sessionFormValues(
  s: ParsedSession & { days: { startsAt: Date | string; endsAt: Date | string }[] },
): Record<string, string> {
  const v: Record<string, string> = {
    track: s.track,
    titleJa: s.titleJa,
    titleEn: s.titleEn,
    descriptionJa: s.descriptionJa,
    descriptionEn: s.descriptionEn,
    goalCodes: s.goalCodes.join(", "),
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    capacity: String(s.capacity),
    opensAt: jstDateTimeInput(new Date(s.opensAt)),
    closesAt: jstDateTimeInput(new Date(s.closesAt)),
    facilitators: s.facilitators,
    prerequisite: s.prerequisite,
  };
  for (const p of s.pillars) v[`pillar_${p}`] = "on";
  s.days.forEach((d, i) => {
    v[`day${i + 1}Date`] = jstDateInput(new Date(d.startsAt));
    v[`day${i + 1}Start`] = jstTimeInput(new Date(d.startsAt));
    v[`day${i + 1}End`] = jstTimeInput(new Date(d.endsAt));
  });
  return v;
}
