// `npm test`: every test — Vitest (unit + integration on PostgreSQL), then Playwright (end-to-end in
// Chromium against the production server) — and one closing line with the totals.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./lib/embedded-postgres.ts";
import { ensureSystemDeps } from "./lib/system-deps.ts";

const root = join(import.meta.dirname, "..");
const cache = join(root, ".cache");
mkdirSync(cache, { recursive: true });
const vitestJson = join(cache, "vitest.json");
const playwrightJson = join(cache, "playwright.json");
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const only = process.argv[2]; // "unit" or "e2e" to run one side
// A fresh machine: find (or install) Chromium, the Japanese fonts, ffmpeg and poppler before any test needs them.
ensureSystemDeps();
let ok = true;

if (only !== "e2e") {
  const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
    cwd: root,
    stdio: "inherit",
  });
  ok &&= r.status === 0;
}
if (only !== "unit") {
  // The end-to-end server and its PostgreSQL get ports that are free now, unless given: a fixed default (3100, 54330)
  // may be held by another program on a shared machine, and PostgreSQL then refuses to start.
  const e2ePort = process.env.E2E_PORT || String(await freePort());
  let pgPort = process.env.E2E_PG_PORT || String(await freePort());
  while (pgPort === e2ePort) pgPort = String(await freePort());
  const ports = { E2E_PORT: e2ePort, E2E_PG_PORT: pgPort };
  console.log(`end-to-end server on port ${ports.E2E_PORT}, its PostgreSQL on port ${ports.E2E_PG_PORT}`);
  const r = spawnSync("npx", ["playwright", "test", "--reporter=list,json"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...ports, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
  ok &&= r.status === 0;
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  console.log(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
} else if (only !== "e2e") {
  ok = false;
  console.log("vitest: no results written");
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, "utf8"));
  const s = p.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  console.log(`playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed${s.flaky ? ` (${s.flaky} flaky, passed on retry)` : ""}`);
} else if (only !== "unit") {
  ok = false;
  console.log("playwright: no results written");
}
if (passed === 0) ok = false;
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
