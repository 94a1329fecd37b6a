// `npm run a11y:results`: runs the axe scan of every page (tests/e2e/a11y.spec.ts) with each scan recorded, then
// writes the published results that /accessibility shows (app/accessibility/test-results.json; decision 057).
// Commit the file it writes: the page never depends on a test run's leftovers.
//   E2E_PORT=.. E2E_PG_PORT=.. npm run a11y:results          run the spec, then write the results
//   npm run a11y:results -- --from .cache/a11y-scans.jsonl    write the results from a recorded run
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import { summariseScans, type AxeScan } from "../app/accessibility/results.ts";
import { isoDateJst } from "../app/i18n/format.ts";
import { ROUTES } from "../tests/e2e/route-access.ts";
import { freePort } from "./lib/embedded-postgres.ts";

const root = join(import.meta.dirname, "..");
const target = join(root, "app/accessibility/test-results.json");
const fromIndex = process.argv.indexOf("--from");
let scansFile = fromIndex > 0 ? process.argv[fromIndex + 1] : join(root, ".cache/a11y-scans.jsonl");

if (fromIndex < 0) {
  mkdirSync(join(root, ".cache"), { recursive: true });
  rmSync(scansFile, { force: true });
  const e2ePort = process.env.E2E_PORT || String(await freePort());
  const pgPort = process.env.E2E_PG_PORT || String(await freePort());
  const started = Date.now();
  const run = spawnSync("npx", ["playwright", "test", "tests/e2e/a11y.spec.ts", "--retries", "0"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, E2E_PORT: e2ePort, E2E_PG_PORT: pgPort, A11Y_SCANS_FILE: scansFile },
  });
  console.log(`a11y spec: ${Math.round((Date.now() - started) / 1000)} s, exit ${run.status}`);
  if (run.status !== 0) {
    // Failed pages are not published as passed: the results would miss their scans. Fix them and run again.
    console.error("The accessibility spec failed; test-results.json was not changed.");
    process.exit(1);
  }
} else if (!scansFile || !existsSync(scansFile)) {
  console.error(`No recorded scans at ${scansFile ?? "(no path given)"}.`);
  process.exit(1);
} else {
  scansFile = resolve(scansFile);
}

const scans: AxeScan[] = readFileSync(scansFile, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as AxeScan);
const results = summariseScans(scans, ROUTES, isoDateJst);
// Written as `prettier --check` (npm run lint) wants it.
writeFileSync(target, await format(JSON.stringify(results), { ...(await resolveConfig(target)), filepath: target }));
const missed = results.outOfScope.filter((r) => r.reason === "notScanned");
console.log(
  `${results.scans} scans of ${results.pages.length} pages on ${results.testedOn}; ${Object.keys(results.criteria).length} success criteria touched by axe; written to ${target}`,
);
if (missed.length > 0) console.warn(`Not scanned: ${missed.map((r) => r.route).join(", ")}`);
