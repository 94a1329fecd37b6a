import { councilFigures } from "~/cycle/council-figures.server";
import { trainingEffectFor } from "~/office-training/office-training.server";
import { prisma } from "~/db.server";
await councilFigures(2025); await trainingEffectFor(2025, "ja");
for (const [name, f] of [["figures", () => councilFigures(2025)], ["effect", () => trainingEffectFor(2025, "ja")]] as const) {
  const t1 = performance.now();
  for (let i = 0; i < 20; i++) await f();
  console.log(name, ((performance.now() - t1) / 20).toFixed(2));
}
await prisma.$disconnect();
process.exit(0);
