import { reportWorkbook } from "~/cycle/report.server";
import { prisma } from "~/db.server";
const ExcelJS = (await import("exceljs")).default;
for (const mode of ["DEFLATE", "STORE", "L1", "DEFLATE", "STORE", "L1"]) {
  const t0 = performance.now();
  let size = 0;
  for (let i = 0; i < 50; i++) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("a");
    for (let r = 0; r < 20; r++) ws.addRow(["報告", "ラベル" + r, "説明説明説明", r]);
    const es = wb.addWorksheet("b");
    for (let r = 0; r < 12; r++) es.addRow(["OPS", "名前", "個別", "2024", "2025", 1, 2, 3, 4, 5, 6, 7, 8]);
    const b = await wb.xlsx.writeBuffer({ zip: mode === "L1" ? { compression: "DEFLATE", compressionOptions: { level: 1 } } : { compression: mode } } as never);
    size = b.byteLength;
  }
  console.log(mode, ((performance.now() - t0) / 50).toFixed(2), "ms", size);
}
const t1 = performance.now();
for (let i = 0; i < 20; i++) await reportWorkbook(2025, "ja");
console.log("reportWorkbook warm", ((performance.now() - t1) / 20).toFixed(2));
await prisma.$disconnect();
process.exit(0);
