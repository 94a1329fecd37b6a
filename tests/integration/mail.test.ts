// Issue 15, "Real mail": a real SMTP server (smtp-server) in the test process; mail goes through the job queue
// (pg-boss, the real workers) and arrives with its Japanese subject and body intact, absolute links, in the
// recipient's language; a reminder is sent once however many times the reminder job runs; with SMTP down the
// job fails, the error is on the outbox row for the administrator, and once SMTP is back a retry sends it —
// exactly once.
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { retryOutboxMessage } from "~/jobs/admin.server";
import { getBoss, startWorkers, stopJobs } from "~/jobs/queue.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { jstInstant, jstParts } from "~/lib/jst";
import { MAIL_DELIVER_JOB } from "~/mail/delivery.server";
import { sendReminders } from "~/scheduling/scheduling.server";
import { createUser } from "./factories";

const received: ParsedMail[] = [];
let smtp: SMTPServer;

function startSmtp(port: number): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          received.push(m);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(port, "127.0.0.1", () => resolve((smtp.server.address() as AddressInfo).port));
  });
}
const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

const smtpPort = await startSmtp(0);
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.APP_ORIGIN = "https://tsunagu.example.jp";

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const mailsFor = (email: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email);

let ja: { id: number; email: string }, en: { id: number; email: string };

beforeAll(async () => {
  await startWorkers(() => {});
  ja = await createUser({ roles: ["TRAINEE"] });
  en = await createUser({ roles: ["TRAINEE"] });
  await prisma.user.update({ where: { id: en.id }, data: { locale: "en" } });
  const p = jstParts(new Date());
  const start = jstInstant(p.year, p.month, p.day + 1, 13, 30);
  const session = await prisma.trainingSession.create({
    data: {
      track: "basic-group",
      fiscalYear: currentFiscalYear(),
      titleJa: "グループ研修「地域づくり」",
      titleEn: "Group session: community building",
      capacity: 10,
      opensAt: new Date(Date.now() - 10 * 86_400_000),
      closesAt: new Date(Date.now() - 86_400_000),
      days: { create: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3600_000) }] },
    },
  });
  for (const u of [ja, en]) await prisma.sessionEnrollment.create({ data: { sessionId: session.id, userId: u.id, status: "enrolled" } });
}, 60_000);

afterAll(async () => {
  await stopJobs();
  await stopSmtp().catch(() => {});
});

describe("mail through the queue to a real SMTP server", () => {
  it("arrives once per person, in their language, Japanese intact, links absolute — however often the reminder job runs", async () => {
    // The reminder job run three times at once (as by several processes): one reminder per person.
    await Promise.all([sendReminders(), sendReminders(), sendReminders()]);
    await until("both reminders", async () => mailsFor(ja.email).length >= 1 && mailsFor(en.email).length >= 1);
    await new Promise((r) => setTimeout(r, 3000)); // time for a duplicate to show up, if there were one
    expect(mailsFor(ja.email)).toHaveLength(1);
    expect(mailsFor(en.email)).toHaveLength(1);

    const [mJa] = mailsFor(ja.email);
    expect(mJa.subject).toBe("【つなぐ】明日の研修：グループ研修「地域づくり」");
    expect(mJa.text).toContain("明日 ");
    expect(mJa.text).toContain("「グループ研修「地域づくり」」があります。");
    const [mEn] = mailsFor(en.email);
    expect(mEn.subject).toBe("[Tsunagu] Tomorrow: Group session: community building");
    for (const m of [mJa, mEn]) {
      const links = m.text!.match(/\S+:\/\/\S+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(l.startsWith("https://tsunagu.example.jp/")).toBe(true);
    }
    const rows = await prisma.outboxMessage.findMany({ where: { to: { in: [ja.email, en.email] } } });
    expect(rows.every((r) => r.sentAt && !r.error)).toBe(true);
  }, 60_000);

  it("survives an SMTP outage: the job fails, the administrator sees the error, a retry sends it once", async () => {
    await stopSmtp();
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const adminUser = {
      id: admin.id,
      email: admin.email,
      displayName: admin.displayName,
      locale: "ja",
      roles: admin.roles,
      officeId: null,
      office: null,
    } as SessionUser;
    const { queueMail } = await import("~/mail/outbox.server");
    const message = await queueMail({ to: ja.email, subject: "【つなぐ】停止中のテスト", body: "障害中に書かれたメールです。" });

    const failed = await until("the failure to be recorded", async () => {
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      return row.error ? row : null;
    });
    expect(failed.sentAt).toBeNull();
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    // The queue holds the job for another try (pg-boss retry with backoff).
    const boss = await getBoss();
    // The handler records the error and then throws; pg-boss marks the job for a retry just after.
    const jobs = await until("the job to wait for a retry", async () => {
      const rows = await prisma.$queryRaw<{ state: string; retry_count: number }[]>`
        SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = ${MAIL_DELIVER_JOB} AND data->>'outboxId' = ${String(message.id)}`;
      return rows.some((j) => j.state === "retry") ? rows : null;
    });
    expect(jobs.map((j) => j.state)).toContain("retry");

    // SMTP comes back on the same address; the administrator retries from /admin/outbox.
    await startSmtp(smtpPort);
    expect(await retryOutboxMessage(adminUser, { id: String(message.id) })).toEqual({ ok: true });
    await until("the mail to arrive", async () => received.some((m) => m.subject === "【つなぐ】停止中のテスト"));
    const sent = await until("the row to be marked sent", async () => {
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      return row.sentAt ? row : null;
    });
    expect(sent.error).toBeNull();
    // The queued automatic retry finds it sent and sends nothing more.
    await boss
      .retry(
        MAIL_DELIVER_JOB,
        (
          await prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM pgboss.job WHERE name = ${MAIL_DELIVER_JOB} AND data->>'outboxId' = ${String(message.id)} LIMIT 1`
        )[0].id,
      )
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 3000));
    expect(received.filter((m) => m.subject === "【つなぐ】停止中のテスト")).toHaveLength(1);
    expect(received.find((m) => m.subject === "【つなぐ】停止中のテスト")!.text!.trim()).toBe("障害中に書かれたメールです。");
    const audit = await prisma.auditLog.findFirst({ where: { action: "mail.retry", entityId: String(message.id) } });
    expect(audit?.actorId).toBe(admin.id);
  }, 60_000);
});
