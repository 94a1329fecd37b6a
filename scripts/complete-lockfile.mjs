// The npm registry these machines reach serves only some of Rollup's platform packages, so `npm install`
// leaves the others out of package-lock.json and `npm ci` then refuses the lock file as out of sync.
// This adds lock entries for the missing ones, with their os/cpu/libc, so npm skips them by platform
// without fetching (see docs/decisions/008-lockfile-platform-packages.md). Run after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const platform = (name) => {
  const m = name.match(
    /^@(?:rollup)\/rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+?)(?:-(gnueabihf|musleabihf|gnu|musl|msvc|eabi))?$/,
  );
  if (!m) return null;
  const [, os, cpuRaw, abi] = m;
  const cpu =
    { arm: "arm", arm64: "arm64", x64: "x64", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x" }[
      cpuRaw
    ] ?? cpuRaw;
  const entry = { os: [os], cpu: [cpu] };
  if (abi === "gnu" || abi === "gnueabihf") entry.libc = ["glibc"];
  if (abi === "musl" || abi === "musleabihf") entry.libc = ["musl"];
  return entry;
};
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies) continue;
  for (const [dep, version] of Object.entries(pkg.optionalDependencies)) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    const p = platform(dep);
    if (!p) continue;
    lock.packages[`node_modules/${dep}`] = { version, ...p, license: "MIT", optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`lock entries added: ${added}`);
