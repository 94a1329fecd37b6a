import { describe, expect, it } from "vitest";
import { statusTimeline } from "./status-timeline";

const jst = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 9 * 3600_000);

describe("statusTimeline", () => {
  it("counts items by status at each month end of the fiscal year, up to now", () => {
    const items = [
      {
        createdAt: jst(2025, 4, 10),
        changes: [
          { date: jst(2025, 6, 1), status: "IN_PROGRESS" as const },
          { date: jst(2025, 8, 15), status: "DONE" as const },
        ],
      },
      { createdAt: jst(2025, 5, 20), changes: [] },
    ];
    const rows = statusTimeline(items, 2025, jst(2025, 9, 10));
    expect(rows.map((r) => r.month)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"]);
    expect(rows[0]).toMatchObject({ PLANNED: 1, IN_PROGRESS: 0, DONE: 0 });
    expect(rows[1]).toMatchObject({ PLANNED: 2 });
    expect(rows[2]).toMatchObject({ PLANNED: 1, IN_PROGRESS: 1 });
    expect(rows[4]).toMatchObject({ PLANNED: 1, DONE: 1 });
  });

  it("runs through March of the next calendar year", () => {
    const rows = statusTimeline([], 2024, jst(2026, 1, 1));
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)!.month).toBe("2025-03");
  });
});
