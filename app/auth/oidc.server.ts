// Single sign-on for city staff (issue 19): OpenID Connect with `openid-client` (decision 014). The
// authorization-code flow with PKCE, state and nonce; the person is matched by a verified e-mail address, then signs
// in the ordinary way (second factor, privacy notice: sign-in.server.ts). Without OIDC_ROLE_MAP only an account the
// secretariat already made can sign in; with it, the mapped roles follow the provider's claim at every sign-in, a
// person whose claims give no mapped role is refused, and a city staff member with no account yet gets one.
// Off unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
import type { Configuration, IDToken } from "openid-client";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { cookieSecure, getEnv, parseRoleMap } from "~/env.server";
import type { Role } from "~/generated/prisma/client";
import { now } from "~/lib/clock";
import { safeRedirect } from "~/lib/redirect";
import { readCookie } from "./session.server";
import { open, seal } from "./secret-box.server";

export const OIDC_COOKIE = "tsunagu_oidc";
export const SSO_CALLBACK_PATH = "/login/sso/callback";
/** How long a person may take at the identity provider. */
const FLOW_MS = 10 * 60 * 1000;

interface Settings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string | null;
  label: string | null;
  /** Claim value → role; empty when roles are not taken from the provider. */
  roleMap: { claim: string; role: Role }[];
  roleClaim: string;
}

/** The configured provider, or null when single sign-on is off. */
export function oidcSettings(): Settings | null {
  const e = getEnv();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUri: e.OIDC_REDIRECT_URI ?? (e.APP_ORIGIN ? new URL(SSO_CALLBACK_PATH, e.APP_ORIGIN).toString() : null),
    label: e.OIDC_LABEL ?? null,
    roleMap: e.OIDC_ROLE_MAP ? (parseRoleMap(e.OIDC_ROLE_MAP) as { claim: string; role: Role }[]) : [],
    roleClaim: e.OIDC_ROLE_CLAIM,
  };
}

/** What the sign-in page needs to know: whether to show the button, and its words. */
export function ssoButton(): { label: string | null } | null {
  const s = oidcSettings();
  return s ? { label: s.label } : null;
}

function redirectUriFor(settings: Settings, request: Request): string {
  return settings.redirectUri ?? new URL(SSO_CALLBACK_PATH, new URL(request.url).origin).toString();
}

// openid-client, loaded on first use: most servers have no single sign-on configured.
let openidClient: Promise<typeof import("openid-client")> | null = null;
function loadClient() {
  openidClient ??= import("openid-client");
  return openidClient;
}

// The provider's metadata, fetched once per process and configuration (a failed discovery is retried next time).
let discovered: { key: string; config: Promise<Configuration> } | null = null;
function configuration(settings: Settings): Promise<Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  if (discovered?.key !== key) {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only for a provider on this machine (the tests' provider); a city's provider is HTTPS.
    const local = issuer.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
    const config = loadClient()
      .then((client) =>
        client.discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          undefined,
          local ? { execute: [client.allowInsecureRequests] } : undefined,
        ),
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    discovered = { key, config };
  }
  return discovered.config;
}

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  expiresAt: number;
}

function flowCookie(value: string, maxAgeSeconds: number): string {
  // SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
  return [
    `${OIDC_COOKIE}=${value}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/login/sso",
    `Max-Age=${maxAgeSeconds}`,
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}

export function clearFlowCookie(): string {
  return flowCookie("", 0);
}

/**
 * Starts a sign-in at the provider: the URL to send the browser to, and the cookie that keeps this flow's state,
 * nonce and PKCE verifier (sealed with the application's secret key).
 */
export async function beginSso(request: Request, redirectTo: string): Promise<{ url: string; cookie: string } | null> {
  const settings = oidcSettings();
  if (!settings) return null;
  const config = await configuration(settings);
  const client = await loadClient();
  const verifier = client.randomPKCECodeVerifier();
  const flow: FlowState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    redirectTo: safeRedirect(redirectTo),
    expiresAt: now().getTime() + FLOW_MS,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriFor(settings, request),
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  const sealed = seal(new TextEncoder().encode(JSON.stringify(flow)));
  return { url: url.toString(), cookie: flowCookie(sealed, FLOW_MS / 1000) };
}

function readFlow(request: Request): FlowState | null {
  const raw = readCookie(request, OIDC_COOKIE);
  if (!raw) return null;
  try {
    const flow = JSON.parse(new TextDecoder().decode(open(raw))) as FlowState;
    return flow.expiresAt > now().getTime() ? flow : null;
  } catch {
    return null;
  }
}

export type SsoResult =
  | { ok: true; user: { id: number; email: string; roles: string[]; locale: string }; redirectTo: string; amr: string[] }
  | { ok: false; reason: "off" | "expired" | "failed" | "unverified" | "unknown" | "norole"; email?: string };

/** The roles a token's claim gives under the mapping (the claim may be one string or a list). */
export function rolesFromClaims(claims: Record<string, unknown>, settings: Pick<Settings, "roleMap" | "roleClaim">): Role[] {
  const raw = claims[settings.roleClaim];
  const values = new Set((Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string"));
  return [...new Set(settings.roleMap.filter((m) => values.has(m.claim)).map((m) => m.role))];
}

/**
 * The provider's answer at the callback: checks state, PKCE and the ID token (issuer, audience, nonce, expiry)
 * with openid-client, then finds the active account with the token's verified e-mail. Every outcome is audited.
 */
export async function completeSso(request: Request, ip: string): Promise<SsoResult> {
  const settings = oidcSettings();
  if (!settings) return { ok: false, reason: "off" };
  const flow = readFlow(request);
  const record = (action: string, actorId: number | null, entityId: string, summary: string) =>
    audit({ actorId, action, entityType: "User", entityId, summary: `${ip} sso ${summary}`.slice(0, 500) });
  if (!flow) {
    await record("auth.sso.failure", null, "-", "no flow in progress (expired or never started)");
    return { ok: false, reason: "expired" };
  }
  let claims: IDToken | undefined;
  try {
    const config = await configuration(settings);
    const client = await loadClient();
    // The URL the provider sent the browser to, as registered (the server may sit behind a proxy).
    const current = new URL(redirectUriFor(settings, request));
    current.search = new URL(request.url).search;
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    // openid-client's errors say what failed in their cause (e.g. an unexpected "state").
    const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    const cause = error instanceof Error && error.cause ? `; ${describe(error.cause)}` : "";
    const message = describe(error) + cause;
    await record("auth.sso.failure", null, "-", message);
    return { ok: false, reason: "failed" };
  }
  const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || claims?.email_verified !== true) {
    await record("auth.sso.failure", null, email || "-", `e-mail not verified by the provider (sub ${String(claims?.sub)})`);
    return { ok: false, reason: "unverified", email: email || undefined };
  }
  const amr = Array.isArray(claims?.amr) ? claims.amr.filter((a): a is string => typeof a === "string") : [];
  const select = { id: true, email: true, roles: true, locale: true, active: true } as const;
  let user = await prisma.user.findUnique({ where: { email }, select });
  if (settings.roleMap.length > 0) {
    // Roles from the provider: the mapped ones follow its claim; other roles (e.g. a trainee's) stay as they are.
    const given = rolesFromClaims(claims as Record<string, unknown>, settings);
    if (given.length === 0) {
      const held = claims?.[settings.roleClaim];
      await record(
        "auth.sso.norole",
        user?.id ?? null,
        email.slice(0, 254),
        `claim ${settings.roleClaim}=${JSON.stringify(held ?? null)} gives no role`,
      );
      return { ok: false, reason: "norole", email };
    }
    if (user && !user.active) {
      await record("auth.sso.unknown", null, email.slice(0, 254), `account ${email} is deactivated (sub ${String(claims?.sub)})`);
      return { ok: false, reason: "unknown", email };
    }
    if (!user) {
      const name = typeof claims?.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
      user = await prisma.user.create({ data: { email, displayName: name, roles: given }, select });
      await record("auth.sso.provisioned", user.id, String(user.id), `account made for ${email} with ${given.join(",")}`);
    } else {
      const mappable = new Set<string>(settings.roleMap.map((m) => m.role));
      const roles = [...user.roles.filter((r) => !mappable.has(r)), ...given];
      const before = [...user.roles].sort().join(",");
      const after = [...roles].sort().join(",");
      if (before !== after) {
        user = await prisma.user.update({ where: { id: user.id }, data: { roles }, select });
        await record("auth.sso.roles", user.id, String(user.id), `roles ${before || "-"} → ${after} from claim ${settings.roleClaim}`);
      }
    }
    return { ok: true, user, redirectTo: flow.redirectTo, amr };
  }
  if (!user || !user.active) {
    await record("auth.sso.unknown", null, email.slice(0, 254), `no active account for ${email} (sub ${String(claims?.sub)})`);
    return { ok: false, reason: "unknown", email };
  }
  return { ok: true, user, redirectTo: flow.redirectTo, amr };
}
