// CSV for Excel: the one CSV module is app/lib/csv.ts (papaparse, BOM, formula guard); kept as the
// training capability's name for it.
export { toCsv } from "~/lib/csv";
