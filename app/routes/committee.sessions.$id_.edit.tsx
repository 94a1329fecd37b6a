import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audit } from "~/audit/audit.server";
import { requireCapability } from "~/auth/permissions.server";
import { isFailure } from "~/components/forms";
import { useT } from "~/i18n/react";
import { sessionById } from "~/scheduling/roster.server";
import { beyondCapacityFailure, parseSessionForm, sessionFormValues } from "~/scheduling/session-form";
import { SessionForm } from "~/scheduling/session-form.tsx";
import { cancelSession, sessionFormContext, sessionFormRules, updateSession } from "~/scheduling/scheduling.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => `${t("scheduling.form.editTitle")}：${d.title}`);

const load = sessionById;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const s = await load(params.id);
  return {
    ...sessionFormContext(resolveLocale(request, user)),
    id: s.id,
    title: s.titleJa,
    cancelled: s.status === "cancelled",
    values: sessionFormValues(s),
    enrolled: s.enrolled,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const s = await load(params.id);
  const form = await request.formData();
  if (form.get("intent") === "cancel-session") {
    const reason = String(form.get("reason") ?? "")
      .trim()
      .slice(0, 500);
    const count = await cancelSession(s.id, reason);
    await audit({ actorId: user.id, action: "scheduling.session.cancel", entityType: "TrainingSession", entityId: s.id, summary: reason });
    return { ok: true as const, intent: "cancel-session" as const, count, beyond: 0 };
  }
  const parsed = parseSessionForm(form, sessionFormRules({ creating: false }));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const out = await updateSession(s.id, parsed.data, { confirmBeyond: form.get("confirmBeyond") === "on" });
  if (out && !out.ok) return data(beyondCapacityFailure(form, out.beyond), { status: 409 });
  await audit({
    actorId: user.id,
    action: "scheduling.session.update",
    entityType: "TrainingSession",
    entityId: s.id,
    summary: parsed.data.titleJa + (out?.beyond ? ` (capacity ${parsed.data.capacity}, ${out.beyond} beyond keep their seats)` : ""),
  });
  return { ok: true as const, intent: "save" as const, count: 0, beyond: out?.beyond ?? 0 };
}

export default function EditSession() {
  const t = useT();
  const { id, title, cancelled, values, enrolled, goals, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <p>
        <Link to={`/committee/sessions/${id}`}>{t("scheduling.committee.roster")}</Link>
      </p>
      <h1>
        {t("scheduling.form.editTitle")}：<JaText>{title}</JaText>
      </h1>
      {result && !isFailure(result) && result.intent === "save" ? (
        <p className="alert alert-success" role="status">
          {t("scheduling.form.saved")}
          {result.beyond > 0 ? ` ${t("trust.capacity.kept", { count: result.beyond })}` : ""}
        </p>
      ) : null}
      {result && !isFailure(result) && result.intent === "cancel-session" ? (
        <p className="alert alert-success" role="status">
          {t("scheduling.cancelSession.done", { count: result.count })}
        </p>
      ) : null}
      <SessionForm values={values} result={isFailure(result) ? result : null} busy={busy} enrolled={enrolled} goals={goals} today={today} />
      {!cancelled ? (
        <section className="panel danger-zone" aria-labelledby="cancel-session">
          <h2 id="cancel-session">{t("scheduling.cancelSession.title")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel-session" />
            <div className="field">
              <label htmlFor="cancel-reason">{t("scheduling.cancelSession.reason")}</label>
              <textarea id="cancel-reason" name="reason" rows={2} maxLength={500} />
            </div>
            <button type="submit" className="button danger" disabled={busy}>
              {t("scheduling.cancelSession.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
