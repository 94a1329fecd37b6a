import { describe, expect, it } from "vitest";
import { answersFromForm, canonicalAnswers, choiceOrder, feedbackOf, grade, moduleStatus, unanswered } from "./grading";

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
    // A module with a lecture: sections and check done, video not yet watched, is still in progress.
    expect(moduleStatus(ids, { sectionsReached: ["a", "b"] }, [{ passed: true }], false)).toBe("in-progress");
    expect(moduleStatus(ids, { sectionsReached: ["a", "b"] }, [{ passed: true }], true)).toBe("complete");
  });
});

describe("refusing blanks, hiding answers, new orders", () => {
  it("names the questions left without an answer", () => {
    expect(unanswered(check, {})).toEqual(["q1", "q2", "q3", "q4", "q5"]);
    expect(unanswered(check, { q1: ["a"], q2: [], q3: ["c"], q4: ["a"], q5: ["b"] })).toEqual(["q2"]);
    expect(unanswered(check, { q1: ["a"], q2: ["b"], q3: ["c"], q4: ["a"], q5: ["b"] })).toEqual([]);
  });
  it("gives feedback without the correct choices", () => {
    const f = feedbackOf(grade(check, { q1: ["b"] }));
    expect(f[0]).toEqual({ id: "q1", correct: false, chosen: ["b"] });
    expect(JSON.stringify(f)).not.toContain("correctChoices");
  });
  it("draws a stable order per attempt, a different one for the next, always a permutation", () => {
    const a0 = choiceOrder(check, "user:slug", 0);
    expect(choiceOrder(check, "user:slug", 0)).toEqual(a0);
    let previous = a0;
    for (let n = 1; n < 20; n++) {
      const next = choiceOrder(check, "user:slug", n);
      for (const q of check.questions) {
        expect([...next[q.id]].sort()).toEqual(["a", "b", "c"]);
        expect(next[q.id]).not.toEqual(previous[q.id]);
      }
      previous = next;
    }
  });
});

describe("grading: the rules the mutation run found unguarded", () => {
  it("refuses a partly right multiple answer of the right size", () => {
    expect(grade(check, { q2: ["a", "c"] }).questions[1].correct).toBe(false);
    expect(grade(check, { q2: ["c", "a"] }).questions[1].correct).toBe(false);
    expect(grade(check, { q2: ["c", "b"] }).questions[1]).toEqual({
      id: "q2",
      chosen: ["b", "c"],
      correctChoices: ["b", "c"],
      correct: true,
    });
    expect(grade(check, { q1: ["a", "a"] }).questions[0]).toMatchObject({ chosen: ["a"], correct: true });
  });

  it("compares with the correct choices whatever order the content lists them in", () => {
    const unsorted = { passMark: 0.8, questions: [q("m", ["c", "a"])] };
    expect(grade(unsorted, { m: ["a", "c"] }).questions[0]).toMatchObject({ correct: true, correctChoices: ["a", "c"] });
  });

  it("scores the share of right answers; 80 % is the pass mark unless the check says otherwise", () => {
    const all = { q1: ["a"], q2: ["b", "c"], q3: ["c"], q4: ["a"], q5: ["b"] };
    expect(grade(check, all)).toMatchObject({ score: 1, correctCount: 5, total: 5, passed: true, passMark: 0.8 });
    expect(grade(check, { ...all, q5: [] })).toMatchObject({ score: 0.8, passed: true });
    // The content schema defaults the pass mark; a check read without it still passes at 80 %.
    const noMark = { questions: check.questions } as unknown as typeof check;
    expect(grade(noMark, { ...all, q5: [] })).toMatchObject({ passMark: 0.8, passed: true });
    expect(grade(noMark, { ...all, q5: [], q4: [] })).toMatchObject({ score: 0.6, passed: false });
    expect(grade({ passMark: 0.6, questions: check.questions }, { ...all, q5: [], q4: [] }).passed).toBe(true);
    expect(grade({ passMark: 0.8, questions: [] }, {})).toMatchObject({ score: 0, total: 0, passed: false });
  });

  it("reads each answer once, sorted, and ignores anything but text", () => {
    const form = new FormData();
    for (const v of ["c", "a", "c"]) form.append("q.q2", v);
    form.append("q.q3", new Blob(["c"]), "c");
    form.append("q1", "a");
    expect(answersFromForm(check, form)).toEqual({ q1: [], q2: ["a", "c"], q3: [], q4: [], q5: [] });
  });

  it("writes the canonical answers as sorted pairs", () => {
    expect(canonicalAnswers({ q2: ["c", "b"], q1: ["a"] })).toBe('[["q1",["a"]],["q2",["b","c"]]]');
    expect(canonicalAnswers({})).toBe("[]");
  });

  it("names a question unanswered when its answer is missing or empty", () => {
    expect(unanswered(check, { q1: ["a"], q2: ["b"], q3: ["c"], q4: ["a"] })).toEqual(["q5"]);
  });

  it("fails a module after a failed attempt, started or not; in progress after a pass without every section", () => {
    expect(moduleStatus(["a"], null, [{ passed: false }])).toBe("failed");
    expect(moduleStatus(["a"], null, [{ passed: true }])).toBe("in-progress");
    expect(moduleStatus(["a"], { sectionsReached: [] }, [])).toBe("not-started");
    expect(moduleStatus(["a"], { sectionsReached: ["a"] }, [])).toBe("in-progress");
    expect(moduleStatus(["a", "b"], { sectionsReached: ["b", "x"] }, [{ passed: true }])).toBe("in-progress");
    expect(moduleStatus([], { sectionsReached: [] }, [{ passed: true }])).toBe("complete");
    expect(moduleStatus([], null, [{ passed: true }])).toBe("in-progress");
  });

  it("draws the same orders as before for the same seed (an attempt in progress keeps its order across releases)", () => {
    const big = {
      passMark: 0.8,
      questions: [{ ...q("big", ["a"]), choices: "abcdefghijkl".split("").map((c) => ({ id: c, text: { ja: c, en: c } })) }],
    };
    expect([0, 1, 2].map((n) => choiceOrder(big, "7:module-x", n).big.join(""))).toEqual(["jcldbefagkih", "aifgecjblhdk", "kehigbadcfjl"]);
  });

  it("rotates a two-choice order that came out the same as the previous attempt's", () => {
    const two = { passMark: 0.8, questions: [{ ...q("t", ["a"]), choices: ["a", "b"].map((c) => ({ id: c, text: { ja: c, en: c } })) }] };
    let previous = choiceOrder(two, "s", 0).t;
    for (let n = 1; n < 12; n++) {
      const next = choiceOrder(two, "s", n).t;
      expect(next).not.toEqual(previous);
      previous = next;
    }
    const one = { passMark: 0.8, questions: [{ ...q("o", ["a"]), choices: [{ id: "a", text: { ja: "a", en: "a" } }] }] };
    expect(choiceOrder(one, "s", 3).o).toEqual(["a"]);
  });
});
