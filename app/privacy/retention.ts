// The retention schedule (issue 19): per kind of record, how long it is kept and what happens after. The one
// table: the daily retention job (app/privacy/retention.server.ts) applies it and the privacy notice's
// 保存期間 column (app/privacy/notice.ts) is written from it, so the two cannot disagree. Shared by server and
// browser (no server-only imports).
import type { Locale } from "~/i18n";

export type RetentionKind =
  | "accounts"
  | "sessions"
  | "signInThrottle"
  | "twoFactorPending"
  | "invitations"
  | "formKeys"
  | "notifications"
  | "mail"
  | "auditLog"
  | "caseTexts"
  | "records";

export interface RetentionRule {
  kind: RetentionKind;
  /** Days kept after the rule's starting point; null: not deleted automatically. */
  days: number | null;
  ja: string;
  en: string;
}

export const RETENTION_SCHEDULE: readonly RetentionRule[] = [
  {
    kind: "accounts",
    days: null,
    ja: "アカウントがある間（利用停止後も記録のため保持。ご本人の請求により事務局が削除（仮名化）します）",
    en: "While the account exists (kept for the records after it is deactivated; erased (pseudonymised) by the secretariat on request)",
  },
  {
    kind: "sessions",
    days: 1,
    ja: "一定時間（標準12時間）操作がないとログインは終了し、その1日後に削除",
    en: "A sign-in ends after a period without activity (12 hours by default) and is deleted a day later",
  },
  {
    kind: "signInThrottle",
    days: 1,
    ja: "ログイン失敗の回数は15分ごとに数え直し、1日後に削除",
    en: "Failure counts restart every 15 minutes and are deleted after a day",
  },
  {
    kind: "twoFactorPending",
    days: 1,
    ja: "途中の2段階認証・パスキー登録は期限（数分）の1日後に削除",
    en: "Unfinished two-factor sign-ins and passkey registrations are deleted a day after they expire (minutes)",
  },
  { kind: "invitations", days: 90, ja: "招待リンクは期限の90日後に削除", en: "Invitation links are deleted 90 days after they expire" },
  { kind: "formKeys", days: 30, ja: "二重送信防止の記録は30日後に削除", en: "Double-submit keys are deleted after 30 days" },
  { kind: "notifications", days: 365, ja: "画面内のお知らせは1年後に削除", en: "In-app notices are deleted after a year" },
  { kind: "mail", days: 365, ja: "送信済みのメールは1年後に削除", en: "Mail sent is deleted after a year" },
  {
    kind: "auditLog",
    days: 1825,
    ja: "操作と閲覧の記録は5年後に削除",
    en: "Records of changes and reads are deleted after 5 years",
  },
  {
    kind: "caseTexts",
    days: 90,
    ja: "研修会の最終日から、研修会ごとに定めた日数（標準90日）が過ぎると記述を自動削除。評価と日付は残ります",
    en: "Texts are deleted automatically a set number of days (90 by default) after the session's last day; ratings and dates stay",
  },
  {
    kind: "records",
    days: null,
    ja: "市の文書の保存年限に従う（自動削除はしていません）",
    en: "As the city's records schedule requires (not deleted automatically)",
  },
];

export function retentionRule(kind: RetentionKind): RetentionRule {
  return RETENTION_SCHEDULE.find((r) => r.kind === kind)!;
}

/** Between the texts of several kinds in one row of the notice (no rule's text contains it). */
export const KEPT_SEPARATOR: Record<Locale, string> = { ja: " ／ ", en: " / " };

/** The notice's 保存期間 text for one or more kinds, in the reader's language. */
export function keptText(kinds: RetentionKind[], locale: Locale): string {
  return kinds.map((k) => retentionRule(k)[locale]).join(KEPT_SEPARATOR[locale]);
}
