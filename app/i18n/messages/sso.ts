// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const ssoJa = {
  "accessibility.link": "アクセシビリティ方針",
  "accessibility.reviewedLine": "最終確認日：{date}",
} as const;

export const ssoEn: Record<keyof typeof ssoJa, string> = {
  "accessibility.link": "Accessibility",
  "accessibility.reviewedLine": "Last reviewed: {date}",
};
