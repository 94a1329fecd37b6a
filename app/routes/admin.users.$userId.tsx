import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { officeOptions } from "~/admin/admin-data.server";
import { UserForm } from "~/admin/user-form";
import { DuplicateEmailError, OfficeRequiredError, setUserActive, updateUser, userFormSchema } from "~/admin/users.server";
import { audit, logRead } from "~/audit/audit.server";
import { inviteUser, publicOrigin } from "~/auth/invitations.server";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure, TextareaField } from "~/components/forms";
import { prisma } from "~/db.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { eraseSchema, eraseUser, erasedEmail } from "~/privacy/person.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.user.displayName);

async function findUser(param: string | undefined) {
  const user = await prisma.user.findUnique({ where: { id: idParam(param) } });
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const user = await findUser(params.userId);
  const [offices, invitation, sessionCount] = await Promise.all([
    officeOptions(resolveLocale(request, admin)),
    prisma.invitation.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "desc" } }),
    prisma.session.count({ where: { userId: user.id } }),
  ]);
  await logRead(admin, "user.read", [{ entityType: "User", entityId: user.id, subjectUserId: user.id, summary: "account page" }]);
  return {
    offices,
    isSelf: admin.id === user.id,
    erased: user.email === erasedEmail(user.id),
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      officeId: user.officeId,
      roles: user.roles,
      active: user.active,
      hasPassword: user.passwordHash !== null,
    },
    invitation: invitation
      ? { createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString(), used: !!invitation.usedAt }
      : null,
    sessionCount,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const user = await findUser(params.userId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "erase") {
    const parsed = parseForm(eraseSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const erased = await eraseUser(admin, user.id, parsed.data, resolveLocale(request, admin));
    if (!erased.ok)
      return data({ ...failure({}, formData, { key: `personal.erase.refused.${erased.reason}` as const }), intent }, { status: 400 });
    return { ok: true as const, message: "personal.erase.done" as const };
  }
  if (intent === "deactivate" || intent === "reactivate") {
    if (user.id === admin.id) return data(failure({}, formData, { key: "admin.users.cannotDeactivateSelf" }), { status: 400 });
    await setUserActive(user.id, intent === "reactivate", admin.id);
    return {
      ok: true as const,
      message: intent === "deactivate" ? ("admin.users.deactivated" as const) : ("admin.users.reactivated" as const),
    };
  }
  if (intent === "invite") {
    if (!user.active) return data(failure({}, formData, { key: "admin.users.inactiveNoInvite" }), { status: 400 });
    await inviteUser(user.id, admin.id, publicOrigin(request));
    await audit({ actorId: admin.id, action: "user.invite", entityType: "User", entityId: user.id, summary: user.email });
    return { ok: true as const, message: "admin.users.invited" as const };
  }
  const roles = formData.getAll("roles").map(String);
  const parsed = parseForm(userFormSchema, formData, ["roles"]);
  if (!parsed.ok) return data({ ...parsed, roles }, { status: 400 });
  if (user.id === admin.id && !parsed.data.roles.includes("ADMINISTRATOR")) {
    return data({ ...failure({ roles: [{ key: "admin.users.cannotDropOwnAdmin" }] }, formData), roles }, { status: 400 });
  }
  try {
    await updateUser(user.id, parsed.data, admin.id);
    return { ok: true as const, message: "common.saved" as const };
  } catch (error) {
    if (error instanceof DuplicateEmailError)
      return data({ ...failure({ email: [{ key: "admin.users.duplicateEmail" }] }, formData), roles }, { status: 400 });
    if (error instanceof OfficeRequiredError)
      return data({ ...failure({ officeId: [{ key: "admin.users.officeRequired" }] }, formData), roles }, { status: 400 });
    throw error;
  }
}

export default function EditUser() {
  const t = useT();
  const format = useFormat();
  const { offices, user, invitation, sessionCount, isSelf, erased } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const failed = isFailure(result) ? result : undefined;
  const message = result && "message" in result ? result.message : search.get("created") ? "admin.users.createdInvited" : null;
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1>{user.displayName}</h1>
      {message ? (
        <p className="alert alert-success" role="status">
          {t(message as "common.saved")}
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
      <UserForm
        offices={offices}
        initial={user}
        failed={failed && result && "roles" in result ? failed : undefined}
        failedRoles={result && "roles" in result ? (result.roles as string[]) : undefined}
        submitLabel={t("common.save")}
      />
      <section className="panel" aria-labelledby="account-actions">
        <h2 id="account-actions">{t("admin.users.accountActions")}</h2>
        {failed && !(result && "roles" in result) && failed.formError ? (
          <p className="alert alert-error" role="alert">
            {t(failed.formError.key)}
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
            {failed && result && "intent" in result && result.intent === "erase" ? <FormErrorSummary result={failed} /> : null}
            <input type="hidden" name="intent" value="erase" />
            <Field
              label={t("personal.erase.confirmEmail")}
              name="confirmEmail"
              type="email"
              autoComplete="off"
              required
              errors={result && "intent" in result && result.intent === "erase" ? failed?.fieldErrors.confirmEmail : undefined}
            />
            <TextareaField
              label={t("personal.erase.reason")}
              name="reason"
              required
              maxLength={1000}
              errors={result && "intent" in result && result.intent === "erase" ? failed?.fieldErrors.reason : undefined}
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
