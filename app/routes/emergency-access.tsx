// Emergency access (issue 19): the system administrator opens one with a reason, or closes theirs; the
// secretariat, the subcommittee and the system administrators see the register of every access and its uses.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EMERGENCY_ACCESS_MINUTES, EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from "~/auth/emergency";
import { closeEmergencyAccess, emergencyAccessPage, openEmergencyAccess } from "~/auth/emergency.server";
import { requireUser } from "~/auth/permissions.server";
import { useCan } from "~/auth/use-can";
import { FormErrorSummary, isFailure, TextareaField } from "~/components/forms";
import { useFormat, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";

export const meta = pageMeta("emergency.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return emergencyAccessPage(await requireUser(request));
}

const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("open"),
    reason: z.string().trim().min(EMERGENCY_REASON_MIN, "emergency.reason.tooShort").max(EMERGENCY_REASON_MAX, "emergency.reason.tooLong"),
  }),
  z.object({ intent: z.literal("close") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) {
    // The length messages carry their bounds.
    for (const errors of Object.values(parsed.fieldErrors))
      for (const e of errors) e.params = { ...e.params, min: EMERGENCY_REASON_MIN, max: EMERGENCY_REASON_MAX };
    return data(parsed, { status: 400 });
  }
  if (parsed.data.intent === "close") {
    await closeEmergencyAccess(user);
    throw redirect("/emergency-access?closed=1");
  }
  const result = await openEmergencyAccess(user, parsed.data.reason);
  if (!result.ok) return data(failure({}, formData, { key: "emergency.alreadyOpen" }), { status: 409 });
  throw redirect("/emergency-access?opened=1");
}

export default function EmergencyAccess() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const canReadAudit = useCan("readAuditLog");
  const failed = isFailure(result) ? result : undefined;
  return (
    <div className="page">
      <h1>{t("emergency.title")}</h1>
      <p>{t("emergency.lead", { minutes: EMERGENCY_ACCESS_MINUTES })}</p>
      <div aria-live="polite">
        {params.get("opened") === "1" && page.mine ? (
          <p className="alert alert-success" role="status">
            {t("emergency.opened", { time: format.dateTime(page.mine.expiresAt) })}
          </p>
        ) : null}
        {params.get("closed") === "1" ? (
          <p className="alert alert-success" role="status">
            {t("emergency.closed")}
          </p>
        ) : null}
      </div>
      <FormErrorSummary result={failed} />
      {page.canOpen && page.mine ? (
        <section className="panel emergency-active" aria-labelledby="emergency-mine">
          <h2 id="emergency-mine">{t("emergency.active", { time: format.dateTime(page.mine.expiresAt) })}</h2>
          <p>{page.mine.reason}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button" disabled={busy}>
              {t("emergency.close")}
            </button>
          </Form>
        </section>
      ) : null}
      {page.canOpen && !page.mine ? (
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="open" />
          <TextareaField
            label={t("emergency.reason")}
            name="reason"
            rows={3}
            required
            minLength={EMERGENCY_REASON_MIN}
            maxLength={EMERGENCY_REASON_MAX}
            defaultValue={failed?.values?.reason ?? ""}
            errors={failed?.fieldErrors.reason}
          />
          <p className="muted">{t("emergency.reason.hint", { min: EMERGENCY_REASON_MIN })}</p>
          <button type="submit" className="button" disabled={busy}>
            {t("emergency.open")}
          </button>
        </Form>
      ) : null}
      <h2>{t("emergency.register")}</h2>
      {canReadAudit ? (
        <p>
          <Link to="/admin/audit?action=emergency">{t("emergency.auditLink")}</Link>
        </p>
      ) : null}
      {page.grants.length === 0 ? (
        <p>{t("emergency.none")}</p>
      ) : (
        <DataTable caption={t("emergency.register")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("emergency.col.opened")}</th>
              <th scope="col">{t("emergency.col.who")}</th>
              <th scope="col">{t("emergency.col.reason")}</th>
              <th scope="col">{t("emergency.col.until")}</th>
              <th scope="col">{t("emergency.col.uses")}</th>
            </tr>
          </thead>
          <tbody>
            {page.grants.map((g) => (
              <tr key={g.id}>
                <td>{format.dateTime(g.openedAt)}</td>
                <td>{g.who}</td>
                <td>{g.reason}</td>
                <td>
                  {g.closedAt ? t("emergency.state.closedEarly", { time: format.dateTime(g.closedAt) }) : format.dateTime(g.expiresAt)}
                  {g.open ? ` (${t("emergency.state.open")})` : null}
                </td>
                <td>{g.uses}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
