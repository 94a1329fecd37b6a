// The access rules of /admin/offices/:officeId and /admin/users/:userId live in their capability (app/admin):
// the page readers and intent handlers refuse everyone but the secretariat (ADMINISTRATOR) with 403, whatever
// route calls them, and keep the secretariat's own rules (never deactivate oneself, never drop one's own
// administrator role). Called here directly, without the route's own check, so each test fails if the rule
// is removed from the capability.
import { beforeAll, describe, expect, it } from "vitest";
import { officeEditPage, saveOfficeEdit } from "~/admin/offices.server";
import { userEditAction, userEditPage } from "~/admin/users.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { callRoute } from "./call-route";
import { createOffice, createUser, createWard, sessionUser } from "./factories";

const ctx = { origin: "http://localhost", locale: "ja" as const };
let admin: SessionUser;
let office: { id: number; name: string; wardId: number };
let trainee: { id: number; email: string; displayName: string };
/** Everyone who is not the secretariat, the office's own manager first. */
let others: SessionUser[];

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  return data;
}

const officeForm = (name: string) => form({ name, kind: "SPECIFIED_CONSULTATION", wardId: String(office.wardId), active: "on" });
const userForm = (roles: string[], displayName = "変更 後子") =>
  form({ email: trainee.email, displayName, locale: "ja", officeId: String(office.id), roles });

beforeAll(async () => {
  const wardId = (await createWard()).id;
  office = await createOffice({ name: "権限テスト相談室", wardId });
  admin = await sessionUser((await createUser({ roles: ["ADMINISTRATOR"] })).id);
  trainee = await createUser({ roles: ["TRAINEE"], officeId: office.id });
  others = await Promise.all(
    [
      { roles: ["OFFICE_MANAGER" as const], officeId: office.id },
      { roles: ["EVALUATION_SUBCOMMITTEE" as const] },
      { roles: ["PLANNING_COMMITTEE" as const] },
      { roles: ["SYSTEM_ADMIN" as const] },
      { roles: ["TRAINEE" as const], officeId: office.id },
    ].map(async (o) => sessionUser((await createUser(o)).id)),
  );
});

describe("/admin/offices/:officeId through its capability", () => {
  it("reads and saves the office for the secretariat, 404 for an office that does not exist", async () => {
    const page = await officeEditPage(admin, office.id);
    expect(page.office.name).toBe(office.name);
    expect(page.users.map((u) => u.id)).toContain(trainee.id);
    expect(await saveOfficeEdit(admin, office.id, officeForm(office.name))).toEqual({ ok: true, intent: "save" });
    expect((await callRoute(officeEditPage(admin, 2 ** 31 - 1))).status).toBe(404);
    expect((await callRoute(saveOfficeEdit(admin, 2 ** 31 - 1, officeForm("x")))).status).toBe(404);
  });

  it("refuses the office's own manager, the subcommittee, the committee, the system administrator and a trainee: 403, nothing saved", async () => {
    for (const who of others) {
      expect((await callRoute(officeEditPage(who, office.id))).status, who.roles.join()).toBe(403);
      const save = await callRoute(saveOfficeEdit(who, office.id, officeForm("乗っ取り相談室")));
      expect({ status: save.status, thrown: save.thrown }, who.roles.join()).toEqual({ status: 403, thrown: true });
    }
    expect((await prisma.office.findUniqueOrThrow({ where: { id: office.id } })).name).toBe(office.name);
    expect(await prisma.auditLog.count({ where: { action: "office.update", entityId: String(office.id) } })).toBe(0);
  });
});

describe("/admin/users/:userId through its capability", () => {
  it("refuses everyone but the secretariat for the page and every intent, the person's own manager and the person too: 403", async () => {
    for (const who of [...others, await sessionUser(trainee.id)]) {
      expect((await callRoute(userEditPage(who, trainee.id, "ja"))).status, who.roles.join()).toBe(403);
      const intents: Record<string, string>[] = [
        { intent: "deactivate" },
        { intent: "reactivate" },
        { intent: "invite" },
        { intent: "erase", confirmEmail: trainee.email, reason: "退職" },
      ];
      for (const fields of intents) {
        const outcome = await callRoute(userEditAction(who, trainee.id, form(fields), ctx));
        expect(outcome.status, `${who.roles.join()} ${fields.intent}`).toBe(403);
      }
      expect((await callRoute(userEditAction(who, trainee.id, userForm(["ADMINISTRATOR"]), ctx))).status).toBe(403);
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } });
    expect({ roles: after.roles, active: after.active, email: after.email, displayName: after.displayName }).toEqual({
      roles: ["TRAINEE"],
      active: true,
      email: trainee.email,
      displayName: trainee.displayName,
    });
    expect(await prisma.invitation.count({ where: { userId: trainee.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityType: "User", entityId: String(trainee.id) } })).toBe(0);
  });

  it("reads (audited) and saves for the secretariat, 404 for an account that does not exist", async () => {
    const page = await userEditPage(admin, trainee.id, "ja");
    expect(page.user).toMatchObject({ id: trainee.id, email: trainee.email, hasPassword: false, active: true });
    expect(page.isSelf).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "user.read", entityId: String(trainee.id), actorId: admin.id } })).toBe(1);
    expect(await userEditAction(admin, trainee.id, userForm(["TRAINEE"], "訂正 後子"), ctx)).toEqual({
      ok: true,
      intent: "save",
      message: "common.saved",
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } })).displayName).toBe("訂正 後子");
    expect((await callRoute(userEditPage(admin, 2 ** 31 - 1, "ja"))).status).toBe(404);
    expect((await callRoute(userEditAction(admin, 2 ** 31 - 1, form({ intent: "invite" }), ctx))).status).toBe(404);
  });

  it("never lets the secretariat deactivate their own account or drop their own administrator role", async () => {
    const deactivate = await userEditAction(admin, admin.id, form({ intent: "deactivate" }), ctx);
    expect(deactivate).toMatchObject({ ok: false, intent: "deactivate", formError: { key: "admin.users.cannotDeactivateSelf" } });
    const own = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    const drop = await userEditAction(
      admin,
      admin.id,
      form({ email: own.email, displayName: own.displayName, locale: "ja", officeId: "", roles: ["TRAINEE"] }),
      ctx,
    );
    expect(drop).toMatchObject({
      ok: false,
      intent: "save",
      roles: ["TRAINEE"],
      fieldErrors: { roles: [{ key: "admin.users.cannotDropOwnAdmin" }] },
    });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect({ active: after.active, roles: after.roles }).toEqual({ active: true, roles: ["ADMINISTRATOR"] });
  });

  it("sends no invitation to a deactivated account", async () => {
    const gone = await createUser({ roles: ["TRAINEE"], active: false });
    const invite = await userEditAction(admin, gone.id, form({ intent: "invite" }), ctx);
    expect(invite).toMatchObject({ ok: false, intent: "invite", formError: { key: "admin.users.inactiveNoInvite" } });
    expect(await prisma.invitation.count({ where: { userId: gone.id } })).toBe(0);
  });
});
