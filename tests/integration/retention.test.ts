// Issue 19, retention: the schedule (app/privacy/retention.ts) applied by the daily job with the clock a test sets —
// exactly what is due is deleted, what is not due stays, and each deletion is recorded; the privacy notice's
// 保存期間 is written from the same schedule.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { privacyNotice } from "~/privacy/notice";
import { formatPeriod, KEPT_SEPARATOR, RETENTION_SCHEDULE, retentionRule, ruleText } from "~/privacy/retention";
import { applyRetention, retentionPeriods, retentionSettingsPage, setRetentionDays } from "~/privacy/retention.server";
import { loadPrivacyPage } from "~/privacy/privacy.server";
import { recurringJobs } from "~/jobs/workers.server";
import type { SessionUser } from "~/auth/session.server";
import { createUser } from "./factories";

const asUser = (u: { id: number; roles: string[]; officeId: number | null; locale: string }) =>
  ({ id: u.id, roles: u.roles, officeId: u.officeId, locale: u.locale }) as unknown as SessionUser;

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
        expect(kept).toContain(ruleText(kind, locale));
      // Nothing on the notice that is not from the schedule.
      for (const r of rows) {
        const parts = r.kept.split(KEPT_SEPARATOR[locale]);
        for (const p of parts) expect(RETENTION_SCHEDULE.some((rule) => ruleText(rule.kind, locale) === p)).toBe(true);
      }
      // The whole schedule, exports and backups included, is listed on the notice.
      const list = privacyNotice(locale).sections.find((s) => s.id === "retention")?.list ?? [];
      expect(list).toHaveLength(RETENTION_SCHEDULE.length);
      expect(list.join("\n")).toContain(ruleText("backups", locale));
      expect(list.join("\n")).toContain(ruleText("exports", locale));
    }
    expect(ruleText("auditLog", "ja")).toBe("操作と閲覧の記録は5年後に削除");
    expect(ruleText("notifications", "en")).toBe("In-app notices are deleted after a year");
    expect(formatPeriod(400, "en")).toBe("400 days");
  });

  it("the system administrator sets a period within its bounds; the job, the notice and the audit log follow it", async () => {
    const sysadmin = asUser(await createUser({ roles: ["SYSTEM_ADMIN"] }));
    const trainee = asUser(await createUser({ roles: ["TRAINEE"] }));
    const user = await createUser();
    const bounds = retentionRule("notifications").bounds!;
    const defaultDays = retentionRule("notifications").days!;

    // Out of bounds, a kind without bounds, and a person without the capability: refused, nothing stored.
    expect(await setRetentionDays(sysadmin, "notifications", bounds.min - 1)).toEqual({ ok: false, reason: "bounds" });
    expect(await setRetentionDays(sysadmin, "notifications", bounds.max + 1)).toEqual({ ok: false, reason: "bounds" });
    expect(await setRetentionDays(sysadmin, "sessions", 30)).toEqual({ ok: false, reason: "fixed" });
    await expect(setRetentionDays(trainee, "notifications", bounds.min)).rejects.toMatchObject({ status: 403 });
    await expect(retentionSettingsPage(trainee)).rejects.toMatchObject({ status: 403 });
    expect(await prisma.retentionSetting.count()).toBe(0);

    // A shorter period: a notice older than it (but younger than the default) is now due.
    const shorter = bounds.min;
    const t0 = now();
    const between = await prisma.notification.create({
      data: { userId: user.id, kind: "x", payload: {}, createdAt: new Date(t0.getTime() - (shorter + 1) * DAY) },
    });
    expect(shorter + 1).toBeLessThan(defaultDays);
    expect(await applyRetention(t0)).not.toHaveProperty("notifications");
    expect(await setRetentionDays(sysadmin, "notifications", shorter)).toEqual({ ok: true, changed: true });
    expect(await retentionPeriods()).toEqual({ notifications: shorter });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "privacy.retention.set", entityId: "notifications" } });
    expect(entry.summary).toBe(`${defaultDays} → ${shorter} days`);
    expect(entry.actorId).toBe(sysadmin.id);
    expect((await applyRetention(t0)).notifications).toBe(1);
    expect(await prisma.notification.findUnique({ where: { id: between.id } })).toBeNull();

    // The notice shows the period in force; the settings page too.
    const page = await loadPrivacyPage(null);
    const rows = privacyNotice("ja", page.retention).sections.flatMap((s) => s.rows ?? []);
    expect(rows.map((r) => r.kept).join("\n")).toContain(`画面内のお知らせは${shorter}日後に削除`);
    const settings = await retentionSettingsPage(sysadmin);
    expect(settings.find((r) => r.kind === "notifications")?.days).toBe(shorter);

    // Back to the default: the setting goes, and the same value again changes nothing.
    expect(await setRetentionDays(sysadmin, "notifications", defaultDays)).toEqual({ ok: true, changed: true });
    expect(await prisma.retentionSetting.count()).toBe(0);
    expect(await setRetentionDays(sysadmin, "notifications", defaultDays)).toEqual({ ok: true, changed: false });
    expect(await prisma.auditLog.count({ where: { action: "privacy.retention.set" } })).toBe(2);
  });
});
