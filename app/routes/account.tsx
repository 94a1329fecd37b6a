import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/capabilities";
import { requireSession } from "~/auth/permissions.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/auth/password-policy";
import { invalidateUserSessions } from "~/auth/session.server";
import { accountPage, changeOwnPassword, endOwnSession, setOwnLocale } from "~/auth/account.server";
import { Field, FormErrorSummary, isFailure, SelectField } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { langCookie, resolveLocale } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n";
import { useFormat, useT } from "~/i18n/react";
import { correctProfile, profileSchema } from "~/privacy/person.server";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";
import { NewPasswordFields } from "~/components/password-fields";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  return accountPage(user, sessionId);
}

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1),
    password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
    confirm: z.string().min(1),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "password") {
    const parsed = parseForm(passwordSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const change = await changeOwnPassword(user, sessionId, parsed.data, context.clientIp ?? "");
    if (!change.ok && "lockedUntil" in change) {
      const time = formatDateTime(change.lockedUntil, resolveLocale(request, user));
      return data({ ...failure({}, formData, { key: "login.throttled", params: { time } }), intent }, { status: 429 });
    }
    if (!change.ok) {
      return data({ ...failure({ currentPassword: [{ key: "account.wrongPassword" }] }, formData), intent }, { status: 400 });
    }
    return { ok: true as const, intent, message: "account.passwordChanged" as const };
  }
  if (intent === "profile") {
    // Correction of the person's own name (issue 19, 訂正); e-mail, office and roles through the secretariat.
    const parsed = parseForm(profileSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    await correctProfile(user, parsed.data);
    return { ok: true as const, intent, message: "personal.profile.saved" as const };
  }
  if (intent === "locale") {
    const parsed = parseForm(z.object({ locale: z.enum(LOCALES) }), formData);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    await setOwnLocale(user, parsed.data.locale);
    return data(
      { ok: true as const, intent, message: "account.localeChanged" as const },
      { headers: { "Set-Cookie": langCookie(parsed.data.locale) } },
    );
  }
  if (intent === "end-session") {
    const id = String(formData.get("sessionId") ?? "");
    // Only the user's own sessions can be ended here.
    await endOwnSession(user, sessionId, id);
    return { ok: true as const, intent, message: "account.sessionEnded" as const };
  }
  if (intent === "end-others") {
    await invalidateUserSessions(user.id, sessionId);
    return { ok: true as const, intent, message: "account.sessionsEnded" as const };
  }
  return data({ ...failure({}, formData, { key: "validation.invalid" }), intent: "unknown" }, { status: 400 });
}

export default function Account() {
  const t = useT();
  const format = useFormat();
  const { user, sessions, moreSessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFailure(result) ? result : undefined;
  const success = result && "message" in result ? result : undefined;
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="page">
      <h1>{t("account.title")}</h1>
      {success ? (
        <p className="alert alert-success" role="status">
          {t(success.message)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("field.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("field.displayName")}</dt>
        <dd>
          <JaText>{user.displayName}</JaText>
        </dd>
        <dt>{t("field.office")}</dt>
        <dd>
          <JaText>{user.officeName ?? t("common.none")}</JaText>
        </dd>
        <dt>{t("field.roles")}</dt>
        <dd>{user.roles.map((r) => t(`role.${r}` as "role.TRAINEE")).join("、")}</dd>
      </dl>

      <section aria-labelledby="profile-heading" className="panel">
        <h2 id="profile-heading">{t("personal.profile.title")}</h2>
        {failed && result?.intent === "profile" ? <FormErrorSummary result={failed} /> : null}
        <Form method="post" className="inline-form" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <Field
            label={t("field.displayName")}
            name="displayName"
            defaultValue={user.displayName}
            maxLength={100}
            required
            autoComplete="name"
            errors={result?.intent === "profile" ? failed?.fieldErrors.displayName : undefined}
          />
          <button type="submit" className="button">
            {t("common.save")}
          </button>
        </Form>
        <p className="hint">{t("personal.profile.hint")}</p>
        <p>
          <Link to="/account/data">{t("personal.data.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="lang-heading" className="panel">
        <h2 id="lang-heading">{t("account.language")}</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="locale" />
          <SelectField label={t("field.language")} name="locale" defaultValue={user.locale}>
            <option value="ja" lang="ja">
              日本語
            </option>
            <option value="en" lang="en">
              English
            </option>
          </SelectField>
          <button type="submit" className="button">
            {t("common.save")}
          </button>
        </Form>
      </section>

      <p>
        <Link to="/account/security">{t("twoFactor.link")}</Link>
      </p>
      {can(user.roles, "keepTrainingRecord") ? (
        <p>
          <Link to="/account/training-record">{t("staff.mine.link")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">{t("account.changePassword")}</h2>
        {failed && result?.intent === "password" ? <FormErrorSummary result={failed} /> : null}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="email" name="email" value={user.email} autoComplete="username" readOnly hidden />
          <Field
            label={t("field.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={failed?.fieldErrors.currentPassword}
          />
          <NewPasswordFields failed={failed} />
          <button type="submit" className="button">
            {t("account.changePassword")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading" className="panel">
        <h2 id="sessions-heading">{t("account.sessions")}</h2>
        <DataTable caption={t("account.sessions")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("account.device")}</th>
              <th scope="col">{t("account.lastActive")}</th>
              <th scope="col">{t("account.signedInAt")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? t("common.unknown")}
                  {s.ipAddress ? <span className="muted"> ({s.ipAddress})</span> : null}
                </td>
                <td>{format.dateTime(s.lastVerifiedAt)}</td>
                <td>{format.dateTime(s.createdAt)}</td>
                <td>
                  {s.current ? (
                    <strong>{t("account.thisDevice")}</strong>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button small secondary">
                        {t("account.endSession")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {moreSessions > 0 ? <p className="hint">{t("account.moreSessions", { count: moreSessions, shown: sessions.length })}</p> : null}
        {others.length > 0 || moreSessions > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="end-others" />
            <button type="submit" className="button secondary">
              {t("account.endOthers")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
