// Issue 19: docs/personal-information.md (the register of personal-information files) stays true to the schema.
// Every model of prisma/schema.prisma has a "### Model" section and every section is a model; every field the
// register names exists; and every field whose name says it holds a person or free text is listed under
// **Personal** or **Not personal** — so a new column of personal data cannot be added without an entry.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const register = readFileSync("docs/personal-information.md", "utf8");

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

/** Each model's scalar columns (relation fields, which are not columns, left out). */
export function schemaModels(text: string): Map<string, string[]> {
  const enums = new Set([...text.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const models = new Map<string, string[]>();
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: string[] = [];
    for (const raw of m[2].split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("//") || line.startsWith("@@")) continue;
      const [name, type] = line.split(/\s+/);
      if (!type) continue;
      const base = type.replace(/[?[\]]/g, "");
      if (SCALARS.has(base) || enums.has(base)) fields.push(name);
    }
    models.set(m[1], fields);
  }
  return models;
}

/** Each "### Model" section's **Personal** and **Not personal** field lists. */
export function registerSections(text: string): Map<string, { personal: string[]; notPersonal: string[] }> {
  const sections = new Map<string, { personal: string[]; notPersonal: string[] }>();
  const parts = text.split(/^### /m).slice(1);
  for (const part of parts) {
    const name = part.split("\n")[0].trim();
    const list = (label: string) => {
      const line = new RegExp(`^- \\*\\*${label}:\\*\\* (.*)$`, "m").exec(part)?.[1] ?? "";
      // "none", "none (…)" or "a, b (what b is), c"
      return line
        .replace(/\([^)]*\)/g, "")
        .split(",")
        .map((s) => s.trim().replace(/\.$/, ""))
        .filter((s) => s && !/^none\b/.test(s));
    };
    sections.set(name, { personal: list("Personal"), notPersonal: list("Not personal") });
  }
  return sections;
}

/** Column names that say they hold a person (a user id, a name, an address) or free text about people. */
const LOOKS_PERSONAL =
  /^(userId|actorId|authorId|raterId|subjectUserId|subjectOfficeId|email|displayName|name|holderName|nameJa|nameEn|owner|facilitators|attendeeNames|to|ipAddress|userAgent|passwordHash|secretEncrypted|key|text|body|quote|comment|note|notes|reason|summary|payload|answers|fields|draft|review|learned|evidence|evidenceNote|issue|goal|actions|subject|originalName)$|Reason$|ById$/;

describe("the register of personal-information files (docs/personal-information.md)", () => {
  const models = schemaModels(schema);
  const sections = registerSections(register);

  it("has a section for every model of the schema, and no section for a model that is gone", () => {
    expect(models.size).toBeGreaterThan(40);
    expect([...models.keys()].filter((m) => !sections.has(m))).toEqual([]);
    expect([...sections.keys()].filter((s) => !models.has(s))).toEqual([]);
  });

  it("names only fields that exist", () => {
    const unknown: string[] = [];
    for (const [model, s] of sections) {
      const fields = models.get(model) ?? [];
      for (const f of [...s.personal, ...s.notPersonal]) if (!fields.includes(f)) unknown.push(`${model}.${f}`);
    }
    expect(unknown).toEqual([]);
  });

  it("lists every column that looks personal as Personal or Not personal", () => {
    const missing: string[] = [];
    for (const [model, fields] of models) {
      const s = sections.get(model);
      for (const f of fields) {
        if (!LOOKS_PERSONAL.test(f)) continue;
        if (!s || (!s.personal.includes(f) && !s.notPersonal.includes(f))) missing.push(`${model}.${f}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("parses what it checks (a model added to a copy of the schema is caught)", () => {
    const more = schemaModels(`${schema}\nmodel Extra {\n  id Int @id\n  email String\n}\n`);
    expect(more.get("Extra")).toEqual(["id", "email"]);
    expect(sections.has("Extra")).toBe(false);
    // A relation field is not a column.
    expect(models.get("Certificate")).not.toContain("user");
    expect(models.get("User")).toContain("email");
  });
});
