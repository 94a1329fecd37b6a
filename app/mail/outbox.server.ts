// All mail goes to the outbox table first. With SMTP_URL set it is sent by the job queue (the outcome
// recorded, failures retried); without it, administrators read it at /admin/outbox.
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { deliver } from "./delivery.server";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** Writes a mail to the outbox and queues its delivery (sent by the "mail.deliver" job). */
export async function queueMail(mail: Mail) {
  const message = await prisma.outboxMessage.create({ data: mail });
  await deliver([message.id]);
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
