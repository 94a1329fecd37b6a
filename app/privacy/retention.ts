// The retention schedule (issue 19): per kind of record, how long it is kept and what happens after. The one
// table: the daily retention job (app/privacy/retention.server.ts) applies it and the privacy notice's
// 保存期間 column (app/privacy/notice.ts) is written from it, so the two cannot disagree. Kinds with `bounds` have
// a period the system administrator may set within them (/admin/retention; a RetentionSetting row); the texts'
// {period} is the period in force. Shared by server and browser (no server-only imports).
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
  | "applicationFiles"
  | "exports"
  | "backups"
  | "records";

export interface RetentionRule {
  kind: RetentionKind;
  /** Days kept after the rule's starting point (the default when `bounds` is set); null: not deleted automatically. */
  days: number | null;
  /** Set when the system administrator may choose the period: the least and the most days allowed. */
  bounds?: { min: number; max: number };
  /** The texts; {period} is replaced by the period in force ("1年", "90日"). */
  ja: string;
  en: string;
}

/** The periods in force, by kind: the system administrator's settings over the defaults. */
export type RetentionPeriods = Partial<Record<RetentionKind, number>>;

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
  {
    kind: "invitations",
    days: 90,
    bounds: { min: 30, max: 365 },
    ja: "招待リンクは期限の{period}後に削除",
    en: "Invitation links are deleted {period} after they expire",
  },
  {
    kind: "formKeys",
    days: 30,
    bounds: { min: 7, max: 90 },
    ja: "二重送信防止の記録は{period}後に削除",
    en: "Double-submit keys are deleted after {period}",
  },
  {
    kind: "notifications",
    days: 365,
    bounds: { min: 90, max: 1825 },
    ja: "画面内のお知らせは{period}後に削除",
    en: "In-app notices are deleted after {period}",
  },
  {
    kind: "mail",
    days: 365,
    bounds: { min: 90, max: 1825 },
    ja: "送信済みのメールは{period}後に削除",
    en: "Mail sent is deleted after {period}",
  },
  {
    kind: "auditLog",
    days: 1825,
    bounds: { min: 365, max: 3650 },
    ja: "操作と閲覧の記録は{period}後に削除",
    en: "Records of changes and reads are deleted after {period}",
  },
  {
    kind: "caseTexts",
    days: 90,
    ja: "研修会の最終日から、研修会ごとに定めた日数（標準90日）が過ぎると記述を自動削除。評価と日付は残ります",
    en: "Texts are deleted automatically a set number of days (90 by default) after the session's last day; ratings and dates stay",
  },
  {
    kind: "applicationFiles",
    days: 365,
    bounds: { min: 90, max: 1825 },
    ja: "受講申込に添付されたファイルは、選考結果の通知（または申込の辞退）から{period}後に削除",
    en: "Files attached to applications are deleted {period} after the decisions are sent (or the application is withdrawn)",
  },
  {
    kind: "exports",
    days: null,
    ja: "CSV・Excel・PDF などの出力は、求められたときにその場で作成し、サーバーには保存しません（ダウンロードしたファイルは、ダウンロードした人と所属の管理に従います）",
    en: "CSV, Excel and PDF exports are made when asked for and are not stored on the server (a downloaded file is in the care of whoever downloaded it and their organisation)",
  },
  {
    kind: "backups",
    days: null,
    ja: "データベースと添付ファイルのバックアップは毎日作成し、新しいものから設定した件数（標準14件、約2週間分）を残して古いものから削除",
    en: "Backups of the database and attached files are made daily; the newest ones up to a set number (14 by default, about two weeks) are kept and older ones deleted",
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

/** The days in force for a kind: the setting when there is one (and it is within bounds), else the default. */
export function retentionDays(kind: RetentionKind, periods: RetentionPeriods = {}): number | null {
  const rule = retentionRule(kind);
  const chosen = periods[kind];
  if (rule.bounds && chosen !== undefined && chosen >= rule.bounds.min && chosen <= rule.bounds.max) return chosen;
  return rule.days;
}

/** A period as people say it: whole years as years, otherwise days ("5年", "90日"; "5 years", "90 days"). */
export function formatPeriod(days: number, locale: Locale): string {
  if (days >= 365 && days % 365 === 0) {
    const years = days / 365;
    return locale === "ja" ? `${years}年` : years === 1 ? "a year" : `${years} years`;
  }
  return locale === "ja" ? `${days}日` : days === 1 ? "a day" : `${days} days`;
}

/** One kind's text in the reader's language, with the period in force. */
export function ruleText(kind: RetentionKind, locale: Locale, periods: RetentionPeriods = {}): string {
  const days = retentionDays(kind, periods);
  return retentionRule(kind)[locale].replace("{period}", days === null ? "" : formatPeriod(days, locale));
}

/** The notice's 保存期間 text for one or more kinds, in the reader's language. */
export function keptText(kinds: RetentionKind[], locale: Locale, periods: RetentionPeriods = {}): string {
  return kinds.map((k) => ruleText(k, locale, periods)).join(KEPT_SEPARATOR[locale]);
}
