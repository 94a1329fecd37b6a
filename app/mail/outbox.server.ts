// All mail goes to the outbox table first. With SMTP_URL set it is sent at once (and the outcome
// recorded); without it, administrators read it at /admin/outbox.
import nodemailer from "nodemailer";
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
