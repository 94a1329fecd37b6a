// Issue 16, sessions: an invitation used as a password reset ends the old sessions; a session cookie
// that does not decode is no session (never a 500).
import { describe, expect, it } from "vitest";
import { acceptInvitation, inviteUser } from "~/auth/invitations.server";
import { getOptionalUser, requireUser } from "~/auth/permissions.server";
import { createSession, SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { LIMITS, lockedUntil, recordFailure } from "~/auth/throttle.server";
import { createUser, formRequestInit, requestAs } from "./factories";
import { routeStatus } from "./call-route";

describe("sessions", () => {
  it("an invitation used as a password reset ends every old session", async () => {
    const user = await createUser({ password: "old-password-123456" });
    const { token: old } = await createSession(user.id);
    expect(await validateSessionToken(old)).not.toBeNull();
    const link = await inviteUser(user.id, null, "http://localhost");
    expect(await acceptInvitation(link.split("/invite/")[1], "new-password-654321")).toEqual({ userId: user.id });
    expect(await validateSessionToken(old)).toBeNull();
  });

  it.each(["%E0%A4%A", "%", "%%%", "abc%ZZ.def"])("an undecodable session cookie (%j) is no session, not a 500", async (value) => {
    const request = new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=${value}` } });
    expect(await getOptionalUser(request)).toBeNull();
    try {
      await requireUser(request);
      throw new Error("requireUser let an anonymous request through");
    } catch (e) {
      expect(e).toBeInstanceOf(Response);
      expect((e as Response).status).toBe(302);
    }
  });
});

describe("lockout is no weapon: throttled per account and address", () => {
  const ctxFor = (ip: string) => ({ context: { clientIp: ip }, params: {} });
  async function login(email: string, password: string, ip: string) {
    const { action } = await import("~/routes/login");
    return routeStatus(
      action({ request: new Request("http://localhost/login", formRequestInit({ email, password, redirectTo: "/" })), ...ctxFor(ip) }),
    );
  }

  it("slows an attacker's address while the owner still signs in from their own", async () => {
    await createUser({ email: "owner@example.jp", password: "owner-password-1" });
    const owner = "192.0.2.10";
    const attacker = "203.0.113.66";
    expect(await login("owner@example.jp", "owner-password-1", owner)).toBe(302);
    for (let i = 0; i < 8; i++) await login("owner@example.jp", `guess-${i}`, attacker);
    // The attacker is held back, even with the right password…
    expect(await login("owner@example.jp", "owner-password-1", attacker)).toBe(429);
    // …the owner is not.
    expect(await login("owner@example.jp", "owner-password-1", owner)).toBe(302);
  });

  it("a guess spread over many addresses slows unknown addresses, never the owner's known one", async () => {
    await createUser({ email: "spread@example.jp", password: "spread-password-1" });
    const owner = "192.0.2.20";
    expect(await login("spread@example.jp", "spread-password-1", owner)).toBe(302);
    for (let i = 0; i < LIMITS.email + 2; i++) await recordFailure("spread@example.jp", `198.18.${Math.floor(i / 4)}.${i % 4}`);
    expect(await lockedUntil("spread@example.jp", "198.51.100.200")).not.toBeNull();
    expect(await lockedUntil("spread@example.jp", owner)).toBeNull();
    expect(await login("spread@example.jp", "spread-password-1", owner)).toBe(302);
  });

  it("delays grow with each further failure", async () => {
    const ip = "192.0.2.30";
    const until: number[] = [];
    for (let i = 0; i < LIMITS.pair + 3; i++) {
      const t = await recordFailure("grow@example.jp", ip);
      if (t) until.push(t.getTime() - Date.now());
    }
    expect(until.length).toBe(4);
    for (let i = 1; i < until.length; i++) expect(until[i]).toBeGreaterThan(until[i - 1]);
  });

  it("throttles guesses of the current password on /account like sign-in", async () => {
    const { action } = await import("~/routes/account");
    const user = await createUser({ email: "acct@example.jp", password: "account-password-1" });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const status = await routeStatus(
        action({
          request: await requestAs(
            user.id,
            "/account",
            formRequestInit({
              intent: "password",
              currentPassword: `guess-${i}`,
              password: "new-password-12345",
              confirm: "new-password-12345",
            }),
          ),
          ...ctxFor("192.0.2.40"),
        }),
      );
      statuses.push(status);
    }
    expect(statuses.slice(0, LIMITS.pair - 1).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(LIMITS.pair).every((s) => s === 429)).toBe(true);
  });
});

describe("the account page's signed-in devices", () => {
  it("lists live sessions only, the most recent first and at most 20, the current one always among them", async () => {
    const { loader, action } = await import("~/routes/account");
    const { prisma } = await import("~/db.server");
    const user = await createUser();
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const at = async (id: string, lastVerifiedAt: Date) => prisma.session.update({ where: { id }, data: { lastVerifiedAt } });
    // This browser, last seen 90 s ago (a session is refreshed at most once a minute): older than every other one.
    const { id: current, token } = await createSession(user.id);
    await at(current, minutesAgo(1.5));
    const asThisBrowser = (init: RequestInit = {}) =>
      new Request("http://localhost/account", { ...init, headers: { ...init.headers, Cookie: `${SESSION_COOKIE}=${token}` } });
    // 24 other live sessions, used 0…69 s ago, and 3 that lapsed (used 13 hours ago: the default is 12).
    const others: string[] = [];
    for (let i = 0; i < 24; i++) {
      const { id } = await createSession(user.id, { userAgent: `browser ${i}` });
      await at(id, minutesAgo(i * 0.05));
      others.push(id);
    }
    for (let i = 0; i < 3; i++) await at((await createSession(user.id)).id, minutesAgo(13 * 60));

    const page = (await loader({ request: asThisBrowser(), params: {}, context: { clientIp: "" } })) as {
      sessions: { id: string; current: boolean }[];
      moreSessions: number;
    };
    expect(page.sessions).toHaveLength(20);
    expect(page.sessions.filter((s) => s.current).map((s) => s.id)).toEqual([current]);
    expect(page.sessions.slice(1).map((s) => s.id)).toEqual(others.slice(0, 19));
    expect(page.moreSessions).toBe(5);

    // "Sign out all other devices" ends the unlisted ones too; the page then lists this browser alone.
    const init = formRequestInit({ intent: "end-others" });
    expect(await action({ request: asThisBrowser(init), params: {}, context: { clientIp: "" } })).toMatchObject({ ok: true });
    const after = (await loader({ request: asThisBrowser(), params: {}, context: { clientIp: "" } })) as {
      sessions: unknown[];
      moreSessions: number;
    };
    expect(after.sessions).toHaveLength(1);
    expect(after.moreSessions).toBe(0);
  });
});
