// All mail goes to the outbox table first. With SMTP_URL set it is sent at once (and the outcome
// recorded); without it, administrators read it at /admin/outbox.
import nodemailer from "nodemailer";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { now } from "~/lib/clock";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

export async function queueMail(mail: Mail) {
  const message = await prisma.outboxMessage.create({ data: mail });
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (SMTP_URL) {
    try {
      await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
      await prisma.outboxMessage.update({ where: { id: message.id }, data: { sentAt: now() } });
    } catch (error) {
      await prisma.outboxMessage.update({ where: { id: message.id }, data: { error: String(error).slice(0, 1000) } });
    }
  }
  return message;
}

export const OUTBOX_PAGE_SIZE = 20;

/** Page reader of /admin/outbox: one page of sent and queued mail, newest first (administrators only). */
export async function outboxPage(user: SessionUser, page: number) {
  if (!can(user, "administer")) throw forbidden();
  const [total, messages] = await Promise.all([
    prisma.outboxMessage.count(),
    prisma.outboxMessage.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
    }),
  ]);
  return {
    smtp: !!getEnv().SMTP_URL,
    page,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.body,
      at: m.createdAt.toISOString(),
      sent: !!m.sentAt,
      error: m.error,
    })),
  };
}
