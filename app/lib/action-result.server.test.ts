import { describe, expect, it } from "vitest";
import { intentFailure, intentResult } from "./action-result.server";
import { failure, failureFor } from "./forms";

describe("intent answers (decision 066)", () => {
  it("tags an answer with its intent: the plain object without a status, data() with one", () => {
    expect(intentResult("details", { ok: true })).toEqual({ ok: true, intent: "details" });
    const refused = intentResult("captions", { ok: false, intent: "forged" }, 413);
    expect(refused.init).toEqual({ status: 413 });
    // The intent is the action's, never a field of the body.
    expect(refused.data).toEqual({ ok: false, intent: "captions" });
  });

  it("keeps a refused form's failure and the extra fields that place it, 400 unless told", () => {
    const answer = intentFailure("update", failure({ note: [{ key: "validation.required" }] }), { itemId: 7 });
    expect(answer.init).toEqual({ status: 400 });
    expect(answer.data).toMatchObject({ ok: false, intent: "update", itemId: 7, fieldErrors: { note: [{ key: "validation.required" }] } });
    expect(intentFailure("register", failure({}), {}, 403).init).toEqual({ status: 403 });
  });

  it("failureFor picks the failure of one intent only", () => {
    const failed = { ...failure({}), intent: "addItem" as const, itemId: 3 };
    expect(failureFor(failed, "addItem")).toBe(failed);
    expect(failureFor(failed as typeof failed | { ok: false; intent: "update" }, "update")).toBeUndefined();
    expect(failureFor({ ok: true, intent: "addItem" }, "addItem")).toBeUndefined();
    expect(failureFor(undefined as { ok: false; intent: "addItem" } | undefined, "addItem")).toBeUndefined();
  });
});
