// The committee's roster of one session, for the page, the sign-in sheet and the CSV.
import { notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { roster, sessionInclude } from "./scheduling.server";

export async function loadRoster(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) throw notFound();
  const r = await roster(s.id);
  const userIds = r.enrolled.map((e) => e.userId);
  const certificates = await prisma.certificate.findMany({ where: { userId: { in: userIds }, track: s.track, fiscalYear: s.fiscalYear } });
  const row = (e: (typeof r.enrolled)[number]) => ({
    id: e.id,
    userId: e.userId,
    name: e.user.displayName,
    email: e.user.email,
    office: e.user.office?.name ?? "",
    status: e.status,
    queuedAt: e.queuedAt,
    noShow: e.noShow,
    attended: s.days.map((d) => e.attendance.some((a) => a.dayId === d.id)),
    certificate: (() => {
      const c = certificates.find((c) => c.userId === e.userId);
      return c ? { id: c.id, serial: c.serial, revoked: !!c.revokedAt } : null;
    })(),
  });
  return { session: s, enrolled: r.enrolled.map(row), waitlisted: r.waitlisted.map(row), cancelled: r.cancelled.map(row) };
}
