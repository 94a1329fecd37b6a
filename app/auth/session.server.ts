// Sessions as in lucia-auth.com's current guide: token "<id>.<secret>", SHA-256 of the secret stored,
// constant-time comparison, an inactivity timeout refreshed at most once a minute.
import { prisma } from "~/db.server";
import { cookieSecure, getEnv } from "~/env.server";
import { now as appNow } from "~/lib/clock";
import { PRIVACY_NOTICE_VERSION } from "~/privacy/notice";
import { bytesEqual, generateSecureRandomString, sha256Bytes } from "./crypto.server";
import { EMERGENCY_LENT_ROLES, isReadMethod } from "./emergency";

export const SESSION_COOKIE = "tsunagu_session";
const ACTIVITY_CHECK_MS = 60 * 1000;

function inactivityMs() {
  return getEnv().SESSION_INACTIVITY_HOURS * 60 * 60 * 1000;
}

/** Sessions last used before this instant have lapsed (they are refused, and deleted when next presented). */
export function sessionsLiveSince(): Date {
  return new Date(Date.now() - inactivityMs());
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
  /**
   * Read with the session in the same statement (issue 13), for the root loader: whether the user has
   * acknowledged the current privacy notice, and whether they have a confirmed second factor or a demo exemption.
   */
  status: { privacyAcknowledged: boolean; secondFactorOrExempt: boolean };
}

/** One row of the session lookup: the session, its user and office, the per-request checks and an open emergency access. */
interface SessionRow {
  secretHash: Uint8Array;
  lastVerifiedAt: Date;
  userId: number;
  email: string;
  displayName: string;
  locale: string;
  roles: string[];
  officeId: number | null;
  active: boolean;
  officeName: string | null;
  officeWardId: number | null;
  privacyAcknowledged: boolean;
  secondFactorOrExempt: boolean;
  emergencyId: number | null;
  emergencyReason: string | null;
  emergencyExpiresAt: Date | null;
}

/**
 * Everything a request needs about its session in one indexed statement (issue 13): before, the session, user and
 * office were three statements (Prisma's include), the privacy notice one more, the two-factor check three and the
 * emergency access one, and the root loader and the page's loader each asked again.
 */
async function readSession(id: string): Promise<SessionRow | null> {
  const at = appNow();
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."secretHash", s."lastVerifiedAt", u."id" AS "userId", u."email", u."displayName", u."locale",
           u."roles"::text[] AS "roles", u."officeId", u."active",
           o."name" AS "officeName", o."wardId" AS "officeWardId",
           EXISTS (SELECT 1 FROM "PrivacyAcknowledgement" p WHERE p."userId" = u."id" AND p."version" = ${PRIVACY_NOTICE_VERSION})
             AS "privacyAcknowledged",
           (EXISTS (SELECT 1 FROM "TotpCredential" t WHERE t."userId" = u."id" AND t."confirmedAt" IS NOT NULL)
             OR EXISTS (SELECT 1 FROM "Passkey" k WHERE k."userId" = u."id")
             OR EXISTS (SELECT 1 FROM "TwoFactorDemoExemption" d WHERE d."userId" = u."id")) AS "secondFactorOrExempt",
           e."id" AS "emergencyId", e."reason" AS "emergencyReason", e."expiresAt" AS "emergencyExpiresAt"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Office" o ON o."id" = u."officeId"
      LEFT JOIN LATERAL (
        SELECT g."id", g."reason", g."expiresAt" FROM "EmergencyAccess" g
         WHERE g."userId" = u."id" AND g."closedAt" IS NULL AND g."openedAt" <= ${at} AND g."expiresAt" > ${at}
         ORDER BY g."expiresAt" DESC LIMIT 1
      ) e ON 'SYSTEM_ADMIN' = ANY (u."roles"::text[])
     WHERE s."id" = ${id}`;
  return rows[0] ?? null;
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
  return (await validateToken(token))?.session ?? null;
}

async function validateToken(token: string): Promise<{ session: ValidSession; row: SessionRow } | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null;
  const row = await readSession(id);
  if (!row) return null;
  if (!bytesEqual(sha256Bytes(secret), new Uint8Array(row.secretHash))) return null;
  const now = Date.now();
  if (now - row.lastVerifiedAt.getTime() >= inactivityMs() || !row.active) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - row.lastVerifiedAt.getTime() >= ACTIVITY_CHECK_MS) {
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: new Date(now) } });
  }
  return {
    row,
    session: {
      sessionId: id,
      user: {
        id: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
        roles: row.roles,
        officeId: row.officeId,
        office: row.officeId !== null ? { id: row.officeId, name: row.officeName!, wardId: row.officeWardId! } : null,
      },
      status: { privacyAcknowledged: row.privacyAcknowledged, secondFactorOrExempt: row.secondFactorOrExempt },
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

// One lookup per request: the root loader and the page's loader (and an action's helpers) get the same answer.
const perRequest = new WeakMap<Request, Promise<ValidSession | null>>();

export function getSession(request: Request): Promise<ValidSession | null> {
  let found = perRequest.get(request);
  if (!found) {
    found = lookUpSession(request);
    perRequest.set(request, found);
    // A failed lookup (the database away) is not remembered: a retry asks again.
    found.catch(() => perRequest.delete(request));
  }
  return found;
}

async function lookUpSession(request: Request): Promise<ValidSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  const found = token ? await validateToken(token) : null;
  if (!found) return null;
  const { session, row } = found;
  // A system administrator's open emergency access (issue 19) lends its roles to read requests only.
  if (row.emergencyId !== null && session.user.roles.includes("SYSTEM_ADMIN") && isReadMethod(request.method)) {
    session.user = {
      ...session.user,
      roles: [...new Set([...session.user.roles, ...EMERGENCY_LENT_ROLES])],
      emergency: {
        id: row.emergencyId,
        reason: row.emergencyReason!,
        expiresAt: row.emergencyExpiresAt!.toISOString(),
        ownRoles: session.user.roles,
      },
    };
  }
  return session;
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
