import { z } from "zod";
import { prisma } from "~/db.server";
import { audit, describeChanges } from "~/audit/audit.server";
import { invalidateUserSessions } from "~/auth/session.server";
import { ROLES } from "~/auth/roles";
import { LOCALES } from "~/i18n";
import { tellCorrected } from "~/privacy/person.server";

export const USERS_PAGE_SIZE = 25;

/** One schema for creating and editing a user (form field names match). */
export const userFormSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).email(),
  displayName: z.string().trim().min(1).max(100),
  locale: z.enum(LOCALES),
  officeId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  roles: z.array(z.enum(ROLES)).min(1, "validation.rolesRequired"),
});
export type UserForm = z.infer<typeof userFormSchema>;

export async function listUsers({ query, page }: { query: string; page: number }) {
  const q = query.trim();
  const where = q
    ? {
        OR: [
          { email: { contains: q, mode: "insensitive" as const } },
          { displayName: { contains: q, mode: "insensitive" as const } },
          { office: { name: { contains: q, mode: "insensitive" as const } } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { email: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      include: { office: { select: { name: true } } },
    }),
  ]);
  return { total, users };
}

export class DuplicateEmailError extends Error {}

function isUniqueViolation(e: unknown): boolean {
  const error = e as { code?: string; cause?: { code?: string }; message?: string };
  return error?.code === "P2002" || error?.cause?.code === "23505" || /Unique constraint/i.test(error?.message ?? "");
}
export class OfficeRequiredError extends Error {}

async function checkOffice(form: UserForm) {
  if (form.roles.includes("OFFICE_MANAGER") && form.officeId === null) throw new OfficeRequiredError();
  if (form.officeId !== null) {
    const office = await prisma.office.findUnique({ where: { id: form.officeId } });
    if (!office) throw new OfficeRequiredError();
  }
}

export async function createUser(form: UserForm, actorId: number) {
  await checkOffice(form);
  const existing = await prisma.user.findUnique({ where: { email: form.email } });
  if (existing) throw new DuplicateEmailError();
  // Two creations at once both pass the check above: the unique index decides, and the second is told why.
  const user = await prisma.user.create({ data: { ...form, officeId: form.officeId } }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? new DuplicateEmailError() : e;
  });
  await audit({
    actorId,
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    summary: `${user.email} (${user.roles.join(",")})`,
  });
  return user;
}

export async function updateUser(id: number, form: UserForm, actorId: number) {
  await checkOffice(form);
  const before = await prisma.user.findUniqueOrThrow({ where: { id } });
  if (form.email !== before.email) {
    const clash = await prisma.user.findUnique({ where: { email: form.email } });
    if (clash) throw new DuplicateEmailError();
  }
  const user = await prisma.user.update({ where: { id }, data: form }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? new DuplicateEmailError() : e;
  });
  const summary = describeChanges(before as unknown as Record<string, unknown>, form);
  if (summary) await audit({ actorId, action: "user.update", entityType: "User", entityId: id, summary });
  // A correction by the secretariat is told to the person (issue 19).
  await tellCorrected(
    before as unknown as Parameters<typeof tellCorrected>[0],
    user as unknown as Parameters<typeof tellCorrected>[1],
    actorId,
  );
  return user;
}

/** Deactivating ends every session of the user at once. */
export async function setUserActive(id: number, active: boolean, actorId: number) {
  const user = await prisma.user.update({ where: { id }, data: { active } });
  if (!active) await invalidateUserSessions(id);
  await audit({ actorId, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: id, summary: user.email });
  return user;
}
