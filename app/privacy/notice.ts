// The privacy notice shown at /privacy, in Japanese and English. Written from what the platform actually
// stores (prisma/schema.prisma). When its substance changes, raise PRIVACY_NOTICE_VERSION and set
// PRIVACY_NOTICE_DATE: every signed-in user is then shown the new version once and asked to acknowledge it
// (app/privacy/privacy.server.ts). Shared by server and browser (no server-only imports).
import type { Locale } from "~/i18n";
import { keptText, RETENTION_SCHEDULE, ruleText, type RetentionKind, type RetentionPeriods } from "./retention";

export const PRIVACY_NOTICE_VERSION = 3;
/** The day this version took effect (JST calendar date). */
export const PRIVACY_NOTICE_DATE = "2026-12-02";

export interface NoticeRow {
  /** What kind of information. */
  kind: string;
  /** The items stored. */
  items: string;
  /** Why it is used. */
  purpose: string;
  /** Who can see it. */
  audience: string;
  /** How long it is kept. */
  kept: string;
}

export interface NoticeSection {
  id: string;
  heading: string;
  paragraphs: string[];
  rows?: NoticeRow[];
  list?: string[];
}

export interface Notice {
  title: string;
  sections: NoticeSection[];
}

/** A text in both languages. */
type Both = Record<Locale, string>;

/** The notice as written: every text in Japanese and English side by side; `kept` names the retention kinds. */
const NOTICE: {
  title: Both;
  sections: {
    id: string;
    heading: Both;
    paragraphs: Both[];
    rows?: (Record<Exclude<keyof NoticeRow, "kept">, Both> & { kept: RetentionKind[] })[];
  }[];
} = {
  title: { ja: "個人情報の取扱いについて", en: "How we handle personal information" },
  sections: [
    {
      id: "who",
      heading: { ja: "1. このお知らせについて", en: "1. About this notice" },
      paragraphs: [
        {
          ja: "Tsunagu（つなぐ）は、市の障害者自立支援協議会が行う相談支援従事者の研修と、相談支援事業所の自己評価のための仕組みです。個人情報は、個人情報の保護に関する法律（以下「法」）に従い、市が実施機関として取り扱います。",
          en: "Tsunagu is the platform of the city's disability-support council for the training of consultation-support staff and the self-evaluation of consultation-support offices. The city handles the personal information in it as the responsible public body under the Act on the Protection of Personal Information (the Act).",
        },
        {
          ja: "このお知らせは、Tsunagu が実際に保存している情報をもとに、何を、何のために、誰が見られ、どれだけの期間保存するか、そしてご本人からの請求の方法を説明します。",
          en: "This notice says, from what Tsunagu actually stores, what is collected, for which purpose, who can see it, how long it is kept, and how you can make a request about your information.",
        },
      ],
    },
    {
      id: "what",
      heading: { ja: "2. 保存する情報、利用目的、見られる人、保存期間", en: "2. What is stored, why, who sees it and for how long" },
      paragraphs: [{ ja: "次の表のとおりです。ここにない情報は保存しません。", en: "As in the table below. Nothing else is stored." }],
      rows: [
        {
          kind: { ja: "アカウント", en: "Account" },
          items: {
            ja: "氏名（表示名）、メールアドレス、所属事業所、役割、表示言語、パスワード（復元できない形に変換したもの）",
            en: "Name (display name), email address, office, roles, language, password (stored only as a one-way hash)",
          },
          purpose: {
            ja: "ご本人の確認、所属と役割に応じた画面の表示、お知らせメールの送信",
            en: "Knowing who you are, showing the pages of your office and roles, sending notices by mail",
          },
          audience: { ja: "ご本人、事務局", en: "You, the secretariat" },
          kept: ["accounts"],
        },
        {
          kind: { ja: "ログインの記録", en: "Sign-in records" },
          items: {
            ja: "ログイン中の端末（ブラウザの種類）、IP アドレス、最終利用日時、ログイン失敗の回数（メールアドレスと IP アドレスごと）、2段階認証の設定（認証アプリの鍵は暗号化して保存、パスキーは公開鍵のみ、リカバリーコードは復元できない形）、このお知らせを確認した日時",
            en: "Devices signed in (browser kind), IP address, last activity, counts of failed sign-ins (per email address and IP address), two-factor settings (the authenticator app's key encrypted, passkeys as public keys only, recovery codes as one-way hashes), when you acknowledged this notice",
          },
          purpose: {
            ja: "不正なログインの防止、ご本人による他の端末のログアウト",
            en: "Preventing unauthorised sign-in; letting you sign out other devices",
          },
          audience: { ja: "ご本人（アカウント画面）、事務局", en: "You (account page), the secretariat" },
          kept: ["sessions", "signInThrottle", "twoFactorPending"],
        },
        {
          kind: { ja: "研修の記録", en: "Training records" },
          items: {
            ja: "受講登録、各単元の進み具合、確認テストの解答と得点、振り返りの記述、研修会の申込み（添付ファイルを含む）・出欠、動画の視聴範囲、修了証（番号・照合コード）",
            en: "Enrolments, progress through each module, check answers and scores, written reflections, session applications (with any attached file) and attendance, the parts of videos watched, certificates (serial and verification code)",
          },
          purpose: { ja: "研修の実施、修了の判定、修了証の発行", en: "Running the training, deciding completion, issuing certificates" },
          audience: {
            ja: "ご本人、企画委員会、事務局。修了証の照合ページでは、照合コードを知る人に氏名・研修・年度のみ表示",
            en: "You, the planning committee, the secretariat. The certificate check page shows only the name, course and year to someone who has the verification code",
          },
          kept: ["records", "applicationFiles"],
        },
        {
          kind: { ja: "事例検討の記述", en: "Case texts" },
          items: {
            ja: "受講者が匿名化して提出する事例の記述、講師のコメントと評価",
            en: "The anonymised case texts trainees submit, facilitators' comments and ratings",
          },
          purpose: { ja: "実習の事例検討", en: "Case study in practical training" },
          audience: {
            ja: "提出した受講者、同じ研修会の受講者（共有された範囲）、担当講師、事務局",
            en: "The trainee who wrote it, the trainees of the same session (what is shared), the facilitators, the secretariat",
          },
          kept: ["caseTexts"],
        },
        {
          kind: { ja: "事業所の自己評価", en: "Office self-evaluation" },
          items: {
            ja: "チェックリストの回答、コメント、根拠の記述、回答した人と日時、提出・差戻しの記録、改善計画（担当者名を含む）とコメント、共有会の参加者氏名",
            en: "Checklist answers, comments, evidence notes, who answered and when, submissions and returns, action plans (with the names of those responsible) and comments, names of those attending sharing meetings",
          },
          purpose: {
            ja: "事業所の自己評価と改善、評価・研修部会による支援、協議会への集計報告",
            en: "The office's self-evaluation and improvement, support by the evaluation subcommittee, aggregate reports to the council",
          },
          audience: {
            ja: "その事業所の管理者、評価・研修部会、事務局。協議会の報告には事業所名を出さない集計のみ",
            en: "The office's manager, the evaluation subcommittee, the secretariat. Reports to the council contain only aggregates without office names",
          },
          kept: ["records"],
        },
        {
          kind: { ja: "お知らせ", en: "Notices" },
          items: {
            ja: "画面内のお知らせ、送信したメール（宛先・件名・本文）、カレンダー配信用の鍵（変換したもの）",
            en: "Notifications on screen, mail sent (address, subject, text), calendar feed keys (stored as a hash)",
          },
          purpose: { ja: "締切や研修会の連絡", en: "Deadlines and session notices" },
          audience: {
            ja: "ご本人、事務局・システム管理者（送信したメールの一覧）",
            en: "You, the secretariat and the system administrator (the list of mail sent)",
          },
          kept: ["notifications", "mail"],
        },
        {
          kind: { ja: "操作の記録（監査ログ）", en: "Audit log" },
          items: { ja: "誰が、いつ、何を変更したか（事例の閲覧を含む）", en: "Who changed what and when (including reads of case texts)" },
          purpose: { ja: "不正や誤りの発見、漏えい時の調査", en: "Finding misuse and mistakes; investigating a leak" },
          audience: { ja: "事務局、システム管理者", en: "The secretariat, the system administrator" },
          kept: ["auditLog"],
        },
      ],
    },
    {
      id: "safety",
      heading: { ja: "3. 安全管理", en: "3. Safety measures" },
      paragraphs: [
        {
          ja: "通信は暗号化し、パスワードやログイン用の鍵は復元できない形でのみ保存します。評価・研修部会、事務局、システム管理者のログインには2段階認証が必要です。画面と操作は役割と所属事業所ごとに制限し、変更は監査ログに記録します。データベースは市の管理する環境に置き、バックアップも同じ扱いとします。",
          en: "Connections are encrypted; passwords and sign-in keys are stored only in a form that cannot be reversed. The evaluation subcommittee, the secretariat and system administrators must sign in with two factors. Pages and actions are limited by role and office, and changes are recorded in the audit log. The database is kept in an environment the city manages, and so are its backups.",
        },
        {
          ja: "事務局（市の職員）とシステム管理者（設定・ジョブ・バックアップ・監査を担当。委託事業者の場合があります）の役割は分けています。システム管理者は、事業所の回答・コメント・計画、事例、個人の研修記録を見ることができません。障害対応などでやむを得ず見る場合は、理由を記録した上で60分に限り閲覧のみの緊急アクセスを開き、その間の閲覧はすべて記録され、評価・研修部会と事務局に示されます。",
          en: "The secretariat (the city's staff) and the system administrator (settings, jobs, backups and audit; possibly a contractor) are separate roles. The system administrator cannot see offices' answers, comments or plans, cases, or people's training records. When they must (to resolve a fault, for example), they open an emergency access with a recorded reason: read-only, for 60 minutes, every read recorded and shown to the evaluation subcommittee and the secretariat.",
        },
        {
          ja: "ご本人以外の人（事業所以外の人）が記録を見たときは、その閲覧も監査ログに記録します。",
          en: "When anyone other than the person (or their office) views a record, that read is recorded in the audit log too.",
        },
      ],
    },
    {
      id: "third",
      heading: { ja: "4. 第三者への提供", en: "4. Giving information to others" },
      paragraphs: [
        {
          ja: "法令に基づく場合を除き、ご本人の同意なく第三者に提供しません。協議会への報告は事業所名を出さない集計のみです。",
          en: "Nothing is given to a third party without your consent, except where a law requires it. Reports to the council contain only aggregates without office names.",
        },
      ],
    },
    {
      id: "request",
      heading: { ja: "5. 開示・訂正・利用停止の請求", en: "5. Requests for disclosure, correction or stopping use" },
      paragraphs: [
        {
          ja: "ご本人は、法に基づき、保有個人情報の開示（法第76条）、訂正（法第90条）、利用停止（法第98条）を請求できます。表示言語とパスワードは、アカウント画面でご自身で変更できます。",
          en: "Under the Act you may request disclosure (Article 76), correction (Article 90) or stopping the use (Article 98) of the personal information held about you. You can change your display language and password yourself on your account page.",
        },
        { ja: "請求やお問い合わせは、次の窓口にお申し出ください。", en: "Make a request or ask a question at the contact below." },
      ],
    },
  ],
};

/** The notice in one language, each row's retention from the periods in force. */
function noticeIn(locale: Locale, periods: RetentionPeriods): Notice {
  return {
    title: NOTICE.title[locale],
    sections: NOTICE.sections.map((section) => ({
      id: section.id,
      heading: section.heading[locale],
      paragraphs: section.paragraphs.map((p) => p[locale]),
      ...(section.rows
        ? {
            rows: section.rows.map((r) => ({
              kind: r.kind[locale],
              items: r.items[locale],
              purpose: r.purpose[locale],
              audience: r.audience[locale],
              kept: keptText(r.kept, locale, periods),
            })),
          }
        : {}),
    })),
  };
}

/** The notice in the reader's language, with the retention periods in force (the system administrator's settings). */
export function privacyNotice(locale: Locale, periods: RetentionPeriods = {}): Notice {
  const notice = noticeIn(locale, periods);
  // The whole retention schedule, exports and backups included, after the table (section 2).
  const schedule: NoticeSection = {
    id: "retention",
    heading: locale === "en" ? "2a. Retention schedule" : "2の2. 保存期間の一覧",
    paragraphs: [
      locale === "en"
        ? "Records due are deleted by a daily job, which records what it deleted. Where a range is given, the system administrator sets the period within it; the period in force is shown."
        : "期限の来た記録は毎日の処理で削除し、削除した件数を記録します。範囲が示されているものは、その範囲内でシステム管理者が期間を定めます（表示は現在の期間です）。",
    ],
    list: RETENTION_SCHEDULE.map((rule) => {
      const text = ruleText(rule.kind, locale, periods);
      if (!rule.bounds) return text;
      const range = `${rule.bounds.min}–${rule.bounds.max}`;
      return locale === "en" ? `${text} (settable: ${range} days)` : `${text}（設定できる範囲：${range}日）`;
    }),
  };
  const at = notice.sections.findIndex((s) => s.id === "what") + 1;
  return { ...notice, sections: [...notice.sections.slice(0, at), schedule, ...notice.sections.slice(at)] };
}
