import { z } from "zod";
import { prisma } from "~/db.server";
import { audit, describeChanges, logRead } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { inviteUser } from "~/auth/invitations.server";
import { forbidden, notFound } from "~/auth/permissions.server";
import { invalidateUserSessions, type SessionUser } from "~/auth/session.server";
import { ROLES } from "~/auth/roles";
import { LOCALES, type Locale, type MessageKey } from "~/i18n";
import { failure, parseForm, type FormFailure } from "~/lib/forms";
import { erasedEmail, eraseSchema, eraseUser, tellCorrected } from "~/privacy/person.server";
import { officeOptions } from "./admin-data.server";

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

// ---- /admin/users/:userId: one account (the secretariat only) ----

/** The account, or 404; only for whoever may administer (403 otherwise, before the account is looked up). */
async function accountFor(admin: SessionUser, userId: number) {
  if (!can(admin, "administer")) throw forbidden();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound();
  return user;
}

/**
 * Page reader of /admin/users/:userId: the account's fields for the form, its last invitation and how many
 * sessions it has, the offices to choose from. The read is audited (the reader's own account is not).
 */
export async function userEditPage(admin: SessionUser, userId: number, locale: Locale) {
  const user = await accountFor(admin, userId);
  const [offices, invitation, sessionCount] = await Promise.all([
    officeOptions(locale),
    prisma.invitation.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } }),
    prisma.session.count({ where: { userId: user.id } }),
  ]);
  await logRead(admin, "user.read", [{ entityType: "User", entityId: user.id, subjectUserId: user.id, summary: "account page" }]);
  return {
    offices,
    isSelf: admin.id === user.id,
    erased: user.email === erasedEmail(user.id),
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      officeId: user.officeId,
      roles: user.roles,
      active: user.active,
      hasPassword: user.passwordHash !== null,
    },
    invitation: invitation
      ? { createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString(), used: !!invitation.usedAt }
      : null,
    sessionCount,
  };
}

export type UserEditIntent = "save" | "erase" | "deactivate" | "reactivate" | "invite";

/** One shape for every intent: what was done (a message), or why not; a refused save keeps the roles ticked. */
export type UserEditResult =
  { ok: true; intent: UserEditIntent; message: MessageKey } | (FormFailure & { intent: UserEditIntent; roles?: string[] });

function intentOf(value: FormDataEntryValue | null): UserEditIntent {
  return value === "erase" || value === "deactivate" || value === "reactivate" || value === "invite" ? value : "save";
}

/**
 * Intent handler of /admin/users/:userId: save the form, erase the person (issue 19), deactivate or reactivate
 * (never one's own account), or send an invitation or reset link (active accounts only). Every change is audited.
 */
export async function userEditAction(
  admin: SessionUser,
  userId: number,
  formData: FormData,
  { origin, locale }: { origin: string; locale: Locale },
): Promise<UserEditResult> {
  const user = await accountFor(admin, userId);
  const intent = intentOf(formData.get("intent"));
  const refused = (message: MessageKey) => ({ ...failure({}, formData, { key: message }), intent });
  if (intent === "erase") {
    const parsed = parseForm(eraseSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    const erased = await eraseUser(admin, user.id, parsed.data, locale);
    if (!erased.ok) return refused(`personal.erase.refused.${erased.reason}`);
    return { ok: true, intent, message: "personal.erase.done" };
  }
  if (intent === "deactivate" || intent === "reactivate") {
    if (user.id === admin.id) return refused("admin.users.cannotDeactivateSelf");
    await setUserActive(user.id, intent === "reactivate", admin.id);
    return { ok: true, intent, message: intent === "deactivate" ? "admin.users.deactivated" : "admin.users.reactivated" };
  }
  if (intent === "invite") {
    if (!user.active) return refused("admin.users.inactiveNoInvite");
    await inviteUser(user.id, admin.id, origin);
    await audit({ actorId: admin.id, action: "user.invite", entityType: "User", entityId: user.id, summary: user.email });
    return { ok: true, intent, message: "admin.users.invited" };
  }
  const roles = formData.getAll("roles").map(String);
  const refusedField = (field: string, key: MessageKey) => ({ ...failure({ [field]: [{ key }] }, formData), intent, roles });
  const parsed = parseForm(userFormSchema, formData, ["roles"]);
  if (!parsed.ok) return { ...parsed, intent, roles };
  if (user.id === admin.id && !parsed.data.roles.includes("ADMINISTRATOR")) return refusedField("roles", "admin.users.cannotDropOwnAdmin");
  try {
    await updateUser(user.id, parsed.data, admin.id);
    return { ok: true, intent, message: "common.saved" };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return refusedField("email", "admin.users.duplicateEmail");
    if (error instanceof OfficeRequiredError) return refusedField("officeId", "admin.users.officeRequired");
    throw error;
  }
}
