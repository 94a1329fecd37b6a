// The committee's certificates page (/committee/certificates): the year's certificates with their
// verification codes, revoking one, and per-person exemptions from the practical-training
// prerequisite (experience, statutory training already done), each with a reason, audited.
import { z } from "zod";
import { audit, logRead, type Reader } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/permissions.server";
import { can } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { now } from "~/lib/clock";
import { findModule } from "~/training/content.server";
import { curriculumSlugs } from "~/training/training.server";
import { certificatePdf } from "./certificate-pdf.server";
import { EXEMPTION_KINDS } from "./rules";
import { revokeCertificate } from "./scheduling.server";

export async function committeeCertificates(year: number) {
  const [rows, exemptions] = await Promise.all([
    prisma.certificate.findMany({
      where: { fiscalYear: year },
      include: { user: { select: { displayName: true, office: { select: { name: true } } } } },
      orderBy: [{ track: "asc" }, { serial: "asc" }],
    }),
    prisma.prerequisiteExemption.findMany({ where: { revokedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  const people = await prisma.user.findMany({
    where: { id: { in: exemptions.map((x) => x.userId) } },
    select: { id: true, displayName: true, email: true },
  });
  return {
    rows: rows.map((c) => ({
      id: c.id,
      userId: c.userId,
      serial: c.serial,
      verificationCode: c.verificationCode,
      track: c.track,
      name: c.holderName || c.user.displayName,
      office: c.user.office?.name ?? "",
      issuedAt: c.issuedAt,
      revoked: !!c.revokedAt,
      revokeReason: c.revokeReason,
    })),
    exemptions: exemptions.map((x) => {
      const p = people.find((u) => u.id === x.userId);
      return {
        id: x.id,
        userId: x.userId,
        name: p?.displayName ?? "",
        email: p?.email ?? "",
        kind: x.kind,
        reason: x.reason,
        createdAt: x.createdAt,
      };
    }),
  };
}

/** The access log of the certificates page (issue 19): each holder's certificate and each exempted person. */
export async function logCertificatesRead(reader: Reader, year: number, page: Awaited<ReturnType<typeof committeeCertificates>>) {
  await logRead(reader, "scheduling.certificate.read", [
    ...page.rows.map((c) => ({ entityType: "Certificate", entityId: c.id, subjectUserId: c.userId, summary: `FY${year} register` })),
    ...page.exemptions.map((x) => ({ entityType: "PrerequisiteExemption", entityId: x.id, subjectUserId: x.userId, summary: "exemption" })),
  ]);
}

const form = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("revoke"),
    certificateId: z.coerce.number().int().positive(),
    reason: z.string().trim().min(1).max(500),
  }),
  z.object({
    intent: z.literal("exempt"),
    email: z.string().trim().toLowerCase().email(),
    kind: z.enum(EXEMPTION_KINDS),
    reason: z.string().trim().min(1).max(1000),
  }),
  z.object({ intent: z.literal("revoke-exemption"), exemptionId: z.coerce.number().int().positive() }),
]);

export type CertificatesActionResult =
  | { ok: true; intent: "revoke"; serial: string }
  | { ok: true; intent: "exempt" | "revoke-exemption"; name: string }
  | { ok: false; intent: string; error: "validation.required" | "validation.invalid" | "scheduling.certs.unknownUser" };

export async function certificatesAction(actorId: number, data: FormData): Promise<CertificatesActionResult> {
  const intent = String(data.get("intent") ?? "");
  const parsed = form.safeParse(Object.fromEntries(data));
  if (!parsed.success) {
    const required = parsed.error.issues.some((i) => i.code === "too_small");
    return { ok: false, intent, error: required ? "validation.required" : "validation.invalid" };
  }
  const input = parsed.data;
  if (input.intent === "revoke") {
    const existing = await prisma.certificate.findUnique({ where: { id: input.certificateId } });
    if (!existing || existing.revokedAt) return { ok: false, intent, error: "validation.invalid" };
    const c = await revokeCertificate(input.certificateId, input.reason);
    await audit({
      actorId,
      action: "scheduling.certificate.revoke",
      entityType: "Certificate",
      entityId: c.id,
      summary: `${c.serial}: ${input.reason}`,
    });
    return { ok: true, intent: "revoke", serial: c.serial };
  }
  if (input.intent === "exempt") {
    const trainee = await prisma.user.findUnique({ where: { email: input.email } });
    if (!trainee || !trainee.roles.includes("TRAINEE")) return { ok: false, intent, error: "scheduling.certs.unknownUser" };
    const x = await prisma.prerequisiteExemption.create({
      data: { userId: trainee.id, kind: input.kind, reason: input.reason, createdById: actorId },
    });
    await audit({
      actorId,
      action: "scheduling.exemption.record",
      entityType: "PrerequisiteExemption",
      entityId: x.id,
      summary: `${trainee.email} ${input.kind}: ${input.reason}`,
    });
    return { ok: true, intent: "exempt", name: trainee.displayName };
  }
  const x = await prisma.prerequisiteExemption.findUnique({ where: { id: input.exemptionId } });
  if (!x || x.revokedAt) return { ok: false, intent, error: "validation.invalid" };
  await prisma.prerequisiteExemption.update({ where: { id: x.id }, data: { revokedAt: now(), revokedById: actorId } });
  await audit({ actorId, action: "scheduling.exemption.revoke", entityType: "PrerequisiteExemption", entityId: x.id });
  const u = await prisma.user.findUnique({ where: { id: x.userId }, select: { displayName: true } });
  return { ok: true, intent: "revoke-exemption", name: u?.displayName ?? "" };
}

// ---- The certificate PDF ----

/** The issuer printed on certificates, as the administrator set it (null: not set yet). */
export async function certificateIssuer() {
  return prisma.certificateIssuer.findUnique({ where: { id: 1 } });
}

/**
 * The certificate PDF for its holder or the committee/administrators (403 otherwise), with the
 * training's days and hours (the session's days; the on-demand modules' study time) and the issuer.
 */
export async function certificatePdfFor(user: SessionUser, rawId: string | undefined, origin: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const c = await prisma.certificate.findUnique({ where: { id }, include: { user: true } });
  if (!c) throw notFound();
  if (c.userId !== user.id && !can(user, "runTraining")) throw forbidden();
  const [issuer, days, slugs] = await Promise.all([
    certificateIssuer(),
    c.sessionId ? prisma.sessionDay.findMany({ where: { sessionId: c.sessionId }, orderBy: { startsAt: "asc" } }) : Promise.resolve([]),
    c.track === "basic-ondemand" ? curriculumSlugs(c.fiscalYear) : Promise.resolve([]),
  ]);
  const minutes = days.length
    ? days.reduce((sum, d) => sum + (d.endsAt.getTime() - d.startsAt.getTime()) / 60_000, 0)
    : slugs.reduce((sum, slug) => sum + (findModule(slug)?.frontmatter.minutes ?? 0), 0) || null;
  const pdf = await certificatePdf({
    name: c.holderName || c.user.displayName,
    track: c.track,
    fiscalYear: c.fiscalYear,
    issuedAt: c.issuedAt,
    serial: c.serial,
    verificationCode: c.verificationCode,
    verifyUrl: `${origin}/verify/${c.verificationCode}`,
    days,
    minutes,
    issuer: issuer ? { nameJa: issuer.nameJa, seal: issuer.seal } : null,
  });
  await logRead(user, "scheduling.certificate.read", [
    { entityType: "Certificate", entityId: c.id, subjectUserId: c.userId, summary: `${c.track} FY${c.fiscalYear} (PDF)` },
  ]);
  return { serial: c.serial, pdf };
}

// ---- The issuer (set by an administrator) ----

const MAX_SEAL_BYTES = 512 * 1024;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The issuer as the settings page shows it (the seal as a data URL for its preview). */
export async function issuerSettings() {
  const i = await certificateIssuer();
  return {
    nameJa: i?.nameJa ?? "",
    nameEn: i?.nameEn ?? "",
    seal: i?.seal ? `data:image/png;base64,${Buffer.from(i.seal).toString("base64")}` : null,
    updatedAt: i?.updatedAt ?? null,
  };
}

const issuerForm = z.object({
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).default(""),
  removeSeal: z.literal("on").optional(),
});

export type IssuerResult =
  | { ok: true }
  | { ok: false; field: "nameJa" | "nameEn" | "seal"; error: "validation.required" | "validation.invalid" | "trust.issuer.sealInvalid" };

/** Saves the issuer; the optional seal must be a PNG of at most 512 KB. Audited. */
export async function saveIssuer(actorId: number, data: FormData): Promise<IssuerResult> {
  const parsed = issuerForm.safeParse({
    nameJa: data.get("nameJa") ?? "",
    nameEn: data.get("nameEn") ?? "",
    removeSeal: data.get("removeSeal") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path[0] === "nameEn" ? "nameEn" : "nameJa";
    return { ok: false, field, error: issue.code === "too_small" ? "validation.required" : "validation.invalid" };
  }
  const file = data.get("seal");
  let seal: Uint8Array<ArrayBuffer> | null | undefined = parsed.data.removeSeal ? null : undefined;
  if (file instanceof File && file.size > 0) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length > MAX_SEAL_BYTES || !PNG_MAGIC.every((b, i) => bytes[i] === b))
      return { ok: false, field: "seal", error: "trust.issuer.sealInvalid" };
    seal = bytes;
  }
  const fields = { nameJa: parsed.data.nameJa, nameEn: parsed.data.nameEn, updatedById: actorId, ...(seal !== undefined ? { seal } : {}) };
  await prisma.certificateIssuer.upsert({ where: { id: 1 }, create: { id: 1, ...fields }, update: fields });
  await audit({
    actorId,
    action: "scheduling.issuer.update",
    entityType: "CertificateIssuer",
    entityId: 1,
    summary: `${parsed.data.nameJa}${seal === null ? " (seal removed)" : seal ? " (new seal)" : ""}`,
  });
  return { ok: true };
}

/**
 * The public check behind /verify/<code>: whether a certificate is valid, with the holder's name, the track and
 * the year only (nothing else about the person). Null for a malformed or unknown code.
 */
export async function verifyCertificate(rawCode: string) {
  const code = rawCode.toUpperCase();
  if (!/^[A-Z0-9]{6,32}$/.test(code)) return null;
  const c = await prisma.certificate.findUnique({
    where: { verificationCode: code },
    include: { user: { select: { displayName: true } } },
  });
  if (!c) return null;
  return { valid: !c.revokedAt, name: c.holderName || c.user.displayName, track: c.track, fiscalYear: c.fiscalYear };
}
