// Issue 19: single sign-on for city staff, end to end against a real OpenID provider (`oidc-provider`) started in
// this test on a port of its own: the sign-in page's button, the provider's authorization endpoint, its login
// (the test plays the person), the callback route, the code exchanged with PKCE, the ID token checked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_COOKIE } from "~/auth/oidc.server";
import { SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { action as ssoAction } from "~/routes/login_.sso";
import { loader as callbackLoader } from "~/routes/login_.sso.callback";
import { loader as loginLoader } from "~/routes/login";
import { callRoute } from "./call-route";
import { createUser, formRequestInit } from "./factories";

const APP = "http://localhost";
const CALLBACK = `${APP}/login/sso/callback`;
const ctx = { clientIp: "203.0.113.9" };

// Who signs in at the provider next, with which claims (the test plays the person at the provider's login).
let nextLogin: { sub: string; email: string; verified: boolean; amr: string[] } = { sub: "", email: "", verified: true, amr: ["pwd"] };
const accounts = new Map<string, { email: string; verified: boolean }>();

let server: Server;
let issuer = "";

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "tsunagu",
        client_secret: "tsunagu-test-secret",
        redirect_uris: [CALLBACK],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: ["sso-test-cookie-key"] },
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account
        ? { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: account.verified, name: "市 職員" }) }
        : undefined;
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    // The provider's login and consent, done at once for `nextLogin`.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const { sub, email, verified, amr } = nextLogin;
      accounts.set(sub, { email, verified });
      const grant = new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope("openid email profile");
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub, amr }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  process.env.OIDC_ISSUER = issuer;
  process.env.OIDC_CLIENT_ID = "tsunagu";
  process.env.OIDC_CLIENT_SECRET = "tsunagu-test-secret";
  process.env.OIDC_REDIRECT_URI = CALLBACK;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Follows the provider's redirects with a cookie jar until it sends the browser back to the application. */
async function atProvider(url: string): Promise<string> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hops = 0; hops < 10; hops++) {
    if (next.startsWith(APP + "/")) return next;
    const response = await fetch(next, {
      redirect: "manual",
      headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`The provider answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    next = new URL(location, next).toString();
  }
  throw new Error("Too many redirects at the provider");
}

function cookieValue(setCookies: string[], name: string): string | null {
  for (const c of setCookies) {
    const [pair] = c.split(";");
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

/** The sign-in button: POST /login/sso → the provider's authorization URL and the flow cookie. */
async function start(redirectTo = "/account") {
  const response = (await ssoAction({
    request: new Request(`${APP}/login/sso`, formRequestInit({ redirectTo })),
    params: {},
    context: ctx,
  })) as Response;
  expect(response.status).toBe(302);
  const flow = cookieValue(response.headers.getSetCookie(), OIDC_COOKIE);
  expect(flow).toBeTruthy();
  return { authorizationUrl: response.headers.get("location")!, flow: flow! };
}

async function callback(url: string, flow: string | null) {
  const headers = new Headers(flow ? { Cookie: `${OIDC_COOKIE}=${flow}` } : {});
  try {
    return (await callbackLoader({ request: new Request(url, { headers }), params: {}, context: ctx })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("single sign-on (OpenID Connect)", () => {
  it("shows the button only when configured", async () => {
    const page = await callRoute(loginLoader({ request: new Request(`${APP}/login`), params: {}, context: ctx }));
    expect(page.value).toEqual({ sso: { label: null } });
  });

  it("signs a known person in through the real code flow with PKCE, state and nonce, audited", async () => {
    const user = await createUser({ roles: ["PLANNING_COMMITTEE"], email: "kikaku.staff@city.example.jp" });
    nextLogin = { sub: "city-0001", email: "Kikaku.Staff@city.example.jp", verified: true, amr: ["pwd"] };
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
    nextLogin = { sub: "city-0002", email: "bukai@city.example.jp", verified: true, amr: ["pwd", "mfa"] };
    const { authorizationUrl, flow } = await start("/subcommittee");
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login/two-factor");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
    expect(await prisma.twoFactorChallenge.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an e-mail with no account, with a clear message, and creates nobody", async () => {
    nextLogin = { sub: "city-0003", email: "stranger@city.example.jp", verified: true, amr: ["pwd"] };
    const { authorizationUrl, flow } = await start();
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login?sso=unknown");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
    expect(await prisma.user.count({ where: { email: "stranger@city.example.jp" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "auth.sso.unknown", entityId: "stranger@city.example.jp" } })).toBe(1);
  });

  it("refuses an e-mail the provider has not verified", async () => {
    await createUser({ email: "unverified@city.example.jp" });
    nextLogin = { sub: "city-0004", email: "unverified@city.example.jp", verified: false, amr: ["pwd"] };
    const { authorizationUrl, flow } = await start();
    const response = await callback(await atProvider(authorizationUrl), flow);
    expect(response.headers.get("location")).toBe("/login?sso=unverified");
    expect(cookieValue(response.headers.getSetCookie(), SESSION_COOKIE)).toBeNull();
  });

  it("refuses a bad state, and a callback without the flow cookie", async () => {
    await createUser({ email: "state@city.example.jp" });
    nextLogin = { sub: "city-0005", email: "state@city.example.jp", verified: true, amr: ["pwd"] };
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
