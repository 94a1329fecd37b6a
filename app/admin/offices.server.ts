import { z } from "zod";
import { prisma } from "~/db.server";
import { audit, describeChanges } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden, notFound } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { failure, parseForm, type FormFailure } from "~/lib/forms";

import { isOfficeNumber, normaliseOfficeNumber, OFFICE_KINDS } from "./offices.server-shared";

export const officeFormSchema = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(OFFICE_KINDS),
  wardId: z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose"),
  address: z.string().trim().max(200).default(""),
  // 事業所番号: optional; full-width digits, spaces and hyphens are accepted and stored as ten ASCII digits.
  officeNumber: z
    .string()
    .optional()
    .transform((v) => normaliseOfficeNumber(v ?? ""))
    .refine((v) => v === "" || isOfficeNumber(v), "imports.officeNumber.invalid")
    .transform((v) => v || null),
  agreesToBeNamed: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  // The edit form sends a hidden "off" before the checkbox's "on"; the last value wins.
  active: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[v.length - 1] : v) !== "off"),
});
export type OfficeForm = z.infer<typeof officeFormSchema>;

export class DuplicateOfficeError extends Error {}
export class UnknownWardError extends Error {}
export class DuplicateOfficeNumberError extends Error {}

export function listWards() {
  return prisma.ward.findMany({ orderBy: { sortOrder: "asc" } });
}

/** Offices per page of the secretariat's list (issue 13: a national list has 12,000). */
export const OFFICES_PAGE_SIZE = 50;

/** One page of the offices, filtered on the server by part of the name and by ward, with how many match. */
export async function listOffices({ query = "", wardId = null, page = 1 }: { query?: string; wardId?: number | null; page?: number } = {}) {
  const q = query.trim().slice(0, 100);
  const where = {
    // Part of the name, or of the office number (事業所番号, typed in full-width digits too).
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" as const } },
            ...(/^\d+$/.test(normaliseOfficeNumber(q)) ? [{ officeNumber: { contains: normaliseOfficeNumber(q) } }] : []),
          ],
        }
      : {}),
    ...(wardId ? { wardId } : {}),
  };
  const total = await prisma.office.count({ where });
  const pages = Math.max(1, Math.ceil(total / OFFICES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const offices = await prisma.office.findMany({
    where,
    orderBy: [{ ward: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }],
    include: { ward: true, _count: { select: { users: true } } },
    skip: (current - 1) * OFFICES_PAGE_SIZE,
    take: OFFICES_PAGE_SIZE,
  });
  return { total, page: current, pages, offices };
}

/** The wards, for the list's filter. */
export function wardsForFilter() {
  return prisma.ward.findMany({ select: { id: true, nameJa: true, nameEn: true }, orderBy: { sortOrder: "asc" } });
}

async function check(form: OfficeForm, exceptId?: number) {
  if (!(await prisma.ward.findUnique({ where: { id: form.wardId } }))) throw new UnknownWardError();
  const clash = await prisma.office.findFirst({
    where: { name: form.name, wardId: form.wardId, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (clash) throw new DuplicateOfficeError();
  if (form.officeNumber) {
    const numbered = await prisma.office.findFirst({
      where: { officeNumber: form.officeNumber, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    if (numbered) throw new DuplicateOfficeNumberError();
  }
}

export async function createOffice(form: OfficeForm, actorId: number) {
  await check(form);
  const office = await prisma.office.create({ data: form });
  await audit({ actorId, action: "office.create", entityType: "Office", entityId: office.id, summary: office.name });
  return office;
}

export async function updateOffice(id: number, form: OfficeForm, actorId: number) {
  await check(form, id);
  const before = await prisma.office.findUniqueOrThrow({ where: { id } });
  const office = await prisma.office.update({ where: { id }, data: form });
  const summary = describeChanges(before as unknown as Record<string, unknown>, form);
  if (summary) await audit({ actorId, action: "office.update", entityType: "Office", entityId: id, summary });
  return office;
}

// ---- /admin/offices/:officeId: one office (the secretariat only) ----

/** The office, or 404; only for whoever may administer (403 otherwise, before the office is looked up). */
async function officeFor(user: SessionUser, officeId: number) {
  if (!can(user, "administer")) throw forbidden();
  const office = await prisma.office.findUnique({
    where: { id: officeId },
    include: { users: { orderBy: { displayName: "asc" } } },
  });
  if (!office) throw notFound();
  return office;
}

/** Page reader of /admin/offices/:officeId: the office's fields for the form, its people and the wards. */
export async function officeEditPage(user: SessionUser, officeId: number) {
  const office = await officeFor(user, officeId);
  return {
    wards: await listWards(),
    office: {
      id: office.id,
      name: office.name,
      kind: office.kind,
      wardId: office.wardId,
      address: office.address,
      officeNumber: office.officeNumber ?? "",
      agreesToBeNamed: office.agreesToBeNamed,
      active: office.active,
    },
    users: office.users.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, roles: u.roles })),
  };
}

export type OfficeEditResult = { ok: true; intent: "save" } | FormFailure;

/** Intent handler of /admin/offices/:officeId: saves the form (validated, checked for clashes, audited). */
export async function saveOfficeEdit(user: SessionUser, officeId: number, formData: FormData): Promise<OfficeEditResult> {
  const office = await officeFor(user, officeId);
  const parsed = parseForm(officeFormSchema, formData, ["active"]);
  if (!parsed.ok) return parsed;
  try {
    await updateOffice(office.id, parsed.data, user.id);
    return { ok: true, intent: "save" };
  } catch (error) {
    if (error instanceof DuplicateOfficeError) return failure({ name: [{ key: "admin.offices.duplicate" }] }, formData);
    if (error instanceof DuplicateOfficeNumberError)
      return failure({ officeNumber: [{ key: "imports.officeNumber.duplicate" }] }, formData);
    if (error instanceof UnknownWardError) return failure({ wardId: [{ key: "validation.choose" }] }, formData);
    throw error;
  }
}
