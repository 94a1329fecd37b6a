// The unit tests Stryker runs against each mutant (`npm run test:mutation`, docs/mutation.md): only the tests of
// the pure rule modules, with no database (no global setup, no per-file database), so a mutant costs milliseconds.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: [
      "app/evaluation/scoring.test.ts",
      "app/evaluation/checklist-import.test.ts",
      "app/training/grading.test.ts",
      "app/scheduling/rules.test.ts",
      "app/scheduling/attendance.test.ts",
      "app/lib/fiscal-year.test.ts",
      "app/cycle/agenda.test.ts",
      "app/cycle/peer-suggestions.test.ts",
      "app/cycle/anonymise.test.ts",
      "app/applications/rules.test.ts",
      "app/staff/statutory.test.ts",
      "app/office-training/effect.test.ts",
      "app/privacy/retention.test.ts",
    ],
    pool: "forks",
    maxWorkers: 1,
  },
});
