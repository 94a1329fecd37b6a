// The one set of access helpers every loader and action calls first.
import { redirect } from "@remix-run/node";
import { getSession, recordEmergencyUse, type SessionUser } from "./session.server";
import { can, type Capability } from "./capabilities";
import { hasAnyRole, type RoleName } from "./roles";

export type { SessionUser };

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): Response {
  return new Response(JSON.stringify({ reason: "forbidden" }), {
    status: 403,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

export function notFound(): Response {
  return new Response(JSON.stringify({ reason: "not-found" }), {
    status: 404,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

/** The request's session (looked up once per request), or null when not signed in. */
export async function getOptionalSession(request: Request) {
  return getSession(request);
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/**
 * The signed-in user, or a redirect to /login that comes back here afterwards. A request made under an open
 * emergency access (a system administrator's read, issue 19) is audited here, once.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

export async function requireSession(request: Request) {
  const session = await getSession(request);
  if (!session) throw loginRedirect(request);
  await recordEmergencyUse(request, session.user);
  return session;
}

/** The signed-in user holding at least one of the roles; 403 otherwise. */
export async function requireRole(request: Request, roles: readonly RoleName[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasAnyRole(user, roles)) throw forbidden();
  return user;
}

/** The signed-in user holding a capability of the permission table (./capabilities.ts); 403 otherwise. */
export async function requireCapability(request: Request, capability: Capability): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, capability)) throw forbidden();
  return user;
}

/**
 * The signed-in user as a member of their own office (its manager or staff), with that office's id.
 * When `officeId` is given, it must be the user's own office: another office's record answers 403.
 */
export async function requireOwnOffice(request: Request, officeId?: number): Promise<{ user: SessionUser; officeId: number }> {
  const user = await requireCapability(request, "workForOffice");
  if (user.officeId === null) throw forbidden();
  if (officeId !== undefined && officeId !== user.officeId) throw forbidden();
  return { user, officeId: user.officeId };
}
