// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const staffJa = {
  "staff.placeholder": "（準備中）",
} as const;

export const staffEn = {
  "staff.placeholder": "(in preparation)",
};
