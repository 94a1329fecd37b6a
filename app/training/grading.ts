// Grading a knowledge check (server side only: the correct answers never leave the server before
// an answer is submitted) and deciding a module's status. Pure.
import { createHash } from "node:crypto";
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

/** The questions left without any choice (in the check's order): a submission with any is refused, not graded. */
export function unanswered(check: ModuleFrontmatter["check"], answers: Answers): string[] {
  return check.questions.filter((q) => !(answers[q.id]?.length > 0)).map((q) => q.id);
}

/** What a trainee may see of a graded attempt: right or wrong per question, never the correct choices. */
export function feedbackOf(g: Grade): { id: string; correct: boolean; chosen: string[] }[] {
  return g.questions.map((q) => ({ id: q.id, correct: q.correct, chosen: q.chosen }));
}

/** A deterministic shuffle (Fisher–Yates) driven by SHA-256 of the seed, so the server draws the same order for the same attempt. */
function seededShuffle<T>(items: T[], seed: string): T[] {
  const out = [...items];
  let block = createHash("sha256").update(seed).digest();
  let pos = 0;
  const next = () => {
    if (pos + 4 > block.length) {
      block = createHash("sha256").update(block).digest();
      pos = 0;
    }
    const v = block.readUInt32BE(pos);
    pos += 4;
    return v / 0x1_0000_0000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order of each question's choices for one attempt (0 for the first, n for the n+1th): drawn
 * from a seed of the trainee, module and attempt, and never the same as the previous attempt's order
 * (a repeated draw is rotated by one), so a retry cannot be answered by position.
 */
export function choiceOrder(check: ModuleFrontmatter["check"], seed: string, attempt: number): Record<string, string[]> {
  const draw = (n: number) =>
    Object.fromEntries(
      check.questions.map((q) => [
        q.id,
        seededShuffle(
          q.choices.map((c) => c.id),
          `${seed}:${n}:${q.id}`,
        ),
      ]),
    );
  const current = draw(attempt);
  if (attempt === 0) return current;
  const previous = choiceOrder(check, seed, attempt - 1);
  for (const q of check.questions) {
    const a = current[q.id];
    if (a.length > 1 && a.every((c, i) => c === previous[q.id][i])) current[q.id] = [...a.slice(1), a[0]];
  }
  return current;
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

/**
 * Complete = every section reached, the check passed and the module's lecture videos watched
 * (`videosWatched`: true for a module without videos). Sections and check done but a video not yet
 * watched is still in progress.
 */
export function moduleStatus(
  sectionIds: string[],
  progress: { sectionsReached: string[] } | null | undefined,
  attempts: { passed: boolean }[],
  videosWatched = true,
): ModuleStatus {
  const passed = attempts.some((a) => a.passed);
  const reachedAll = !!progress && sectionIds.every((id) => progress.sectionsReached.includes(id));
  if (reachedAll && passed) return videosWatched ? "complete" : "in-progress";
  if (attempts.length > 0 && !passed) return "failed";
  if (progress && progress.sectionsReached.length > 0) return "in-progress";
  if (attempts.length > 0) return "in-progress";
  return "not-started";
}
