// One result shape for every action (decision 066): an intent handler answers with what it did, tagged with
// its `intent`, so `useActionData<typeof action>()` is a union the page narrows on `intent` without a cast.
import { data } from "@remix-run/node";
import type { FormFailure } from "./forms";

/**
 * The answer of one intent: `body` tagged with `intent`. `intent` keeps its literal type (a variable narrowed by
 * `intent === "publish" || intent === "unpublish"` stays that union), which is what the page narrows on.
 * Without a status the answer is the plain object (200); with one, Remix's `data()` carrying that status.
 */
export function intentResult<const I extends string, T extends object>(intent: I, body: T): T & { intent: I };
export function intentResult<const I extends string, T extends object>(
  intent: I,
  body: T,
  status: number,
): ReturnType<typeof data<T & { intent: I }>>;
export function intentResult<const I extends string, T extends object>(intent: I, body: T, status?: number) {
  const answer = { ...body, intent };
  return status === undefined ? answer : data(answer, { status });
}

/** A refused form of one intent: the failure (field errors, what was typed), anything the page needs to place it, 400 unless told. */
export function intentFailure<const I extends string, T extends object = Record<never, never>>(
  intent: I,
  failure: FormFailure,
  extra?: T,
  status = 400,
) {
  return data({ ...failure, ...(extra as T), intent }, { status });
}
