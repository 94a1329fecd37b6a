// Sessions as in lucia-auth.com's current guide: token "<id>.<secret>", SHA-256 of the secret stored,
// constant-time comparison, an inactivity timeout refreshed at most once a minute.
import { prisma } from "~/db.server";
import { cookieSecure, getEnv } from "~/env.server";
import { now as appNow } from "~/lib/clock";
import { bytesEqual, generateSecureRandomString, sha256Bytes } from "./crypto.server";
import { EMERGENCY_LENT_ROLES, isReadMethod } from "./emergency";

export const SESSION_COOKIE = "tsunagu_session";
const ACTIVITY_CHECK_MS = 60 * 1000;

function inactivityMs() {
  return getEnv().SESSION_INACTIVITY_HOURS * 60 * 60 * 1000;
}

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  roles: string[];
  officeId: number | null;
  office: { id: number; name: string; wardId: number } | null;
  /**
   * An open emergency access of a system administrator (issue 19), on a read request only: `roles` then holds
   * the lent roles too. Absent otherwise.
   */
  emergency?: { id: number; reason: string; expiresAt: string; ownRoles: string[] };
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
}

export async function createSession(userId: number, meta: { userAgent?: string; ipAddress?: string } = {}) {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString(30);
  await prisma.session.create({
    data: {
      id,
      secretHash: new Uint8Array(sha256Bytes(secret)),
      userId,
      userAgent: (meta.userAgent ?? "").slice(0, 300),
      ipAddress: (meta.ipAddress ?? "").slice(0, 64),
    },
  });
  return { id, token: `${id}.${secret}` };
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null;
  const row = await prisma.session.findUnique({
    where: { id },
    include: { user: { include: { office: { select: { id: true, name: true, wardId: true } } } } },
  });
  if (!row) return null;
  if (!bytesEqual(sha256Bytes(secret), new Uint8Array(row.secretHash))) return null;
  const now = Date.now();
  if (now - row.lastVerifiedAt.getTime() >= inactivityMs() || !row.user.active) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - row.lastVerifiedAt.getTime() >= ACTIVITY_CHECK_MS) {
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: new Date(now) } });
  }
  const u = row.user;
  return {
    sessionId: id,
    user: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      locale: u.locale,
      roles: u.roles,
      officeId: u.officeId,
      office: u.office,
    },
  };
}

export async function invalidateSession(id: string) {
  await prisma.session.deleteMany({ where: { id } });
}

export async function invalidateUserSessions(userId: number, exceptSessionId?: string) {
  await prisma.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
}

function cookieAttributes(maxAgeSeconds: number) {
  return ["HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${maxAgeSeconds}`, ...(cookieSecure() ? ["Secure"] : [])].join("; ");
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(Math.floor(inactivityMs() / 1000))}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`;
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    // A cookie that does not decode is no cookie (never a server error).
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

export async function getSession(request: Request): Promise<ValidSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await validateSessionToken(token) : null;
  if (session && session.user.roles.includes("SYSTEM_ADMIN") && isReadMethod(request.method)) {
    session.user = await withEmergencyAccess(session.user);
  }
  return session;
}

/** The user with the roles their open emergency access lends (app clock), or unchanged when none is open. */
async function withEmergencyAccess(user: SessionUser): Promise<SessionUser> {
  const at = appNow();
  const grant = await prisma.emergencyAccess.findFirst({
    where: { userId: user.id, closedAt: null, openedAt: { lte: at }, expiresAt: { gt: at } },
    orderBy: { expiresAt: "desc" },
  });
  if (!grant) return user;
  return {
    ...user,
    roles: [...new Set([...user.roles, ...EMERGENCY_LENT_ROLES])],
    emergency: { id: grant.id, reason: grant.reason, expiresAt: grant.expiresAt.toISOString(), ownRoles: user.roles },
  };
}

const recorded = new WeakSet<Request>();

/**
 * Audits one request made under an emergency access (once per request, whichever loaders run): who, which
 * page, under which access and its reason. Called by the access helpers (permissions.server.ts).
 */
export async function recordEmergencyUse(request: Request, user: SessionUser): Promise<void> {
  if (!user.emergency || recorded.has(request)) return;
  recorded.add(request);
  const url = new URL(request.url);
  const path = url.pathname.replace(/\.data$/, "") + url.search.replace(/([?&])_routes=[^&]*&?/, "$1").replace(/[?&]$/, "");
  await prisma.auditLog.create({
    data: {
      actorId: user.id,
      action: "emergency.use",
      entityType: "EmergencyAccess",
      entityId: String(user.emergency.id),
      summary: `${request.method} ${path} — ${user.emergency.reason}`.slice(0, 2000),
    },
  });
}
