import { reportWorkbook } from "~/cycle/report.server";
import { prisma } from "~/db.server";
await reportWorkbook(2025, "ja");
const t1 = performance.now();
for (let i = 0; i < 20; i++) await reportWorkbook(2025, "ja");
console.log("reportWorkbook warm", ((performance.now() - t1) / 20).toFixed(2));
await prisma.$disconnect();
process.exit(0);
