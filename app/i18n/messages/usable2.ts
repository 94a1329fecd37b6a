// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Issue 14, last part: Japanese text marked lang="ja" in the English UI, with a one-line notice.
export const usable2Ja = {
  "usable2.inJapanese": "この部分の一部は日本語でのみ書かれています。",
};

export const usable2En: Record<keyof typeof usable2Ja, string> = {
  "usable2.inJapanese": "Some of this text is written in Japanese only.",
};
