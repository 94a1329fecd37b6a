// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
// Accessibility test results by success criterion (issue 19): /accessibility.
export const accessibilityResultsJa = {
  "accessibility.results.heading": "試験結果",
};

export const accessibilityResultsEn: Record<keyof typeof accessibilityResultsJa, string> = {
  "accessibility.results.heading": "Test results",
};
