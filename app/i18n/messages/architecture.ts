// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const architectureJa = {
  "evaluation.results.trainingFor": "推奨する研修: {pillar}",
} as const;
export const architectureEn: Record<keyof typeof architectureJa, string> = {
  "evaluation.results.trainingFor": "Recommended training: {pillar}",
};
