// A real OpenID provider (`oidc-provider`) on a port of its own for the single sign-on tests (issue 19): the test
// plays the person at the provider's login (`setNextLogin`), and `start`/`callback` drive Tsunagu's own routes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { expect } from "vitest";
import { OIDC_COOKIE } from "~/auth/oidc.server";
import { action as ssoAction } from "~/routes/login_.sso";
import { loader as callbackLoader } from "~/routes/login_.sso.callback";
import { formRequestInit } from "./factories";
import { callRoute } from "./call-route";

export const APP = "http://localhost";
const CALLBACK = `${APP}/login/sso/callback`;
export const ctx = { clientIp: "203.0.113.9" };

// Who signs in at the provider next, with which claims (the test plays the person at the provider's login).
export interface Login {
  sub: string;
  email: string;
  verified: boolean;
  amr: string[];
  /** The `groups` claim (the claim OIDC_ROLE_MAP reads by default); absent when undefined. */
  groups?: string[];
  name?: string;
}
let nextLogin: Login = { sub: "", email: "", verified: true, amr: ["pwd"] };
export function setNextLogin(login: Login) {
  nextLogin = login;
}
const accounts = new Map<string, Login>();

let server: Server;
export let issuer = "";

/** Starts the provider and points Tsunagu's OIDC_* settings at it (set before the environment is first read). */
export async function startProvider(env: Record<string, string> = {}) {
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
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account
        ? {
            accountId: sub,
            claims: () => ({
              sub,
              email: account.email,
              email_verified: account.verified,
              name: account.name ?? "市 職員",
              ...(account.groups ? { groups: account.groups } : {}),
            }),
          }
        : undefined;
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    // The provider's login and consent, done at once for `nextLogin`.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const { sub, amr } = nextLogin;
      accounts.set(sub, nextLogin);
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
  Object.assign(process.env, env);
}

export async function stopProvider() {
  await new Promise((resolve) => server.close(resolve));
}

/** Follows the provider's redirects with a cookie jar until it sends the browser back to the application. */
export async function atProvider(url: string): Promise<string> {
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

export function cookieValue(setCookies: string[], name: string): string | null {
  for (const c of setCookies) {
    const [pair] = c.split(";");
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

/** The sign-in button: POST /login/sso → the provider's authorization URL and the flow cookie. */
export async function start(redirectTo = "/account") {
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

export async function callback(url: string, flow: string | null) {
  const headers = new Headers(flow ? { Cookie: `${OIDC_COOKIE}=${flow}` } : {});
  const r = await callRoute(callbackLoader({ request: new Request(url, { headers }), params: {}, context: ctx }));
  return r.response ?? (r.value as Response);
}
