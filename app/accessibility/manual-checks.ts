// The checks a person made, per success criterion, beside the axe scans (decision 057). Record only what was
// really checked: a criterion nobody checked stays "unchecked" (未確認) and is shown so, whatever axe says.
// When you check one, set its result, the date, your role and how; when the app changes what a check relied on,
// check it again. /accessibility shows these with the axe results (app/accessibility/results.ts).
import type { ManualCheck } from "./results";

const ENGINEER = { ja: "開発チーム（エンジニア）", en: "Development team (engineer)" };
/** The day the checks below marked with it were made (JST). */
const FIRST_REVIEW = "2026-12-02";

const unchecked = (note?: { ja: string; en: string }): ManualCheck => ({
  result: "unchecked",
  method: { ja: "人による確認はまだ行っていません。", en: "Not yet checked by a person." },
  ...(note ? { note } : {}),
});

const byReading = (result: ManualCheck["result"], method: ManualCheck["method"], note?: ManualCheck["note"]): ManualCheck => ({
  result,
  checkedOn: FIRST_REVIEW,
  by: ENGINEER,
  method,
  ...(note ? { note } : {}),
});

export const MANUAL_CHECKS: Record<string, ManualCheck> = {
  "1.1.1": unchecked({
    ja: "代替テキストの有無は axe が検査しています。内容が適切かは未確認です。",
    en: "axe checks that alternative text exists; whether it is apt is not checked.",
  }),
  "1.2.1": byReading(
    "pass",
    {
      ja: "ソースコードの確認（app/video）：講義動画のページには、字幕の文から作る書き起こしを常に表示します。デモの講義は音声のないスライド動画で、字幕がスライドの文をすべて含みます。",
      en: "Source read (app/video): a lecture's page always shows a transcript made from its captions. The demo lectures are silent slide videos whose captions hold every slide's text.",
    },
    {
      ja: "委員会がアップロードする講義では、書き起こしの内容は講義ごとの確認が必要です。",
      en: "For lectures the committee uploads, each transcript's content needs checking lecture by lecture.",
    },
  ),
  "1.2.2": byReading("pass", {
    ja: "ソースコードの確認（app/video/video.server.ts）：日本語の字幕がない講義は公開できません。字幕は初めから表示されます（player.tsx）。",
    en: "Source read (app/video/video.server.ts): a lecture cannot be published without Japanese captions; captions are shown by default (player.tsx).",
  }),
  "1.2.3": unchecked({
    ja: "書き起こしは字幕の文から作るため、映像だけが伝える情報を含むかは講義ごとに異なります。",
    en: "The transcript is made from the captions, so whether it carries what only the picture shows differs by lecture.",
  }),
  "1.2.4": byReading("notApplicable", {
    ja: "ソースコードの確認：ライブ配信の機能はありません（講義は収録済みの動画のみ）。",
    en: "Source read: there is no live streaming (lectures are prerecorded videos only).",
  }),
  "1.2.5": byReading(
    "fail",
    {
      ja: "ソースコードの確認（app/video）：講義動画に音声解説を付ける仕組みがありません。",
      en: "Source read (app/video): lecture videos have no way to carry an audio description.",
    },
    {
      ja: "字幕と書き起こしでスライドの要点を補っていますが、音声解説の代わりにはなりません（既知の制約）。",
      en: "Captions and the transcript carry the slides' key points, which does not replace audio description (a known limit).",
    },
  ),
  "1.3.1": unchecked(),
  "1.3.2": unchecked(),
  "1.3.3": unchecked(),
  "1.3.4": byReading("pass", {
    ja: "ソースコードの確認：CSS とスクリプトに画面の向きを固定する指定はありません（axe の css-orientation-lock も検査）。",
    en: "Source read: no style or script locks the orientation (axe's css-orientation-lock also checks).",
  }),
  "1.3.5": unchecked({
    ja: "サインインとパスワードの欄には autocomplete を指定していますが、利用者に関する全入力欄は確認していません。",
    en: "Sign-in and password fields carry autocomplete; not every field about the user has been checked.",
  }),
  "1.4.1": unchecked(),
  "1.4.2": byReading("notApplicable", {
    ja: "ソースコードの確認：自動で再生される音声はありません（動画は利用者が再生したときだけ鳴ります）。",
    en: "Source read: no audio plays by itself (a video sounds only when the user plays it).",
  }),
  "1.4.3": unchecked({
    ja: "文字のコントラストは axe が全ページで検査しています。画像の中の文字などは未確認です。",
    en: "axe checks text contrast on every page; text in images and the like is not checked.",
  }),
  "1.4.4": unchecked(),
  "1.4.5": unchecked(),
  "1.4.10": unchecked({
    ja: "ホーム画面は 375 px で横スクロールがないことを自動テストで確認しています。320 px での全ページの確認はまだです。",
    en: "An automated test checks the home page has no horizontal scroll at 375 px; every page at 320 px is not checked yet.",
  }),
  "1.4.11": unchecked(),
  "1.4.12": unchecked(),
  "1.4.13": unchecked(),
  "2.1.1": unchecked({
    ja: "本文へ移動のリンク、メニュー、研修モジュールの次のセクション、チェックリストの手順は、キーボード操作の自動テストがあります。全機能の確認はまだです。",
    en: "The skip link, the menu, a module's next section and the checklist's steps have keyboard tests; not every feature is checked.",
  }),
  "2.1.2": unchecked(),
  "2.1.4": byReading("pass", {
    ja: "ソースコードの確認：文字キーだけのショートカットは、動画にフォーカスがあるときの「c」（字幕の切り替え）だけで、例外（フォーカスがあるときだけ有効）に当たります。",
    en: "Source read: the only single-character shortcut is “c” (captions on/off) while the video has focus, which the exception for a focused component allows.",
  }),
  "2.2.1": unchecked({
    ja: "サインインは 12 時間操作がないと切れます（設定で変更可）。切れる前の予告はありません。",
    en: "A sign-in ends after 12 hours without activity (configurable), with no warning before.",
  }),
  "2.2.2": unchecked({
    ja: "動画の一覧は、変換中の動画がある間、状態を 3 秒ごとに自動で更新します。止める手段が必要かは未判断です。",
    en: "The video list refreshes its status every 3 seconds while a video is being converted; whether it needs a way to pause is not decided.",
  }),
  "2.3.1": byReading(
    "pass",
    {
      ja: "ソースコードの確認：画面に点滅や動きのある表示はありません。デモの講義は 13 秒ごとに切り替わる静止スライドです。",
      en: "Source read: no page flashes or animates. The demo lectures are still slides changing every 13 seconds.",
    },
    {
      ja: "委員会がアップロードする動画の内容は対象外です。",
      en: "The content of videos the committee uploads is not covered.",
    },
  ),
  "2.4.1": byReading("pass", {
    ja: "自動テスト（tests/e2e/a11y.spec.ts）：「本文へ移動」リンクに Tab で移動し、Enter で本文にフォーカスが移ることを確認しています。全ページが同じレイアウト（app/root.tsx）です。",
    en: "Automated test (tests/e2e/a11y.spec.ts): Tab reaches the “skip to main content” link and Enter moves focus to the main content; every page shares the same layout (app/root.tsx).",
  }),
  "2.4.2": unchecked({
    ja: "タイトルの有無は axe が検査しています。内容が適切かは未確認です。",
    en: "axe checks that each page has a title; whether it is apt is not checked.",
  }),
  "2.4.3": unchecked(),
  "2.4.4": unchecked(),
  "2.4.5": unchecked(),
  "2.4.6": unchecked(),
  "2.4.7": byReading("pass", {
    ja: "ソースコードの確認（app/styles/app.css）：フォーカスのあるすべての要素に 3 px の枠と影を表示します（:focus-visible）。枠を消すのは、スクリプトで移す本文（main）だけです。",
    en: "Source read (app/styles/app.css): every focused element gets a 3 px outline and shadow (:focus-visible); only the main content, focused by script, has none.",
  }),
  "2.4.11": unchecked(),
  "2.5.1": byReading("notApplicable", {
    ja: "ソースコードの確認：複数の指や軌跡を使う操作はありません。",
    en: "Source read: nothing is operated by multipoint or path-based gestures.",
  }),
  "2.5.2": unchecked(),
  "2.5.3": unchecked({
    ja: "axe が label-content-name-mismatch を検査しています。",
    en: "axe checks label-content-name-mismatch.",
  }),
  "2.5.4": byReading("notApplicable", {
    ja: "ソースコードの確認：端末の動きや傾きで動く機能はありません。",
    en: "Source read: nothing is operated by moving or tilting the device.",
  }),
  "2.5.7": byReading("notApplicable", {
    ja: "ソースコードの確認：ドラッグで行う操作はありません（動画の再生位置はブラウザー標準の操作で、クリックでも移動できます）。",
    en: "Source read: nothing is done by dragging (a video's position uses the browser's own controls, which also take a click).",
  }),
  "2.5.8": unchecked({
    ja: "axe の target-size が 1280 px と 390 px の幅で検査しています。",
    en: "axe's target-size checks at 1280 px and 390 px wide.",
  }),
  "3.1.1": byReading("pass", {
    ja: "自動テスト（tests/e2e/a11y.spec.ts）：全ページで、表示言語に合わせて html 要素の lang が ja または en になることを確認しています。",
    en: "Automated test (tests/e2e/a11y.spec.ts): on every page the html element's lang is ja or en, as the chosen language.",
  }),
  "3.1.2": unchecked(),
  "3.2.1": unchecked(),
  "3.2.2": unchecked(),
  "3.2.3": byReading("pass", {
    ja: "ソースコードの確認：全ページのメニューは一つの部品（app/root.tsx）が同じ順序で表示します。",
    en: "Source read: one component (app/root.tsx) shows the menu in the same order on every page.",
  }),
  "3.2.4": unchecked(),
  "3.2.6": byReading("pass", {
    ja: "ソースコードの確認：全ページのフッターの同じ位置に「個人情報の取扱い」と「アクセシビリティ方針」へのリンクがあり、両方に問い合わせ窓口を記載しています。",
    en: "Source read: every page's footer has, in the same place, links to the privacy notice and this statement, both giving the contact.",
  }),
  "3.3.1": unchecked(),
  "3.3.2": unchecked(),
  "3.3.3": unchecked(),
  "3.3.4": unchecked(),
  "3.3.7": unchecked(),
  "3.3.8": byReading("pass", {
    ja: "ソースコードの確認：パスワードと確認コードの欄は貼り付けとパスワード管理ツールを妨げず（autocomplete の current-password と one-time-code）、パスキーでもサインインできます。画像認証などの認知機能テストはありません。",
    en: "Source read: the password and code fields allow pasting and password managers (autocomplete current-password and one-time-code), and passkeys can sign in; there is no cognitive test such as a CAPTCHA.",
  }),
  "4.1.1": byReading(
    "pass",
    {
      ja: "WCAG 2.1 の正誤表と WCAG 2.2 により、HTML ではこの達成基準は常に満たされるものとされます。重複した id は axe（duplicate-id-aria）が検査しています。",
      en: "Under the WCAG 2.1 errata and WCAG 2.2, this criterion is always satisfied for HTML; duplicate ids are checked by axe (duplicate-id-aria).",
    },
    { ja: "WCAG 2.2 で削除された達成基準です。", en: "Removed in WCAG 2.2." },
  ),
  "4.1.2": unchecked(),
  "4.1.3": unchecked(),
};
