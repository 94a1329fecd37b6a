import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { FormKey } from "~/components/form-key";
import { formKeyOf } from "~/lib/form-key.server";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireOwnOffice } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure, SelectField, TextareaField } from "~/components/forms";
import { PEER_ACTIVITY_KINDS } from "~/cycle/peer-activity";
import { logPeerActivity, peerPage, requestIntroduction } from "~/cycle/peer.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, jstDateField, parseForm } from "~/lib/forms";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { todayJst } from "~/cycle/dates";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("cycle.peer.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const fiscalYear = currentFiscalYear();
  return { officeId, today: todayJst(), fiscalYear, ...(await peerPage(user, officeId, fiscalYear)) };
}

const activitySchema = z.object({
  date: jstDateField("validation.required"),
  kind: z.enum(PEER_ACTIVITY_KINDS),
  offices: z.array(z.coerce.number().int()),
  itemCodes: z.array(z.string()).transform((c) => [...new Set(c.filter(Boolean))]),
  planItems: z.array(z.coerce.number().int()),
  learned: z.string().trim().min(1).max(4000),
});

export async function action({ request }: ActionFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "introduce") {
    if (!(await requestIntroduction(officeId, String(formData.get("itemCode") ?? ""), user.id))) throw notFound();
    return redirect("/peer?requested=1#suggestions");
  }
  const parsed = parseForm(activitySchema, formData, ["offices", "itemCodes", "planItems"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const logged = await logPeerActivity(user, officeId, parsed.data, formKeyOf(formData));
  if (!logged.ok && logged.reason === "noGroup") throw notFound();
  if (!logged.ok) return data(failure({ itemCodes: [{ key: "cycle.plan.error.noItem" }] }, formData), { status: 400 });
  return redirect("/peer?logged=1");
}

export default function PeerPage() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { officeId, today, group, suggestions, choices, planItems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFailure(result) ? result : undefined;
  const [params] = useSearchParams();
  const text = (x: { textJa: string; textEn: string }) => (locale === "en" ? x.textEn : x.textJa);
  return (
    <div className="page peer">
      <h1>{t("cycle.peer.title")}</h1>
      {params.get("logged") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.peer.loggedNotice")}
        </p>
      ) : null}
      {params.get("requested") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.peer.requestedNotice")}
        </p>
      ) : null}
      {group ? (
        <>
          <h2>{group.name}</h2>
          <p>{t("cycle.peer.members", { names: group.members.map((m) => m.name).join("、") })}</p>
        </>
      ) : (
        <p>{t("cycle.peer.noGroup")}</p>
      )}

      <section id="suggestions" aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">{t("cycle.peer.suggestions")}</h2>
        {suggestions.sourceYear === null ? (
          <p className="muted">{t("cycle.peer.noEvaluation")}</p>
        ) : suggestions.suggestions.length === 0 ? (
          <p className="muted">{t("cycle.peer.noWeak")}</p>
        ) : (
          <>
            <p className="hint">{t("cycle.peer.suggestionsHint", { year: format.fiscalYear(suggestions.sourceYear) })}</p>
            <ul className="card-list">
              {suggestions.suggestions.map((s) => (
                <li key={s.code} className="card">
                  <p>
                    <strong>{s.code}</strong> {text(s)} ({t("cycle.plan.rating", { rating: s.ownRating })})
                  </p>
                  {s.named.length ? (
                    <p>
                      {t("cycle.peer.namedPeers", {
                        names:
                          s.named
                            .slice(0, 5)
                            .map((n) => n.name)
                            .join("、") + (s.named.length > 5 ? ` ${t("cycle.peer.andMore", { count: s.named.length - 5 })}` : ""),
                      })}
                    </p>
                  ) : null}
                  {s.anonymousCount > 0 ? (
                    <>
                      <p>{t("cycle.peer.anonymousPeers", { count: s.anonymousCount })}</p>
                      {s.requested ? (
                        <p className="muted">{t("cycle.peer.requested")}</p>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="introduce" />
                          <input type="hidden" name="itemCode" value={s.code} />
                          <button type="submit" className="button small secondary">
                            {t("cycle.peer.requestIntro", { code: s.code })}
                          </button>
                        </Form>
                      )}
                    </>
                  ) : null}
                  {s.named.length === 0 && s.anonymousCount === 0 ? <p className="muted">{t("cycle.peer.noPeers")}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {group ? (
        <>
          <section className="panel" aria-labelledby="log-heading">
            <h2 id="log-heading">{t("cycle.peer.log")}</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="log" />
              <FormKey />
              <FormErrorSummary result={failed} />
              <Field
                label={t("cycle.plan.field.date")}
                name="date"
                type="date"
                defaultValue={failed?.values?.date ?? today}
                errors={failed?.fieldErrors.date}
                required
              />
              <SelectField
                label={t("cycle.peer.kind")}
                name="kind"
                defaultValue={failed?.values?.kind ?? "VISIT"}
                errors={failed?.fieldErrors.kind}
              >
                {PEER_ACTIVITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`cycle.peerKind.${k}`)}
                  </option>
                ))}
              </SelectField>
              <fieldset className="field">
                <legend>{t("cycle.peer.participants")}</legend>
                {group.members
                  .filter((m) => m.id !== officeId)
                  .map((m) => (
                    <label key={m.id} className="checkbox">
                      <input type="checkbox" name="offices" value={m.id} /> {m.name}
                    </label>
                  ))}
              </fieldset>
              <fieldset className="field">
                <legend>{t("cycle.peer.topics")}</legend>
                {suggestions.suggestions.map((s) => (
                  <label key={s.code} className="checkbox">
                    <input type="checkbox" name="itemCodes" value={s.code} /> {s.code} {text(s)}
                  </label>
                ))}
                <SelectField label={t("cycle.plan.otherItem")} name="itemCodes" defaultValue="" errors={failed?.fieldErrors.itemCodes}>
                  <option value="">{t("cycle.plan.noOtherItem")}</option>
                  {choices.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} {text(c).slice(0, 60)}
                    </option>
                  ))}
                </SelectField>
              </fieldset>
              {planItems.length ? (
                <fieldset className="field">
                  <legend>{t("cycle.peer.planItems")}</legend>
                  {planItems.map((p) => (
                    <label key={p.id} className="checkbox">
                      <input type="checkbox" name="planItems" value={p.id} /> {p.itemCodes.join(", ")}: {p.issue.slice(0, 60)}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              <TextareaField
                label={t("cycle.peer.learned")}
                name="learned"
                rows={3}
                defaultValue={failed?.values?.learned ?? ""}
                errors={failed?.fieldErrors.learned}
                required
              />
              <button type="submit" className="button">
                {t("cycle.peer.logButton")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="activities-heading">
            <h2 id="activities-heading">{t("cycle.peer.activities")}</h2>
            {group.activities.length === 0 ? <p className="muted">{t("cycle.peer.noActivities")}</p> : null}
            <ul className="card-list">
              {group.activities.map((a) => (
                <li key={a.id} className="card">
                  <p>
                    <strong>{format.date(a.date)}</strong> <span className="badge">{t(`cycle.peerKind.${a.kind}`)}</span>{" "}
                    {a.itemCodes.join(", ")}
                  </p>
                  <p className="prewrap">{a.learned}</p>
                  <p className="muted">{a.offices.join("、")}</p>
                  {a.ownPlanItems.length ? (
                    <p>{t("cycle.peer.linkedPlan", { items: a.ownPlanItems.map((i) => i.slice(0, 30)).join(" / ") })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
