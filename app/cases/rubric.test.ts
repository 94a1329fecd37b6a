import { describe, expect, it } from "vitest";
import { isAccepted, scoreRubric } from "./rubric";

describe("rubric scoring", () => {
  const goals = ["IND-1-1", "IND-1-2", "COM-1-1"];

  it("is incomplete until every row is rated", () => {
    const r = scoreRubric(goals, [{ goalCode: "IND-1-1", level: 3 }]);
    expect(r).toMatchObject({ complete: false, rated: 1, rows: 3, reached: ["IND-1-1"], mean: 3, percent: null });
  });

  it("counts goals rated 3 or 4 as reached, in the rubric's order", () => {
    const r = scoreRubric(goals, [
      { goalCode: "COM-1-1", level: 4 },
      { goalCode: "IND-1-2", level: 2 },
      { goalCode: "IND-1-1", level: 3 },
    ]);
    expect(r.complete).toBe(true);
    expect(r.reached).toEqual(["IND-1-1", "COM-1-1"]);
    expect(r.mean).toBe(3);
    expect(r.percent).toBe(75);
  });

  it("ignores ratings of goals outside the rubric and levels out of range", () => {
    const r = scoreRubric(goals, [
      { goalCode: "HRD-3-1", level: 4 },
      { goalCode: "IND-1-1", level: 7 },
      { goalCode: "IND-1-2", level: 0 },
    ]);
    expect(r).toMatchObject({ rated: 0, reached: [], mean: null, complete: false });
  });

  it("a rubric without rows is never complete", () => {
    expect(scoreRubric([], []).complete).toBe(false);
  });

  it("accepts only an accepted review with a complete rubric", () => {
    const full = scoreRubric(["IND-1-1"], [{ goalCode: "IND-1-1", level: 1 }]);
    expect(isAccepted("accepted", full)).toBe(true);
    expect(isAccepted("revise", full)).toBe(false);
    expect(isAccepted("accepted", scoreRubric(["IND-1-1"], []))).toBe(false);
  });
});
