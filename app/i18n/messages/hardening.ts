// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const hardeningJa = {
  "hardening.tooLarge": "送信された内容が大きすぎます（上限 {limit}）。内容を減らしてもう一度送信してください。",
  "hardening.urlHttpOnly": "http:// または https:// で始まるURLを入力してください。",
  "hardening.meetingClosed": "この会議は終了しているため、参加登録はできません。",
  "hardening.meetingNotYours": "この会議には参加登録できません。",
  "hardening.readOnly": "確認済み、または終了した年度の計画は変更できません。",
  "hardening.sheetLocked": "提出済みのシートは変更できません。",
  "hardening.badRequest": "送信内容を読み取れませんでした。ページを再読み込みしてください。",
  "hardening.lengthRequired": "送信内容の大きさ（Content-Length）が示されていないため、受け付けられません。",
  "hardening.unsupportedBody": "この形式の送信は受け付けていません。ページのフォームから送信してください。",
  "hardening.refusedTitle": "送信内容を受け付けられませんでした",
} as const;
export const hardeningEn: Record<keyof typeof hardeningJa, string> = {
  "hardening.tooLarge": "What you sent is too large (limit {limit}). Send less and try again.",
  "hardening.urlHttpOnly": "Enter a URL that starts with http:// or https://.",
  "hardening.meetingClosed": "This meeting is over; registration is closed.",
  "hardening.meetingNotYours": "You cannot register for this meeting.",
  "hardening.readOnly": "A reviewed plan, or a plan of a closed year, cannot be changed.",
  "hardening.sheetLocked": "A submitted sheet cannot be changed.",
  "hardening.badRequest": "What you sent could not be read. Reload the page.",
  "hardening.lengthRequired": "What you sent did not state its size (Content-Length), so it was not accepted.",
  "hardening.unsupportedBody": "This kind of request is not accepted. Send it through the page's form.",
  "hardening.refusedTitle": "What you sent was not accepted",
};
