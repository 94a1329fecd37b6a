import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { acceptInvitation, findUsableInvitation } from "~/auth/invitations.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/auth/password-policy";
import { createSession, sessionCookie } from "~/auth/session.server";
import { FormErrorSummary, isFailure } from "~/components/forms";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";
import { NewPasswordFields } from "~/components/password-fields";

export const meta = pageMeta("invite.title");

// Public by design: the secret token in the link is the credential.
export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return { valid: false as const, email: null, name: null };
  return { valid: true as const, email: invitation.user.email, name: invitation.user.displayName };
}

const schema = z
  .object({
    password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
    confirm: z.string().min(1),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const accepted = await acceptInvitation(params.token ?? "", parsed.data.password);
  if (!accepted) return data(failure({}, formData, { key: "invite.invalid" }), { status: 410 });
  await audit({ actorId: accepted.userId, action: "user.acceptInvitation", entityType: "User", entityId: accepted.userId });
  const session = await createSession(accepted.userId, { userAgent: request.headers.get("user-agent") ?? "", ipAddress: context.clientIp });
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(session.token) } });
}

export default function Invite() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFailure(result) ? result : undefined;
  if (!loaderData.valid) {
    return (
      <div className="page narrow">
        <h1>{t("invite.title")}</h1>
        <p className="alert alert-error">{t("invite.invalid")}</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.lead", { name: loaderData.name ?? "" })}</p>
      <FormErrorSummary result={failed} />
      <Form method="post" className="stack" noValidate>
        <input type="email" name="email" value={loaderData.email ?? ""} autoComplete="username" readOnly hidden />
        <NewPasswordFields failed={failed} />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </Form>
    </div>
  );
}
