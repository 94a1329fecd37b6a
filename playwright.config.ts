import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium where present (Playwright's own browser cannot be downloaded here).
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The real production server on a fresh embedded database, seeded with the demo data.
    command: "tsx scripts/start.ts",
    url: `http://localhost:${PORT}/healthz`,
    // A fresh clone builds the bundle and makes the demo lectures with ffmpeg (cached afterwards) before it answers.
    timeout: 300_000,
    reuseExistingServer: false,
    // Stopped the way an operator stops it (SIGTERM: requests finished, then its PostgreSQL stopped), not killed.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      TSUNAGU_DATA_DIR: ".data/e2e",
      TSUNAGU_RESET_DATA: "1",
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54330)),
      DATABASE_URL: "",
      // Requests are logged as JSON lines; the test output keeps only warnings and errors.
      LOG_LEVEL: "warn",
    },
  },
});
