// What the tests need from the operating system and npm cannot provide: Debian's Chromium (Playwright cannot
// download its own browser here), Japanese fonts (pages and PDFs rendered with Noto Sans CJK), ffmpeg (lecture
// video), poppler and tesseract (certificate PDFs rendered and read back to check their glyphs). `ensureSystemDeps()` finds each; what is
// missing is installed with apt-get when this is root on Debian or Ubuntu, and otherwise it stops at once with
// the one command to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface SystemDep {
  /** The Debian package that provides it. */
  pkg: string;
  /** What it is for, in a few words. */
  why: string;
  present: () => boolean;
}

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const hasFont = (family: string) => {
  try {
    return execFileSync("fc-list", { encoding: "utf8" }).toLowerCase().includes(family.toLowerCase());
  } catch {
    return false;
  }
};

export const SYSTEM_DEPS: SystemDep[] = [
  { pkg: "chromium", why: "end-to-end tests in a real browser", present: () => existsSync("/usr/bin/chromium") },
  { pkg: "fonts-noto-cjk", why: "Japanese text in pages and screenshots", present: () => hasFont("Noto Sans CJK") },
  { pkg: "ffmpeg", why: "lecture video: probing, transcoding, demo lectures", present: () => onPath("ffmpeg") && onPath("ffprobe") },
  { pkg: "poppler-utils", why: "rendering certificate PDFs to check every glyph", present: () => onPath("pdftoppm") },
  { pkg: "tesseract-ocr", why: "reading rendered certificates back (OCR)", present: () => onPath("tesseract") },
  {
    pkg: "tesseract-ocr-jpn",
    why: "Japanese OCR data for the certificate check",
    present: () => spawnSync("sh", ["-c", "tesseract --list-langs 2>/dev/null | grep -qx jpn"], { stdio: "ignore" }).status === 0,
  },
];

/** Installs (or names) what is missing; returns only when everything in `deps` is present. */
export function ensureSystemDeps(deps: SystemDep[] = SYSTEM_DEPS): void {
  const missing = deps.filter((d) => !d.present());
  if (missing.length === 0) return;
  const pkgs = missing.map((d) => d.pkg);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !onPath("apt-get")) {
    console.error(`Missing system packages: ${missing.map((d) => `${d.pkg} (${d.why})`).join(", ")}.`);
    console.error(`Install them, then run the command again:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Installing system packages: ${pkgs.join(", ")} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args: string[]) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  if (!run(["update", "-qq"]) || !run(["install", "-y", "-qq", "--no-install-recommends", ...pkgs])) {
    console.error(`apt-get could not install ${pkgs.join(" ")}. Run by hand:\n  ${command}`);
    process.exit(1);
  }
  const still = deps.filter((d) => !d.present());
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.map((d) => d.pkg).join(", ")}.`);
    process.exit(1);
  }
}
