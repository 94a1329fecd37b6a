// Small builders for integration tests: real rows in the test file's own database.
import { hashPassword } from "~/auth/password.server";
import { createSession, SESSION_COOKIE, type SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { RoleName } from "~/auth/roles";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createWard(code = `w${unique()}`) {
  return prisma.ward.create({ data: { code, nameJa: `${code}区`, nameEn: code, sortOrder: 9 } });
}

export async function createOffice(options: { wardId?: number; name?: string } = {}) {
  const wardId = options.wardId ?? (await createWard()).id;
  return prisma.office.create({ data: { name: options.name ?? `事業所 ${unique()}`, kind: "SPECIFIED_CONSULTATION", wardId } });
}

export async function createUser(
  options: { roles?: RoleName[]; officeId?: number | null; password?: string; email?: string; active?: boolean } = {},
) {
  return prisma.user.create({
    data: {
      email: options.email ?? `user-${unique()}@example.jp`,
      displayName: `利用者 ${unique()}`,
      roles: options.roles ?? ["TRAINEE"],
      officeId: options.officeId ?? null,
      active: options.active ?? true,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
  });
}

/** A Request carrying a real session cookie for the user, for calling loaders and actions directly. */
export async function requestAs(userId: number | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (userId !== null) {
    const { token } = await createSession(userId);
    headers.set("Cookie", `${SESSION_COOKIE}=${token}`);
  }
  return new Request(`http://localhost${path}`, { ...init, headers });
}

export function formRequestInit(fields: Record<string, string | string[]>): RequestInit {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}

/** The signed-in user as the capability modules take it (for calls made outside a request). */
export async function sessionUser(id: number): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { id }, include: { office: { select: { id: true, name: true, wardId: true } } } });
  return { id: u.id, email: u.email, displayName: u.displayName, locale: u.locale, roles: u.roles, officeId: u.officeId, office: u.office };
}
