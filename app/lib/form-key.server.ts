// Creating forms are carried out once (issue 16): each rendered form sends a one-time key (`formKey`, from the
// root loader, new after every accepted action), and the capability claims "<key>:<scope>" in the same
// transaction as the record it creates. A double click, a resent no-JavaScript post or a retried request finds
// the key taken (a concurrent one waits on the key's row until the first commits) and creates nothing.
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** A fresh key for the forms of one rendered page. */
export function newFormKey(): string {
  return randomUUID();
}

/** The key a form sent, when it is one this server could have made (else none: the write is not deduplicated). */
export function formKeyOf(form: FormData): string | null {
  const value = form.get("formKey");
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ? value : null;
}

/**
 * Claims the form key for `scope` (what is created, e.g. "actionPlan.addItem:12") inside the caller's transaction.
 * True: first use, go on. False: this form was already carried out; create nothing. Without a key, always true.
 */
export async function claimFormKey(tx: Tx, formKey: string | null | undefined, scope: string, userId: number): Promise<boolean> {
  if (!formKey) return true;
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "FormSubmission" ("key", "userId") VALUES (${`${formKey}:${scope}`}, ${userId})
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  return rows.length === 1;
}
