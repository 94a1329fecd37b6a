import { describe, expect, it } from "vitest";
import { setUserActive } from "~/admin/users.server";
import { acceptInvitation, findUsableInvitation, inviteUser } from "~/auth/invitations.server";
import { requireOwnOffice, requireRole, requireUser } from "~/auth/permissions.server";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { LIMITS, lockedUntil, recordFailure } from "~/auth/throttle.server";
import { prisma } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { createOffice, createUser, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

async function status(promise: Promise<unknown>): Promise<number | "ok"> {
  const r = await callRoute(promise);
  return r.thrown ? r.status : "ok";
}

describe("access helpers", () => {
  it("redirects an anonymous request to /login with the way back", async () => {
    try {
      await requireUser(await requestAs(null, "/admin/users?q=x"));
      expect.unreachable();
    } catch (thrown) {
      const response = thrown as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx");
    }
  });

  it("answers 403 to a signed-in user without the role", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    expect(await status(requireRole(await requestAs(trainee.id, "/admin/users"), ["ADMINISTRATOR"]))).toBe(403);
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    expect(await status(requireRole(await requestAs(admin.id, "/admin/users"), ["ADMINISTRATOR"]))).toBe("ok");
  });

  it("lets an office manager reach only their own office", async () => {
    const mine = await createOffice();
    const theirs = await createOffice();
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: mine.id });
    expect(await status(requireOwnOffice(await requestAs(manager.id, "/"), mine.id))).toBe("ok");
    expect(await status(requireOwnOffice(await requestAs(manager.id, "/"), theirs.id))).toBe(403);
  });
});

describe("sign-in", () => {
  const login = async (email: string, password: string, ip = "203.0.113.9") =>
    (await loginAction({
      request: new Request("http://localhost/login", formRequestInit({ email, password, redirectTo: "/" })),
      params: {},
      context: { clientIp: ip },
    })) as Response | { init: { status: number } | null; data: unknown };

  const statusOf = (r: Awaited<ReturnType<typeof login>>) => (r instanceof Response ? r.status : r.init?.status);

  it("signs in with the right password, ignoring the email's case", async () => {
    await createUser({ email: "case@example.jp", password: "correct-horse-1" });
    const result = await login("Case@Example.JP", "correct-horse-1");
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Set-Cookie")).toMatch(/^tsunagu_session=.+; HttpOnly; SameSite=Lax; Path=\//);
  });

  it("refuses a wrong password with 401 and slows the guessing address, with growing delays", async () => {
    await createUser({ email: "lock@example.jp", password: "correct-horse-2" });
    const attacker = "198.51.100.7";
    for (let i = 1; i < LIMITS.pair; i++) expect(statusOf(await login("lock@example.jp", "wrong", attacker))).toBe(401);
    expect(statusOf(await login("lock@example.jp", "wrong", attacker))).toBe(429);
    // Even the right password is held back from that address, with the time to try again.
    const locked = await login("lock@example.jp", "correct-horse-2", attacker);
    expect(statusOf(locked)).toBe(429);
    expect(JSON.stringify(locked)).toContain("login.throttled");
  });

  it("throttles one address trying many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < LIMITS.ip; i++) await recordFailure(`nobody${i}@example.jp`, ip);
    expect(await lockedUntil("someone-else@example.jp", ip)).not.toBeNull();
    expect(await lockedUntil("someone-else@example.jp", "192.0.2.78")).toBeNull();
  });

  it("refuses a deactivated user", async () => {
    const user = await createUser({ email: "gone@example.jp", password: "correct-horse-3" });
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(statusOf(await login("gone@example.jp", "correct-horse-3"))).toBe(401);
  });
});

describe("invitations", () => {
  it("sets a password once, then the link is spent", async () => {
    const user = await createUser({ email: "new@example.jp" });
    const link = await inviteUser(user.id, null, "http://localhost");
    const token = link.split("/invite/")[1];
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: "new@example.jp" } });
    expect(mail.body).toContain(link);
    expect(await acceptInvitation(token, "a-good-password")).toEqual({ userId: user.id });
    expect(await acceptInvitation(token, "another-password")).toBeNull();
    expect(await findUsableInvitation(token)).toBeNull();
  });

  it("refuses an expired link and an earlier link once a new one is sent", async () => {
    const user = await createUser();
    const first = (await inviteUser(user.id, null, "http://localhost")).split("/invite/")[1];
    const second = (await inviteUser(user.id, null, "http://localhost")).split("/invite/")[1];
    expect(await findUsableInvitation(first)).toBeNull();
    expect(await findUsableInvitation(second)).not.toBeNull();
    await prisma.invitation.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUsableInvitation(second)).toBeNull();
  });
});

describe("deactivation", () => {
  it("ends the user's sessions at once and records it in the audit log", async () => {
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const user = await createUser();
    const { token } = await createSession(user.id);
    await setUserActive(user.id, false, admin.id);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.deactivate", entityId: String(user.id) } });
    expect(entry.actorId).toBe(admin.id);
  });
});
