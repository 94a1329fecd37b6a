// The session lookup (issue 13): one statement per request, shared by the root loader and the page's loader, and
// never kept between requests, so a change takes effect on the very next request: a role change, a deactivation,
// a sign-out, a second factor, a privacy acknowledgement, an emergency access opened and closed.
import { describe, expect, it } from "vitest";
import { closeEmergencyAccess, openEmergencyAccess } from "~/auth/emergency.server";
import { getSession, invalidateSession, invalidateUserSessions } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { countQueries } from "~/lib/query-count.server";
import { PRIVACY_NOTICE_VERSION } from "~/privacy/notice";
import { loader as rootLoader } from "~/root";
import { createUser, requestAs } from "./factories";
import { callRoute } from "./call-route";

type RootData = { user: { roles: string[] } | null; privacyPending: boolean; emergencyUntil: string | null };

async function root(request: Request): Promise<{ status: number; data?: RootData; location?: string | null }> {
  const r = await callRoute(rootLoader({ request, params: {}, context: { clientIp: "", cspNonce: "" } }));
  return r.thrown ? { status: r.status, location: r.location } : { status: 200, data: r.value as unknown as RootData };
}

/** A second request with the same cookie (a browser's next page). */
function again(request: Request, method = "GET") {
  return new Request(request.url, { method, headers: request.headers });
}

describe("session lookup per request", () => {
  it("is one statement, shared by every loader of the request", async () => {
    const user = await createUser({ roles: ["TRAINEE"] });
    const request = await requestAs(user.id, "/");
    const { count, result } = await countQueries(() => Promise.all([getSession(request), getSession(request), getSession(request)]));
    expect(count).toBe(1);
    expect(result[0]?.user.id).toBe(user.id);
    expect(result[1]).toBe(result[0]);
  });

  it("a role change shows on the very next request", async () => {
    const user = await createUser({ roles: ["TRAINEE"] });
    const first = await requestAs(user.id, "/");
    expect((await getSession(first))?.user.roles).toEqual(["TRAINEE"]);
    await prisma.user.update({ where: { id: user.id }, data: { roles: ["TRAINEE", "PLANNING_COMMITTEE"] } });
    expect((await getSession(again(first)))?.user.roles).toEqual(["TRAINEE", "PLANNING_COMMITTEE"]);
  });

  it("an office change and a deactivation show on the very next request", async () => {
    const user = await createUser({ roles: ["TRAINEE"] });
    const first = await requestAs(user.id, "/");
    expect((await getSession(first))?.user.office).toBeNull();
    const ward = await prisma.ward.create({ data: { code: `sc${user.id}`, nameJa: "区", nameEn: "Ward", sortOrder: 1 } });
    const office = await prisma.office.create({ data: { name: "事業所 さくら", kind: "SPECIFIED_CONSULTATION", wardId: ward.id } });
    await prisma.user.update({ where: { id: user.id }, data: { officeId: office.id } });
    expect((await getSession(again(first)))?.user.office).toEqual({ id: office.id, name: "事業所 さくら", wardId: ward.id });
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getSession(again(first))).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out, or every session ended by a password change, shows on the very next request", async () => {
    const user = await createUser();
    const first = await requestAs(user.id, "/");
    const session = await getSession(first);
    expect(session).not.toBeNull();
    await invalidateSession(session!.sessionId);
    expect(await getSession(again(first))).toBeNull();

    const second = await requestAs(user.id, "/");
    expect(await getSession(second)).not.toBeNull();
    await invalidateUserSessions(user.id);
    expect(await getSession(again(second))).toBeNull();
  });

  it("the privacy notice banner and the two-factor set-up follow the very next request", async () => {
    const user = await createUser({ roles: ["ADMINISTRATOR"] });
    const first = await requestAs(user.id, "/");
    // A secretariat account without a second factor is sent to set one up first.
    const before = await root(first);
    expect(before.status).toBe(302);
    expect(before.location).toContain("/account/security");
    await prisma.twoFactorDemoExemption.create({ data: { userId: user.id, reason: "test" } });
    const next = await root(again(first));
    expect(next.status).toBe(200);
    expect(next.data?.privacyPending).toBe(true);
    await prisma.privacyAcknowledgement.create({ data: { userId: user.id, version: PRIVACY_NOTICE_VERSION } });
    expect((await root(again(first))).data?.privacyPending).toBe(false);
  });

  it("an emergency access lends its roles from the next read request, and not after it is closed", async () => {
    const admin = await createUser({ roles: ["SYSTEM_ADMIN"] });
    await prisma.twoFactorDemoExemption.create({ data: { userId: admin.id, reason: "test" } });
    const first = await requestAs(admin.id, "/");
    const own = (await getSession(first))!.user;
    expect(own.roles).toEqual(["SYSTEM_ADMIN"]);
    const opened = await openEmergencyAccess(own, "障害対応のため利用者一覧を確認する");
    expect(opened.ok).toBe(true);
    const during = (await getSession(again(first)))!.user;
    expect(during.roles).toContain("ADMINISTRATOR");
    expect(during.emergency?.reason).toBe("障害対応のため利用者一覧を確認する");
    // A form is judged by the holder's own roles.
    expect((await getSession(again(first, "POST")))!.user.roles).toEqual(["SYSTEM_ADMIN"]);
    expect((await root(again(first))).data?.emergencyUntil).toBe(during.emergency?.expiresAt);
    await closeEmergencyAccess(own);
    const after = (await getSession(again(first)))!.user;
    expect(after.roles).toEqual(["SYSTEM_ADMIN"]);
    expect(after.emergency).toBeUndefined();
  });
});
