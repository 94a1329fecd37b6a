// Issue 19: the system administrator reads no personal content without an emergency access; with one (a reason,
// time-limited, read-only) they read what the secretariat reads, every request audited, the secretariat and the
// subcommittee told. Real routes, real PostgreSQL, the app clock moved for expiry.
import { afterEach, describe, expect, it } from "vitest";
import { EMERGENCY_ACCESS_MINUTES } from "~/auth/emergency";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { action as newOfficeAction } from "~/routes/admin.offices.new";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as progressLoader } from "~/routes/committee.progress";
import { action as emergencyAction, loader as emergencyLoader } from "~/routes/emergency-access";
import { loader as subEvaluationsLoader } from "~/routes/subcommittee.evaluations._index";
import { callRoute, routeStatus } from "./call-route";
import { createUser, createWard, formRequestInit, requestAs } from "./factories";

const ctx = { clientIp: "" };
type Loader = (args: { request: Request; params: Record<string, string>; context: typeof ctx }) => Promise<unknown>;

async function get(loader: Loader, userId: number, path: string) {
  return routeStatus(async () => loader({ request: await requestAs(userId, path), params: {}, context: ctx }));
}

async function post(action: Loader, userId: number, path: string, fields: Record<string, string>) {
  return callRoute(async () => action({ request: await requestAs(userId, path, formRequestInit(fields)), params: {}, context: ctx }));
}

const uses = (grantId: number) =>
  prisma.auditLog.findMany({ where: { action: "emergency.use", entityId: String(grantId) }, orderBy: { id: "asc" } });

afterEach(() => setClock(null));

describe("emergency access", () => {
  it("without a grant, the system administrator reads no personal content, and keeps the audit log", async () => {
    const sys = await createUser({ roles: ["SYSTEM_ADMIN"] });
    expect(await get(subEvaluationsLoader, sys.id, "/subcommittee/evaluations")).toBe(403);
    expect(await get(progressLoader, sys.id, "/committee/progress")).toBe(403);
    expect(await get(usersLoader, sys.id, "/admin/users")).toBe(403);
    expect(await get(auditLoader, sys.id, "/admin/audit")).toBe(200);
    expect(await prisma.auditLog.count({ where: { actorId: sys.id, action: "emergency.use" } })).toBe(0);
  });

  it("needs a reason, is refused to the secretariat, and tells the secretariat and the subcommittee when opened", async () => {
    const sys = await createUser({ roles: ["SYSTEM_ADMIN"] });
    const secretariat = await createUser({ roles: ["ADMINISTRATOR"] });
    const member = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] });
    const trainee = await createUser({ roles: ["TRAINEE"] });

    const short = await post(emergencyAction, sys.id, "/emergency-access", { intent: "open", reason: "test" });
    expect(short.status).toBe(400);
    expect(await prisma.emergencyAccess.count({ where: { userId: sys.id } })).toBe(0);
    expect(
      (await post(emergencyAction, secretariat.id, "/emergency-access", { intent: "open", reason: "I would like to look around" })).status,
    ).toBe(403);

    const reason = "Ticket 4711: office sheet does not load";
    const opened = await post(emergencyAction, sys.id, "/emergency-access", { intent: "open", reason });
    expect(opened.status).toBe(302);
    const grant = await prisma.emergencyAccess.findFirstOrThrow({ where: { userId: sys.id } });
    expect(grant.reason).toBe(reason);
    expect(grant.expiresAt.getTime() - grant.openedAt.getTime()).toBe(EMERGENCY_ACCESS_MINUTES * 60_000);
    const openEntry = await prisma.auditLog.findFirstOrThrow({ where: { action: "emergency.open", entityId: String(grant.id) } });
    expect(openEntry.actorId).toBe(sys.id);
    expect(openEntry.summary).toContain(reason);

    // Told in the app and by mail: the secretariat and the subcommittee, not the trainee nor the opener.
    const told = await prisma.notification.findMany({
      where: { kind: "emergency.notify.opened", dedupeKey: { startsWith: `emergency:${grant.id}:` } },
    });
    expect(told.map((n) => n.userId).sort()).toEqual(expect.arrayContaining([secretariat.id, member.id]));
    expect(told.map((n) => n.userId)).not.toContain(trainee.id);
    expect(told.map((n) => n.userId)).not.toContain(sys.id);
    const mail = await prisma.outboxMessage.findMany({ where: { to: { in: [secretariat.email, member.email] } } });
    expect(mail).toHaveLength(2);
    expect(mail[0].body).toContain(reason);

    // A second one while it is open is refused.
    expect(
      (await post(emergencyAction, sys.id, "/emergency-access", { intent: "open", reason: "another reason, long enough" })).status,
    ).toBe(409);
    await post(emergencyAction, sys.id, "/emergency-access", { intent: "close" });
  });

  it("with a grant, reads are allowed and each is audited with its reason; writes stay refused; it expires", async () => {
    const sys = await createUser({ roles: ["SYSTEM_ADMIN"] });
    const reason = "Breach check: who read office 12's sheet";
    expect((await post(emergencyAction, sys.id, "/emergency-access", { intent: "open", reason })).status).toBe(302);
    const grant = await prisma.emergencyAccess.findFirstOrThrow({ where: { userId: sys.id } });

    expect(await get(subEvaluationsLoader, sys.id, "/subcommittee/evaluations")).toBe(200);
    expect(await get(usersLoader, sys.id, "/admin/users?q=x")).toBe(200);
    expect(await get(progressLoader, sys.id, "/committee/progress")).toBe(200);
    const recorded = await uses(grant.id);
    expect(recorded.map((u) => u.summary.split(" — ")[0])).toEqual([
      "GET /subcommittee/evaluations",
      "GET /admin/users?q=x",
      "GET /committee/progress",
    ]);
    for (const u of recorded) {
      expect(u.actorId).toBe(sys.id);
      expect(u.summary).toContain(reason);
    }

    // Read-only: a form the secretariat could send is refused, and nothing is created.
    const ward = await createWard();
    const write = await post(newOfficeAction, sys.id, "/admin/offices/new", {
      name: "緊急で作った事業所",
      wardId: String(ward.id),
      kind: "SPECIFIED_CONSULTATION",
    });
    expect(write.status).toBe(403);
    expect(await prisma.office.count({ where: { name: "緊急で作った事業所" } })).toBe(0);

    // The register shows it, with its uses, to the subcommittee; not to a trainee.
    const member = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] });
    const register = await callRoute(async () =>
      emergencyLoader({ request: await requestAs(member.id, "/emergency-access"), params: {}, context: ctx }),
    );
    expect(register.status).toBe(200);
    const row = (register.value as Awaited<ReturnType<typeof emergencyLoader>>).grants.find((g) => g.id === grant.id)!;
    expect(row).toMatchObject({ reason, open: true, uses: 3 });
    const trainee = await createUser();
    expect(await get(emergencyLoader, trainee.id, "/emergency-access")).toBe(403);

    // One minute before the end it still works; at the end it does not, and nothing more is recorded as a use.
    setClock(new Date(grant.expiresAt.getTime() - 60_000));
    expect(await get(subEvaluationsLoader, sys.id, "/subcommittee/evaluations")).toBe(200);
    setClock(grant.expiresAt);
    expect(await get(subEvaluationsLoader, sys.id, "/subcommittee/evaluations")).toBe(403);
    expect(await get(usersLoader, sys.id, "/admin/users")).toBe(403);
    expect(await uses(grant.id)).toHaveLength(4);
    expect(now().getTime()).toBeGreaterThanOrEqual(grant.expiresAt.getTime());
  });

  it("closed early by its holder, it ends at once (audited)", async () => {
    const sys = await createUser({ roles: ["SYSTEM_ADMIN"] });
    await post(emergencyAction, sys.id, "/emergency-access", { intent: "open", reason: "Restoring a backup, checking the offices list" });
    expect(await get(usersLoader, sys.id, "/admin/users")).toBe(200);
    const closed = await post(emergencyAction, sys.id, "/emergency-access", { intent: "close" });
    expect(closed.location).toBe("/emergency-access?closed=1");
    expect(await get(usersLoader, sys.id, "/admin/users")).toBe(403);
    const grant = await prisma.emergencyAccess.findFirstOrThrow({ where: { userId: sys.id } });
    expect(grant.closedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "emergency.close", entityId: String(grant.id), actorId: sys.id } })).toBe(1);
  });
});
