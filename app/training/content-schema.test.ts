import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkUniqueSlugs, ContentError, parseGoals, parseModule } from "./content-schema";

const fixtures = join(import.meta.dirname, "../../tests/fixtures/content");
const goals = parseGoals("goals.yaml", readFileSync(join(fixtures, "learning-goals.yaml"), "utf8"));
const codes = new Set(goals.map((g) => g.code));
const file = "content/modules/individual/fixture-listening.mdx";
const good = readFileSync(join(fixtures, "modules/individual/fixture-listening.mdx"), "utf8");

function problems(source: string, name = file): string[] {
  try {
    parseModule(name, source, codes);
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
}

describe("module frontmatter schema", () => {
  it("accepts the fixture modules and defaults the pass mark to 80%", () => {
    const m = parseModule(file, good, codes);
    expect(m.frontmatter.check.passMark).toBe(0.8);
    expect(m.frontmatter.sections.map((s) => s.id)).toEqual(["intro", "case", "summary"]);
    expect(m.reflections).toEqual(["r1"]);
    const other = readFileSync(join(fixtures, "modules/community/fixture-resources.mdx"), "utf8");
    expect(parseModule("content/modules/community/fixture-resources.mdx", other, codes).frontmatter.check.passMark).toBe(1);
  });

  it("names the file and the field of a missing English title", () => {
    const out = problems(
      good.replace("title: { ja: テスト用モジュール 聴く, en: Fixture module on listening }", "title: { ja: テスト用モジュール 聴く }"),
    );
    expect(out).toEqual([`${file}: title.en: Required`]);
  });

  it("rejects an unknown track, a bad level and a non-numeric minutes field", () => {
    const out = problems(
      good.replace("track: basic-ondemand", "track: evening").replace("level: new", "level: expert").replace("minutes: 10", "minutes: ten"),
    );
    expect(out.some((p) => p.startsWith(`${file}: track:`))).toBe(true);
    expect(out.some((p) => p.startsWith(`${file}: level:`))).toBe(true);
    expect(out.some((p) => p.startsWith(`${file}: minutes:`))).toBe(true);
  });

  it("rejects a goal code that is not in the catalogue", () => {
    expect(problems(good.replace("goals: [IND-1-1]", "goals: [IND-9-9]"))).toEqual([`${file}: goals.0: unknown goal code "IND-9-9"`]);
  });

  it("rejects a correct answer that is not among the choices", () => {
    expect(problems(good.replace("correct: [b]", "correct: [z]"))).toEqual([
      `${file}: check.questions.0.correct.0: "z" is not one of the choices (a, b)`,
    ]);
  });

  it("rejects sections that do not match the body", () => {
    const out = problems(good.replace('<Section id="summary">', '<Section id="wrap-up">'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^${file}: sections: the body's <Section id> blocks \\(intro, case, wrap-up\\)`));
  });

  it("catches an English text split by a comma in a YAML flow mapping (an extra key)", () => {
    const out = problems(good.replace("en: The list of services }", "en: The list, of services }"));
    expect(out[0]).toMatch(new RegExp(`^${file}: check.questions.0.choices.0.text: Unrecognized key`));
  });

  it("requires captions (WebVTT) and a transcript on every Video", () => {
    const withVideo = good.replace("まとめです。", '<Video src="/m.mp4" captions="/m.txt" />');
    const out = problems(withVideo);
    expect(out).toContain(`${file}: body.Video.captions: a <Video> needs a captions track (a WebVTT .vtt file)`);
    expect(out).toContain(`${file}: body.Video.transcript: a <Video> needs a transcript`);
  });

  it("requires the slug to match the file name, and slugs to be unique", () => {
    expect(problems(good, "content/modules/individual/other-name.mdx")[0]).toMatch(/other-name.mdx: slug:/);
    expect(() =>
      checkUniqueSlugs([
        { file: "a.mdx", slug: "x" },
        { file: "b.mdx", slug: "x" },
      ]),
    ).toThrow(/b.mdx: slug: "x" is already used by a.mdx/);
  });

  it("rejects duplicate goal codes in the catalogue", () => {
    expect(() => parseGoals("g.yaml", readFileSync(join(fixtures, "learning-goals.yaml"), "utf8").replace("COM-1-1", "IND-1-1"))).toThrow(
      /g.yaml: 1.code: duplicate goal code/,
    );
  });
});
