import { describe, expect, it } from "vitest";
import {
  KEPT_SEPARATOR,
  RETENTION_SCHEDULE,
  formatPeriod,
  keptText,
  retentionDays,
  retentionRule,
  ruleText,
  type RetentionKind,
} from "./retention";

const KINDS: RetentionKind[] = [
  "accounts",
  "sessions",
  "signInThrottle",
  "twoFactorPending",
  "invitations",
  "formKeys",
  "notifications",
  "mail",
  "auditLog",
  "caseTexts",
  "applicationFiles",
  "exports",
  "backups",
  "records",
];

describe("retention schedule", () => {
  it("has one rule per kind, each with a text in both languages", () => {
    expect(RETENTION_SCHEDULE.map((r) => r.kind)).toEqual(KINDS);
    for (const kind of KINDS) {
      const rule = retentionRule(kind);
      expect(rule.kind).toBe(kind);
      expect(rule.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(rule.en).toMatch(/^[A-Z]/);
      // A period the administrator may choose is written into the text; a fixed one is written out.
      expect(rule.ja.includes("{period}")).toBe(rule.bounds !== undefined);
      expect(rule.en.includes("{period}")).toBe(rule.bounds !== undefined);
      if (rule.bounds) expect(rule.bounds.min <= rule.days! && rule.days! <= rule.bounds.max).toBe(true);
    }
  });

  it("keeps the defaults the notice promises", () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, retentionDays(k)]))).toEqual({
      accounts: null,
      sessions: 1,
      signInThrottle: 1,
      twoFactorPending: 1,
      invitations: 90,
      formKeys: 30,
      notifications: 365,
      mail: 365,
      auditLog: 1825,
      caseTexts: 90,
      applicationFiles: 365,
      exports: null,
      backups: null,
      records: null,
    });
  });
});

describe("days in force", () => {
  it("takes the administrator's setting within the bounds, the bounds included", () => {
    expect(retentionDays("auditLog", { auditLog: 365 })).toBe(365);
    expect(retentionDays("auditLog", { auditLog: 3650 })).toBe(3650);
    expect(retentionDays("auditLog", { auditLog: 2000 })).toBe(2000);
  });
  it("ignores a setting outside the bounds, for another kind, or for a kind without bounds", () => {
    expect(retentionDays("auditLog", { auditLog: 364 })).toBe(1825);
    expect(retentionDays("auditLog", { auditLog: 3651 })).toBe(1825);
    expect(retentionDays("auditLog", { mail: 400 })).toBe(1825);
    expect(retentionDays("sessions", { sessions: 5 })).toBe(1);
    expect(retentionDays("caseTexts", { caseTexts: 100 })).toBe(90);
  });
});

describe("period texts", () => {
  it("says whole years as years and anything else as days, in both languages", () => {
    expect([365, 730, 1825, 1, 90, 364, 366, 400].map((d) => formatPeriod(d, "ja"))).toEqual([
      "1年",
      "2年",
      "5年",
      "1日",
      "90日",
      "364日",
      "366日",
      "400日",
    ]);
    expect([0, 0].map((d, i) => formatPeriod(d, i ? "en" : "ja"))).toEqual(["0日", "0 days"]);
    expect([365, 730, 1, 2, 90, 366].map((d) => formatPeriod(d, "en"))).toEqual([
      "a year",
      "2 years",
      "a day",
      "2 days",
      "90 days",
      "366 days",
    ]);
  });
  it("writes the period in force into a rule's text", () => {
    expect(ruleText("mail", "ja")).toBe("送信済みのメールは1年後に削除");
    expect(ruleText("mail", "en", { mail: 90 })).toBe("Mail sent is deleted after 90 days");
    expect(ruleText("accounts", "en")).toBe(retentionRule("accounts").en);
  });
  it("joins several kinds with the language's separator", () => {
    expect(KEPT_SEPARATOR).toEqual({ ja: " ／ ", en: " / " });
    expect(keptText(["mail", "formKeys"], "en")).toBe("Mail sent is deleted after a year / Double-submit keys are deleted after 30 days");
    expect(keptText(["mail", "formKeys"], "ja", { formKeys: 7 })).toBe("送信済みのメールは1年後に削除 ／ 二重送信防止の記録は7日後に削除");
    expect(keptText([], "ja")).toBe("");
  });
});
