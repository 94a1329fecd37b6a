// Part of `npm run build`: bundles scripts/server-process.ts (the production server process, with scripts/lib/server.ts
// and what it imports from app/) into build/server-process.mjs for plain `node`; packages stay imports (decision 050).
import { build } from "esbuild";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
await build({
  entryPoints: [join(root, "scripts/server-process.ts")],
  outfile: join(root, "build/server-process.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
