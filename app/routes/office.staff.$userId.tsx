import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireCapability } from "~/auth/permissions.server";
import { Field, SelectField } from "~/components/forms";
import { useFormat, useT } from "~/i18n/react";
import { jstDateString } from "~/lib/jst";
import { now } from "~/lib/clock";
import { idParam } from "~/lib/params";
import { staffMemberAction, staffMemberPage } from "~/staff/staff.server";
import { OfficeHistory, PlatformTraining, StaffOutcome, StatutoryRecord, statutoryRecordMessage, SuccessorSelect } from "~/staff/ui";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaOption } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => t("staff.member.title", { name: d.person.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "manageStaff");
  const page = await staffMemberPage(user, idParam(params.userId));
  return { ...page, today: jstDateString(now()), secretariat: user.officeId !== page.person.officeId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "manageStaff");
  const result = await staffMemberAction(user, idParam(params.userId), await request.formData());
  if (!result.ok) return data(result, { status: 400 });
  // A move dated ahead leaves the person here until its day: this page shows it, with its cancel button.
  // After a transfer or leaving the person is no longer this office's: back to the list, which says what was done.
  if ((result.intent === "transfer" || result.intent === "leave") && !result.scheduled) {
    const search = new URLSearchParams({ recorded: result.intent, count: String(result.handedOver ?? 0) });
    if (result.officeId !== undefined && result.officeId !== user.officeId) search.set("office", String(result.officeId));
    return redirect(`/office/staff?${search}`);
  }
  return result;
}

function successMessage(t: ReturnType<typeof useT>, r: { intent: string; name?: string; handedOver?: number; on?: string }) {
  switch (r.intent) {
    case "handover":
      return t("staff.handover.done", { count: r.handedOver ?? 0 });
    case "cancel-move":
      return t("staff.move.cancelled");
    case "transfer":
    case "leave":
      return `${t("staff.move.recordedScheduled", { name: r.name ?? "", date: r.on ?? "" })}${
        r.handedOver ? ` ${t("staff.move.handedOver", { count: r.handedOver })}` : ""
      }`;
    default: {
      const key = statutoryRecordMessage(r.intent);
      return key ? t(key) : "";
    }
  }
}

export default function StaffMember() {
  const t = useT();
  const format = useFormat();
  const { person, record, scheduled, history, platform, successors, offices, items, today, secretariat } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  const mv = failed && (failed.values?.intent === "transfer" || failed.values?.intent === "leave") ? failed : null;
  const hv = failed && failed.values?.intent === "handover" ? failed : null;
  const [kind, setKind] = useState<"transfer" | "leave">(mv?.values?.intent === "leave" ? "leave" : "transfer");
  const back = secretariat ? `/office/staff?office=${person.officeId}` : "/office/staff";
  return (
    <div className="page">
      <p>
        <Link to={back}>{t("staff.member.back")}</Link>
      </p>
      <h1>{t("staff.member.title", { name: person.name })}</h1>
      <p className="muted">
        {t("staff.member.office", { office: person.office })} · {person.roles.map((r) => t(`role.${r}`)).join("、")}
      </p>
      <StaffOutcome done={result && result.ok ? successMessage(t, result) : null} failed={failed} />
      {
        <>
          <StatutoryRecord record={record} failed={failed} busy={busy} />
          <PlatformTraining rows={platform} />
          <OfficeHistory rows={history} headingId="history-heading" heading={t("staff.mine.history")} />

          <section aria-labelledby="handover-heading">
            <h2 id="handover-heading">{t("staff.handover.heading")}</h2>
            <p className="hint">{t("staff.handover.hint")}</p>
            {successors.length === 0 ? (
              <p>{t("staff.handover.successorInvalid")}</p>
            ) : (
              <Form method="post" className="stack">
                <SuccessorSelect successors={successors} required errors={hv?.fieldErrors.successorId} defaultValue="" />
                <fieldset>
                  <legend>{t("staff.handover.items")}</legend>
                  {items.length === 0 ? <p>{t("staff.handover.noItems")}</p> : null}
                  {items.map((i) => (
                    <div key={i.id} className="check">
                      <input type="checkbox" id={`item-${i.id}`} name="itemIds" value={i.id} defaultChecked={i.suggested} />
                      <label htmlFor={`item-${i.id}`}>
                        {t("staff.handover.item", {
                          year: format.fiscalYear(i.fiscalYear),
                          goal: i.goal,
                          owner: i.owner || t("staff.unknown"),
                        })}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" name="intent" value="handover" className="button secondary" disabled={busy}>
                  {t("staff.handover.submit")}
                </button>
              </Form>
            )}
          </section>

          {scheduled ? (
            <section aria-labelledby="move-heading">
              <h2 id="move-heading">{t("staff.move.scheduledHeading")}</h2>
              <p>
                {scheduled.kind === "transfer"
                  ? t("staff.move.scheduledTransfer", { date: format.date(scheduled.on), office: scheduled.toOffice ?? "" })
                  : t("staff.move.scheduledLeave", { date: format.date(scheduled.on) })}
              </p>
              <Form method="post">
                <button type="submit" name="intent" value="cancel-move" className="button secondary" disabled={busy}>
                  {t("staff.move.cancel")}
                </button>
              </Form>
            </section>
          ) : (
            <section aria-labelledby="move-heading">
              <h2 id="move-heading">{t("staff.move.heading")}</h2>
              <p className="hint">{t("staff.move.hint")}</p>
              <Form method="post" className="stack">
                <fieldset>
                  <legend>{t("staff.move.kind")}</legend>
                  {(["transfer", "leave"] as const).map((k) => (
                    <div key={k} className="check">
                      <input type="radio" id={`kind-${k}`} name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                      <label htmlFor={`kind-${k}`}>{t(`staff.move.${k}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <SelectField
                  label={t("staff.move.toOffice")}
                  name="toOfficeId"
                  defaultValue={mv?.values?.toOfficeId ?? ""}
                  errors={mv?.fieldErrors.toOfficeId}
                  disabled={kind !== "transfer"}
                >
                  <option value="">—</option>
                  {offices.map((o) => (
                    <JaOption key={o.id} value={o.id}>
                      {o.name}
                    </JaOption>
                  ))}
                </SelectField>
                <Field
                  label={t("staff.move.on")}
                  name="on"
                  type="date"
                  required
                  defaultValue={mv?.values?.on ?? today}
                  errors={mv?.fieldErrors.on}
                />
                <SuccessorSelect
                  successors={successors}
                  defaultValue={mv?.values?.successorId ?? ""}
                  errors={mv?.fieldErrors.successorId}
                />
                <button type="submit" name="intent" value={kind} className="button danger" disabled={busy}>
                  {kind === "transfer" ? t("staff.move.recordTransfer") : t("staff.move.recordLeave")}
                </button>
              </Form>
            </section>
          )}
        </>
      }
    </div>
  );
}
