// The office number (事業所番号, issue 11) on /admin/offices/:id: optional, ten digits (full-width accepted,
// stored as ASCII), unique, refused with a message in both languages, audited like other office edits, listed
// and searchable on /admin/offices.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { translator } from "~/i18n";
import { action as editAction } from "~/routes/admin.offices.$officeId";
import { loader as listLoader } from "~/routes/admin.offices._index";
import { callRoute } from "./call-route";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { fullWidth } from "./results-fixtures";

const ctx = { context: { clientIp: "" } };
let admin: number;
let manager: number;
let wardId: number;
let a: { id: number; name: string };
let b: { id: number; name: string };

beforeAll(async () => {
  admin = (await createUser({ roles: ["ADMINISTRATOR"] })).id;
  await prisma.twoFactorDemoExemption.create({ data: { userId: admin, reason: "test" } });
  wardId = (await createWard()).id;
  a = await createOffice({ name: "番号テスト相談室 A", wardId });
  b = await createOffice({ name: "番号テスト相談室 B", wardId });
  manager = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: a.id })).id;
});

async function save(userId: number, officeId: number, officeNumber: string) {
  const o = await prisma.office.findUniqueOrThrow({ where: { id: officeId } });
  const request = await requestAs(
    userId,
    `/admin/offices/${officeId}`,
    formRequestInit({ name: o.name, kind: o.kind, wardId: String(o.wardId), address: o.address, officeNumber, active: "on" }),
  );
  return callRoute(editAction({ request, params: { officeId: String(officeId) }, ...ctx }));
}

describe("office number", () => {
  it("is saved from full-width digits as ten ASCII digits, audited, listed and found by the list's search", async () => {
    expect((await save(admin, a.id, fullWidth("0420000001"))).status).toBe(200);
    expect((await prisma.office.findUniqueOrThrow({ where: { id: a.id } })).officeNumber).toBe("0420000001");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "office.update", entityId: String(a.id) } });
    expect(entry.summary).toContain("officeNumber: — → 0420000001");
    const list = (await listLoader({
      request: await requestAs(admin, `/admin/offices?q=${fullWidth("04200000")}`),
      params: {},
      ...ctx,
    })) as {
      offices: { id: number; officeNumber: string }[];
    };
    expect(list.offices.map((o) => [o.id, o.officeNumber])).toEqual([[a.id, "0420000001"]]);
  });

  it("is refused when not ten digits, or when another office has it, with a message in each language; nothing changes", async () => {
    for (const [value, key] of [
      ["12345", "imports.officeNumber.invalid"],
      ["04200000012", "imports.officeNumber.invalid"],
      ["04200000ab", "imports.officeNumber.invalid"],
      ["0420000001", "imports.officeNumber.duplicate"],
    ] as const) {
      const out = await save(admin, b.id, value);
      expect(out.status, value).toBe(400);
      const failure = (out.value as { data: { fieldErrors: Record<string, { key: string }[]> } }).data;
      expect(failure.fieldErrors.officeNumber?.[0]?.key, value).toBe(key);
      for (const locale of ["ja", "en"] as const) expect(translator(locale)(key)).not.toBe(key);
    }
    expect((await prisma.office.findUniqueOrThrow({ where: { id: b.id } })).officeNumber).toBeNull();
  });

  it("can be cleared (it is optional), and only the secretariat may set it", async () => {
    expect((await save(admin, a.id, "")).status).toBe(200);
    expect((await prisma.office.findUniqueOrThrow({ where: { id: a.id } })).officeNumber).toBeNull();
    expect((await save(manager, a.id, "0420000009")).status).toBe(403);
    expect((await prisma.office.findUniqueOrThrow({ where: { id: a.id } })).officeNumber).toBeNull();
  });
});
