// Fails when a compiled training-content artifact is stale or missing: the request path reads only
// app/generated/content, so content/ must have been compiled after its last change.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileContent, DEFAULT_OUT_DIR, expectedHashes, type Manifest } from "../../scripts/lib/compile-content";

describe("compiled training content", () => {
  it("is up to date with content/ (run `npm run content:compile` if this fails)", () => {
    const manifestPath = join(DEFAULT_OUT_DIR, "manifest.json");
    expect(existsSync(manifestPath), `${manifestPath} is missing: run npm run content:compile`).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    const expected = expectedHashes();
    expect(manifest.goalsHash, "content/learning-goals.yaml changed since the last compile").toBe(expected.goalsHash);
    const compiled = Object.fromEntries(manifest.modules.map((m) => [m.file, m.hash]));
    const wanted = Object.fromEntries(expected.modules.map((m) => [m.file, m.hash]));
    expect(compiled, "a module changed, was added or removed since the last compile").toEqual(wanted);
    for (const m of manifest.modules) expect(existsSync(join(DEFAULT_OUT_DIR, m.artifact)), `${m.artifact} is missing`).toBe(true);
  });

  it("compiles the fixture modules into hash-keyed bundles, and refuses invalid content naming the file", async () => {
    const out = mkdtempSync(join(tmpdir(), "content-"));
    try {
      const fixtures = join(import.meta.dirname, "../fixtures/content");
      const manifest = await compileContent({ contentDir: fixtures, outDir: out });
      expect(manifest.modules.map((m) => m.slug).sort()).toEqual(["fixture-listening", "fixture-resources"]);
      const artifact = JSON.parse(readFileSync(join(out, manifest.modules[0].artifact), "utf8")) as { code: string; hash: string };
      expect(artifact.hash).toBe(manifest.modules[0].hash);
      expect(artifact.code).toContain("Section");
      expect(manifest.modules[0].artifact).toContain(manifest.modules[0].hash.slice(0, 16));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
