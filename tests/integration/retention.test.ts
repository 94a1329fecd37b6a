// Issue 19, retention: the schedule (app/privacy/retention.ts) applied by the daily job with the clock a test sets —
// exactly what is due is deleted, what is not due stays, and each deletion is recorded; the privacy notice's
// 保存期間 is written from the same schedule.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { privacyNotice } from "~/privacy/notice";
import { KEPT_SEPARATOR, RETENTION_SCHEDULE, retentionRule } from "~/privacy/retention";
import { applyRetention } from "~/privacy/retention.server";
import { recurringJobs } from "~/jobs/workers.server";
import { createUser } from "./factories";

const DAY = 24 * 3600_000;
afterEach(() => setClock(null));

describe("retention", () => {
  it("deletes exactly the records past their time, records what it deleted, and runs daily", async () => {
    const user = await createUser();
    const t0 = now();
    const ago = (days: number, extraMs = 0) => new Date(t0.getTime() - days * DAY - extraMs);
    const notif = retentionRule("notifications").days!;
    const mail = retentionRule("mail").days!;
    const auditDays = retentionRule("auditLog").days!;
    const keys = retentionRule("formKeys").days!;

    const oldNotice = await prisma.notification.create({
      data: { userId: user.id, kind: "x", payload: {}, createdAt: ago(notif, 60_000) },
    });
    const newNotice = await prisma.notification.create({ data: { userId: user.id, kind: "x", payload: {}, createdAt: ago(notif - 1) } });
    const sentOld = await prisma.outboxMessage.create({
      data: { to: "a@example.jp", subject: "s", body: "b", createdAt: ago(mail + 1), sentAt: ago(mail + 1) },
    });
    const unsentOld = await prisma.outboxMessage.create({
      data: { to: "a@example.jp", subject: "s", body: "b", createdAt: ago(mail + 1) },
    });
    const sentNew = await prisma.outboxMessage.create({
      data: { to: "a@example.jp", subject: "s", body: "b", createdAt: ago(mail - 1), sentAt: ago(mail - 1) },
    });
    const auditOld = await prisma.auditLog.create({
      data: { action: "x.y", entityType: "T", entityId: "1", createdAt: ago(auditDays + 1) },
    });
    const auditNew = await prisma.auditLog.create({
      data: { action: "x.y", entityType: "T", entityId: "2", createdAt: ago(auditDays - 1) },
    });
    const keyOld = await prisma.formSubmission.create({ data: { key: `old-${user.id}`, userId: user.id, createdAt: ago(keys + 1) } });
    const keyNew = await prisma.formSubmission.create({ data: { key: `new-${user.id}`, userId: user.id, createdAt: ago(keys - 1) } });
    const sessionOld = await prisma.session.create({
      data: { id: `old-${user.id}`, secretHash: Buffer.from("x"), userId: user.id, lastVerifiedAt: ago(3) },
    });
    const sessionNew = await prisma.session.create({
      data: { id: `new-${user.id}`, secretHash: Buffer.from("x"), userId: user.id, lastVerifiedAt: ago(0, 3600_000) },
    });

    const deleted = await applyRetention(t0);
    expect(deleted.notifications).toBe(1);
    expect(deleted.mail).toBe(1);
    expect(deleted.formKeys).toBe(1);
    expect(deleted.sessions).toBe(1);
    expect(deleted.auditLog).toBeGreaterThanOrEqual(1);

    expect(await prisma.notification.findUnique({ where: { id: oldNotice.id } })).toBeNull();
    expect(await prisma.notification.findUnique({ where: { id: newNotice.id } })).not.toBeNull();
    expect(await prisma.outboxMessage.findUnique({ where: { id: sentOld.id } })).toBeNull();
    expect(await prisma.outboxMessage.findUnique({ where: { id: unsentOld.id } })).not.toBeNull(); // not sent: kept
    expect(await prisma.outboxMessage.findUnique({ where: { id: sentNew.id } })).not.toBeNull();
    expect(await prisma.auditLog.findUnique({ where: { id: auditOld.id } })).toBeNull();
    expect(await prisma.auditLog.findUnique({ where: { id: auditNew.id } })).not.toBeNull();
    expect(await prisma.formSubmission.findUnique({ where: { key: keyOld.key } })).toBeNull();
    expect(await prisma.formSubmission.findUnique({ where: { key: keyNew.key } })).not.toBeNull();
    expect(await prisma.session.findUnique({ where: { id: sessionOld.id } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: sessionNew.id } })).not.toBeNull();

    const recorded = await prisma.auditLog.findMany({ where: { action: "privacy.retention" } });
    expect(recorded.find((e) => e.entityId === "notifications")?.summary).toContain("1 deleted");
    expect(recorded.find((e) => e.entityId === "mail")?.summary).toContain("1 deleted");

    // Run again: nothing more is due.
    expect(await applyRetention(t0)).toEqual({});

    // The clock moves on a day: the notice that was one day short is now due (the job uses the application clock).
    setClock(new Date(t0.getTime() + 2 * DAY));
    expect((await applyRetention()).notifications).toBe(1);
    expect(await prisma.notification.findUnique({ where: { id: newNotice.id } })).toBeNull();

    expect(recurringJobs().map((j) => j.name)).toContain("privacy.retention");
  });

  it("the privacy notice's retention column is written from the schedule, in both languages", () => {
    for (const locale of ["ja", "en"] as const) {
      const rows = privacyNotice(locale).sections.flatMap((s) => s.rows ?? []);
      const kept = rows.map((r) => r.kept).join("\n");
      for (const kind of ["accounts", "sessions", "caseTexts", "notifications", "mail", "auditLog", "records"] as const)
        expect(kept).toContain(retentionRule(kind)[locale]);
      // Nothing on the notice that is not from the schedule.
      for (const r of rows) {
        const parts = r.kept.split(KEPT_SEPARATOR[locale]);
        for (const p of parts) expect(RETENTION_SCHEDULE.some((rule) => rule[locale] === p)).toBe(true);
      }
    }
  });
});
