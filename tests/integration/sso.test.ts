// Issue 19: single sign-on for city staff, end to end against a real OpenID provider (`oidc-provider`) started in
// this test on a port of its own: the sign-in page's button, the provider's authorization endpoint, its login
// (the test plays the person), the callback route, the code exchanged with PKCE, the ID token checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_COOKIE } from "~/auth/oidc.server";
import { SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { loader as loginLoader } from "~/routes/login";
import { callRoute } from "./call-route";
import { createUser } from "./factories";
import { APP, atProvider, callback, cookieValue, ctx, issuer, setNextLogin, start, startProvider, stopProvider } from "./oidc-provider";

beforeAll(() => startProvider());
afterAll(() => stopProvider());

describe("single sign-on (OpenID Connect)", () => {
  it("shows the button only when configured", async () => {
    const page = await callRoute(loginLoader({ request: new Request(`${APP}/login`), params: {}, context: ctx }));
    expect(page.value).toEqual({ sso: { label: null } });
  });

  it("signs a known person in through the real code flow with PKCE, state and nonce, audited", async () => {
    const user = await createUser({ roles: ["PLANNING_COMMITTEE"], email: "kikaku.staff@city.example.jp" });
    setNextLogin({ sub: "city-0001", email: "Kikaku.Staff@city.example.jp", verified: true, amr: ["pwd"] });
    const { authorizationUrl, flow } = await start("/account");
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();

    const back = await atProvider(authorizationUrl);
    expect(new URL(back).searchParams.get("code")).toBeTruthy();
    const response = await callback(back, flow);
    expect(response.status).toBe(302);
    const token = cookieValue(response.headers.getSetCookie(), SESSION_COOKIE);
    expect(token).toBeTruthy();
    const session = await validateSessionToken(decodeURIComponent(token!));
    expect(session?.user.id).toBe(user.id);
    // The ordinary after-sign-in path: a new account is shown the privacy notice once, then the page asked for.
    expect(response.headers.get("location")).toBe("/privacy?next=%2Faccount");
    // The flow cookie is spent.
    expect(response.headers.getSetCookie().some((c) => c.startsWith(`${OIDC_COOKIE}=;`))).toBe(true);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: "auth.signIn" }, orderBy: { id: "desc" } });
    expect(entry.summary).toContain("sso");

    // The same answer a second time (a replayed callback) signs nobody in: the code is spent.
    const replay = await callback(back, flow);
    expect(replay.headers.get("location")).toBe("/login?sso=failed");
  });

  it("sends a person who has a second factor on to it, as after a password", async () => {
    const user = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"], email: "bukai@city.example.jp" });
    // A registered passkey (its key is never used here: the test stops at the second step's door).
    await prisma.passkey.create({
      data: { userId: user.id, credentialId: `cred-${user.id}`, publicKey: new Uint8Array([1, 2, 3]), name: "test", transports: [] },
    });
    setNextLogin({ sub: "city-0002", email: "bukai@city.example.jp", verified: true, amr: ["pwd", "mfa"] });
    const { authorizationUrl, flow } = await start("/subcommittee");
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login/two-factor");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
    expect(await prisma.twoFactorChallenge.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an e-mail with no account, with a clear message, and creates nobody", async () => {
    setNextLogin({ sub: "city-0003", email: "stranger@city.example.jp", verified: true, amr: ["pwd"] });
    const { authorizationUrl, flow } = await start();
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login?sso=unknown");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
    expect(await prisma.user.count({ where: { email: "stranger@city.example.jp" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "auth.sso.unknown", entityId: "stranger@city.example.jp" } })).toBe(1);
  });

  it("refuses an e-mail the provider has not verified", async () => {
    await createUser({ email: "unverified@city.example.jp" });
    setNextLogin({ sub: "city-0004", email: "unverified@city.example.jp", verified: false, amr: ["pwd"] });
    const { authorizationUrl, flow } = await start();
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login?sso=unverified");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
  });

  it("refuses a bad state, and a callback without the flow cookie", async () => {
    await createUser({ email: "state@city.example.jp" });
    setNextLogin({ sub: "city-0005", email: "state@city.example.jp", verified: true, amr: ["pwd"] });
    const { authorizationUrl, flow } = await start();
    const back = new URL(await atProvider(authorizationUrl));
    back.searchParams.set("state", "forged-state-value");
    const forged = await callback(back.toString(), flow);
    expect(forged.headers.get("location")).toBe("/login?sso=failed");
    expect(cookieValue(forged.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
    const failure = await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.sso.failure" }, orderBy: { id: "desc" } });
    expect(failure.summary).toMatch(/state/i);

    const noCookie = await callback(back.toString(), null);
    expect(noCookie.headers.get("location")).toBe("/login?sso=expired");
  });
});
