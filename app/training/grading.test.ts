import { describe, expect, it } from "vitest";
import { answersFromForm, canonicalAnswers, grade, moduleStatus } from "./grading";

const q = (id: string, correct: string[]) => ({
  id,
  prompt: { ja: "問", en: "Q" },
  choices: ["a", "b", "c"].map((c) => ({ id: c, text: { ja: c, en: c } })),
  correct,
  explanation: { ja: "解説", en: "Why" },
});
const check = { passMark: 0.8, questions: [q("q1", ["a"]), q("q2", ["b", "c"]), q("q3", ["c"]), q("q4", ["a"]), q("q5", ["b"])] };

describe("grading", () => {
  it("passes at exactly 80% (4 of 5) and fails below", () => {
    const four = grade(check, { q1: ["a"], q2: ["c", "b"], q3: ["c"], q4: ["a"], q5: ["a"] });
    expect(four).toMatchObject({ correctCount: 4, total: 5, passed: true });
    const three = grade(check, { q1: ["a"], q2: ["b"], q3: ["c"], q4: ["a"], q5: ["a"] });
    expect(three).toMatchObject({ correctCount: 3, passed: false });
  });

  it("needs exactly the correct set for a multiple-answer question; missing answers are wrong", () => {
    const g = grade(check, { q2: ["a", "b", "c"] });
    expect(g.questions.find((x) => x.id === "q2")?.correct).toBe(false);
    expect(g.questions.find((x) => x.id === "q1")).toMatchObject({ correct: false, chosen: [], correctChoices: ["a"] });
  });

  it("reads answers from a form, dropping unknown choices", () => {
    const form = new FormData();
    form.append("q.q1", "a");
    form.append("q.q1", "zzz");
    form.append("q.q2", "c");
    form.append("q.q2", "b");
    const answers = answersFromForm(check, form);
    expect(answers).toMatchObject({ q1: ["a"], q2: ["b", "c"], q3: [] });
  });

  it("gives the same canonical form to the same answers in any order", () => {
    expect(canonicalAnswers({ q2: ["c", "b"], q1: ["a"] })).toBe(canonicalAnswers({ q1: ["a"], q2: ["b", "c"] }));
  });

  it("is complete only when every section was reached and the check passed", () => {
    const ids = ["a", "b"];
    expect(moduleStatus(ids, null, [])).toBe("not-started");
    expect(moduleStatus(ids, { sectionsReached: ["a"] }, [])).toBe("in-progress");
    expect(moduleStatus(ids, { sectionsReached: ["a"] }, [{ passed: true }])).toBe("in-progress");
    expect(moduleStatus(ids, { sectionsReached: ["a", "b"] }, [{ passed: false }])).toBe("failed");
    expect(moduleStatus(ids, { sectionsReached: ["a", "b"] }, [{ passed: false }, { passed: true }])).toBe("complete");
  });
});
