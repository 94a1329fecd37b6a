import { trainingEffectFor } from "~/office-training/office-training.server";
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const rows = await trainingEffectFor(2025, "ja", null);
  console.log("effect", (performance.now() - t).toFixed(1), rows.length, JSON.stringify(rows.slice(0, 2).map((r) => [r.categoryCode, r.trained, r.untrained])));
}
process.exit(0);
