// Mutation testing of the modules that hold a product rule (issue 12; docs/mutation.md, decision 061).
// `npm run test:mutation` runs all of them; one module: `npm run test:mutation -- --mutate app/cycle/agenda.ts`.
// Not part of `npm test` nor `.ci/run`: it takes minutes, and its score is read, not gated.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: [
    "app/evaluation/scoring.ts",
    "app/evaluation/checklist-import.ts",
    "app/training/grading.ts",
    "app/scheduling/rules.ts",
    "app/scheduling/attendance.ts",
    "app/lib/fiscal-year.ts",
    "app/cycle/agenda.ts",
    "app/cycle/peer-suggestions.ts",
    "app/cycle/anonymise.ts",
    "app/applications/rules.ts",
    "app/staff/statutory.ts",
    "app/office-training/effect.ts",
    "app/privacy/retention.ts",
  ],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  // A 2-core machine shared with other work.
  concurrency: 1,
  // A mutant that loops forever is a timeout (counted as killed); a short limit keeps such runs quick.
  timeoutMS: 5_000,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
