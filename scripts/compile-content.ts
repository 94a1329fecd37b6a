// `tsx scripts/compile-content.ts`: validates and compiles content/ into app/generated/content/
// (run by `npm run build`, `npm install`, `npm start`'s build check and `npm run dev`).
import { compileContent } from "./lib/compile-content.ts";

try {
  const manifest = await compileContent({ log: (m) => console.log(m) });
  console.log(`Training content: ${manifest.modules.length} modules, ${manifest.goals.length} learning goals compiled.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
