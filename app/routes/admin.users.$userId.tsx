import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { UserForm } from "~/admin/user-form";
import { userEditAction, userEditPage } from "~/admin/users.server";
import { publicOrigin } from "~/auth/invitations.server";
import { requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure, TextareaField } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { idParam } from "~/lib/params";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.user.displayName);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  return userEditPage(admin, idParam(params.userId), resolveLocale(request, admin));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const result = await userEditAction(admin, idParam(params.userId), await request.formData(), {
    origin: publicOrigin(request),
    locale: resolveLocale(request, admin),
  });
  return result.ok ? result : data(result, { status: 400 });
}

export default function EditUser() {
  const t = useT();
  const format = useFormat();
  const { offices, user, invitation, sessionCount, isSelf, erased } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const failed = isFailure(result) ? result : undefined;
  const message = result?.ok ? result.message : search.get("created") ? "admin.users.createdInvited" : null;
  // A refused save shows at the form, a refused erasure at its own form, the other refusals under the account's actions.
  const failedSave = failed?.intent === "save" ? failed : undefined;
  const failedErase = failed?.intent === "erase" ? failed : undefined;
  const failedAction = failed && !failedSave && !failedErase ? failed : undefined;
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1>{user.displayName}</h1>
      {message ? (
        <p className="alert alert-success" role="status">
          {t(message)}
        </p>
      ) : null}
      <p>
        {t("field.status")}:{" "}
        <strong>{!user.active ? t("status.deactivated") : user.hasPassword ? t("status.active") : t("status.invited")}</strong>
        {" · "}
        {t("admin.users.sessionCount", { count: sessionCount })}
      </p>
      {invitation ? (
        <p className="muted">
          {invitation.used
            ? t("admin.users.invitationUsed", { date: format.dateTime(invitation.createdAt) })
            : t("admin.users.invitationSent", {
                date: format.dateTime(invitation.createdAt),
                expires: format.dateTime(invitation.expiresAt),
              })}
        </p>
      ) : null}
      <UserForm offices={offices} initial={user} failed={failedSave} failedRoles={failedSave?.roles} submitLabel={t("common.save")} />
      <section className="panel" aria-labelledby="account-actions">
        <h2 id="account-actions">{t("admin.users.accountActions")}</h2>
        {failedAction?.formError ? (
          <p className="alert alert-error" role="alert">
            {t(failedAction.formError.key)}
          </p>
        ) : null}
        <div className="button-row">
          {user.active ? (
            <Form method="post">
              <input type="hidden" name="intent" value="invite" />
              <button type="submit" className="button secondary">
                {user.hasPassword ? t("admin.users.sendReset") : t("admin.users.resendInvite")}
              </button>
            </Form>
          ) : null}
          {!isSelf ? (
            <Form method="post">
              <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
              <button type="submit" className={user.active ? "button danger" : "button secondary"}>
                {user.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
      <section className="panel" aria-labelledby="person-requests">
        <h2 id="person-requests">{t("personal.requests.title")}</h2>
        <p>
          <Link to={`/admin/users/${user.id}/data`}>{t("personal.requests.disclose")}</Link>
        </p>
        {!isSelf && !erased ? (
          <Form method="post" className="stack" noValidate>
            <h3>{t("personal.erase.title")}</h3>
            <p>{t("personal.erase.lead")}</p>
            <FormErrorSummary result={failedErase} />
            <input type="hidden" name="intent" value="erase" />
            <Field
              label={t("personal.erase.confirmEmail")}
              name="confirmEmail"
              type="email"
              autoComplete="off"
              required
              errors={failedErase?.fieldErrors.confirmEmail}
            />
            <TextareaField
              label={t("personal.erase.reason")}
              name="reason"
              required
              maxLength={1000}
              errors={failedErase?.fieldErrors.reason}
            />
            <p>
              <button type="submit" className="button danger">
                {t("personal.erase.submit")}
              </button>
            </p>
          </Form>
        ) : erased ? (
          <p className="muted">{t("personal.erase.already")}</p>
        ) : null}
      </section>
    </div>
  );
}
