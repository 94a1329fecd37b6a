// Grading a knowledge check (server side only: the correct answers never leave the server before
// an answer is submitted) and deciding a module's status. Pure.
import type { ModuleFrontmatter } from "./content-schema";

export type Answers = Record<string, string[]>;

export interface QuestionResult {
  id: string;
  correct: boolean;
  chosen: string[];
  correctChoices: string[];
}

export interface Grade {
  score: number;
  correctCount: number;
  total: number;
  passed: boolean;
  passMark: number;
  questions: QuestionResult[];
}

/** Reads answers from a form: fields "q.<questionId>" (one value per chosen choice). Unknown choices are dropped. */
export function answersFromForm(check: ModuleFrontmatter["check"], formData: FormData): Answers {
  const answers: Answers = {};
  for (const q of check.questions) {
    const valid = new Set(q.choices.map((c) => c.id));
    const chosen = formData.getAll(`q.${q.id}`).filter((v): v is string => typeof v === "string" && valid.has(v));
    answers[q.id] = [...new Set(chosen)].sort();
  }
  return answers;
}

/** A question is right when exactly the correct choices were chosen. Passed when score ≥ pass mark. */
export function grade(check: ModuleFrontmatter["check"], answers: Answers): Grade {
  const questions = check.questions.map((q) => {
    const chosen = [...new Set(answers[q.id] ?? [])].sort();
    const correctChoices = [...q.correct].sort();
    return {
      id: q.id,
      chosen,
      correctChoices,
      correct: chosen.length === correctChoices.length && chosen.every((c, i) => c === correctChoices[i]),
    };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const total = questions.length;
  const score = total ? correctCount / total : 0;
  const passMark = check.passMark ?? 0.8;
  // Compare with a small tolerance so 4/5 passes a 0.8 mark despite floating point.
  return { score, correctCount, total, passed: score + 1e-9 >= passMark, passMark, questions };
}

/** Same answers in a canonical order, for the idempotency key. */
export function canonicalAnswers(answers: Answers): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((k) => [k, [...answers[k]].sort()]),
  );
}

export type ModuleStatus = "not-started" | "in-progress" | "failed" | "complete";

/** Complete = every section reached and the check passed. */
export function moduleStatus(
  sectionIds: string[],
  progress: { sectionsReached: string[] } | null | undefined,
  attempts: { passed: boolean }[],
): ModuleStatus {
  const passed = attempts.some((a) => a.passed);
  const reachedAll = !!progress && sectionIds.every((id) => progress.sectionsReached.includes(id));
  if (reachedAll && passed) return "complete";
  if (attempts.length > 0 && !passed) return "failed";
  if (progress && progress.sectionsReached.length > 0) return "in-progress";
  if (attempts.length > 0) return "in-progress";
  return "not-started";
}
