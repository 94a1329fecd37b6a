// The accessibility statement shown at /accessibility (アクセシビリティ方針), in Japanese and English.
// Written from what the repository actually tests (tests/e2e/a11y.spec.ts, tests/e2e/helpers.ts
// `expectAccessible`, the specs that check phone width and the keyboard) and from what the video module
// actually provides (app/video). When the tests or the known limits change, change this text and set
// ACCESSIBILITY_REVIEW_DATE. Shared by server and browser (no server-only imports).
import type { Locale } from "~/i18n";

/** The day this statement was last reviewed against the tests and the known limits (JST calendar date). */
export const ACCESSIBILITY_REVIEW_DATE = "2026-12-02";

export interface StatementSection {
  id: string;
  heading: string;
  paragraphs: string[];
  list?: string[];
}

export interface Statement {
  title: string;
  sections: StatementSection[];
}

const ja: Statement = {
  title: "アクセシビリティ方針",
  sections: [
    {
      id: "policy",
      heading: "1. 方針",
      paragraphs: [
        "Tsunagu（つなぐ）は、障害のある方を含むすべての利用者が、研修と自己評価を同じように使えることを目指します。",
        "目標とする適合レベルは、JIS X 8341-3:2016 の適合レベル AA、および WCAG 2.2 のレベル AA です。",
        "対象範囲は、Tsunagu のすべての画面（サインイン前の画面、受講者・事業所・委員・事務局・システム管理者の画面）です。ダウンロードするファイル（修了証 PDF、CSV、Excel）は、次の「既知の制約」に記載します。",
      ],
    },
    {
      id: "testing",
      heading: "2. 確認の方法",
      paragraphs: ["次の確認を、変更のたびに自動テストとして実行しています。"],
      list: [
        "すべての画面を、その画面を見られる利用者でサインインして開き、日本語と英語の両方、1280 ピクセルの幅とスマートフォンの 390 ピクセルの幅で、axe（axe-core）により WCAG 2.0・2.1・2.2 のレベル A と AA の達成基準を検査しています。重大（serious）または致命的（critical）と判定された問題が一つでもあればテストは失敗します。",
        "研修、自己評価、事例、取り込み、二要素認証、監査ログなど、主な操作の途中の状態（入力エラーの表示、保存後など）でも、同じ axe の検査を行っています。",
        "キーボード操作：「本文へ移動」リンクがキーボードで使えること、研修モジュールの次のセクションへキーボードで進めることを確認しています。",
        "スマートフォンの幅（375〜390 ピクセル）：すべての画面を上記のとおり axe で検査し、横にスクロールする表の枠もキーボードで操作できることを確かめています。ホーム画面に横スクロールが出ず、メニューが使えることも確認しています。いくつかの画面（個人情報の取扱い、二要素認証、事例、取り込み、監査ログなど）は、1280 ピクセルと 390 ピクセルの幅で画面を撮影して確認しています。",
        "ブラウザーは Chromium で確認しています。",
      ],
    },
    {
      id: "limits",
      heading: "3. 既知の制約",
      paragraphs: ["次の点は、目標に達していないか、まだ確認していません。"],
      list: [
        "axe が「中程度」「軽微」と判定した問題では、テストは失敗しません（試験結果では、そのような問題も「不適合」と示します）。人による確認は一部の達成基準だけで、残りは「6. 試験結果」で「未確認」と示しています。",
        "スクリーンリーダー（NVDA、VoiceOver など）による確認の記録はまだありません。Firefox と Safari では確認していません。",
        "講義動画：公開には日本語の字幕が必須で、字幕は初めから表示され、書き起こし（トランスクリプト）も画面に表示されます。英語の字幕は任意のため、英語の字幕がない動画があります。音声解説はありません（画面の要点は字幕と書き起こしで補っています）。",
        "修了証の PDF はタグ付き PDF ではありません。修了証の内容は、照合ページ（/verify）で HTML として確認できます。",
        "CSV と Excel のファイルは、表計算ソフトで開いて使うためのものであり、この方針の確認の対象外です。",
      ],
    },
    {
      id: "review",
      heading: "4. 最終確認日",
      paragraphs: ["この方針と既知の制約は、次の日に見直しました。"],
    },
    {
      id: "contact",
      heading: "5. 問題のご連絡",
      paragraphs: [
        "使いにくい点や、使えない画面がありましたら、次の窓口にお知らせください。どの画面で、何をしようとして、何が起きたか（お使いの機器、ブラウザー、支援技術）をお書きいただけると、早く直せます。",
      ],
    },
  ],
};

const en: Statement = {
  title: "Accessibility statement",
  sections: [
    {
      id: "policy",
      heading: "1. Policy",
      paragraphs: [
        "Tsunagu aims to be usable on equal terms by everyone who takes its training or does its self-evaluation, including people with disabilities.",
        "The conformance target is level AA of JIS X 8341-3:2016 and level AA of WCAG 2.2.",
        "The scope is every page of Tsunagu (the pages before sign-in, and those of trainees, offices, committee members, the secretariat and system administrators). Downloaded files (certificate PDFs, CSV, Excel) are covered under “Known limits” below.",
      ],
    },
    {
      id: "testing",
      heading: "2. How it is tested",
      paragraphs: ["The following checks run as automated tests on every change."],
      list: [
        "Every page is opened by a user allowed to see it and scanned with axe (axe-core) for the WCAG 2.0, 2.1 and 2.2 level A and AA success criteria, in Japanese and in English, at 1280 px wide and at a phone's 390 px. Any issue axe rates serious or critical fails the test.",
        "The same axe scan runs in the states reached while using the main features — training, self-evaluation, cases, imports, two-factor sign-in, the audit log — such as a form showing errors or a page after saving.",
        "Keyboard: the “skip to main content” link works from the keyboard, and a training module's next section can be reached with the keyboard.",
        "Phone width (375–390 px): every page is scanned with axe as above, so a table whose box scrolls sideways can be reached and scrolled with the keyboard; the home page has no horizontal scroll and its menu is usable. Several pages (privacy, two-factor, cases, imports, the audit log and others) are captured at 1280 px and 390 px and looked at.",
        "The browser tested is Chromium.",
      ],
    },
    {
      id: "limits",
      heading: "3. Known limits",
      paragraphs: ["In the following, the target is not met or has not been checked yet."],
      list: [
        "Issues axe rates moderate or minor do not fail the tests (the test results still show them as fails). Only some success criteria have been checked by a person; the others are shown as “unchecked” in “6. Test results”.",
        "No check with a screen reader (NVDA, VoiceOver…) is recorded yet. Firefox and Safari are not tested.",
        "Lecture videos: Japanese captions are required before a lecture can be published; captions are on by default, and a transcript is shown on the page. English captions are optional, so some lectures have none. There is no audio description (the captions and transcript carry the slides' key points).",
        "Certificate PDFs are not tagged PDFs. A certificate's content can be read as HTML on its verification page (/verify).",
        "CSV and Excel files are meant for spreadsheet software and are outside the scope of these checks.",
      ],
    },
    {
      id: "review",
      heading: "4. Last reviewed",
      paragraphs: ["This statement and its known limits were last reviewed on:"],
    },
    {
      id: "contact",
      heading: "5. Reporting a problem",
      paragraphs: [
        "If a page is hard or impossible to use, please tell us at the contact below. Saying which page, what you were trying to do and what happened (your device, browser and any assistive technology) helps us fix it sooner.",
      ],
    },
  ],
};

export function accessibilityStatement(locale: Locale): Statement {
  return locale === "en" ? en : ja;
}
