import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { inLocale } from "~/i18n";
import { FormKey } from "~/components/form-key";
import { formKeyOf } from "~/lib/form-key.server";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden, requireOwnOffice } from "~/auth/permissions.server";
import { FormErrorSummary } from "~/components/forms";
import {
  addItem,
  addUpdate,
  checklistItemChoices,
  editItem,
  ensurePlan,
  officePlanPage,
  ownItem,
  planIsWritable,
  submitOfficePlan,
} from "~/cycle/action-plan.server";
import { itemSchema, updateSchema } from "~/cycle/plan-forms";
import { PlanItemCard } from "~/cycle/plan-item-card";
import { StatusChart } from "~/cycle/status-chart";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, failureFor, parseForm, type FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/action-result.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { fiscalYearSearch } from "~/lib/params";
import { todayJst } from "~/cycle/dates";
import { resolveLocale } from "~/i18n/i18n.server";
import { trainingChoices, trainingTargetKnown } from "~/office-training/office-training.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";
import { ItemFields, ItemForms, valuesFrom } from "./plan-item-forms";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) => t("cycle.plan.title", { year: fiscalYear(d.year) }));

function yearFrom(request: Request) {
  const current = currentFiscalYear();
  return { current, year: fiscalYearSearch(request, current) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const { current, year } = yearFrom(request);
  const page = await officePlanPage(user, officeId, year);
  const { plan } = page;
  return {
    ...page,
    trainingChoices: await trainingChoices(resolveLocale(request, user)),
    today: todayJst(),
    current,
    year,
    editable: year === current && (!plan || planIsWritable({ status: plan.status, fiscalYear: year })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const { current, year } = yearFrom(request);
  if (year !== current) throw forbidden();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/action-plan`;
  const codes = formData.getAll("itemCodes").map(String).filter(Boolean);
  const fail = <const I extends string>(tag: I, f: FormFailure, itemId?: number) => intentFailure(tag, f, { itemId, codes });
  if (intent === "create") {
    await ensurePlan(officeId, year, user.id);
    return redirect(back);
  }
  if (intent === "addItem" || intent === "editItem") {
    const parsed = parseForm(itemSchema, formData, ["itemCodes"]);
    const itemId = intent === "editItem" ? Number(formData.get("itemId")) : undefined;
    if (!parsed.ok) return fail(intent, parsed, itemId);
    const known = new Set((await checklistItemChoices(year)).map((c) => c.code));
    if (parsed.data.itemCodes.some((c) => !known.has(c)))
      return fail(intent, failure({ itemCodes: [{ key: "cycle.plan.error.unknownItem" }] }, formData), itemId);
    if (!(await trainingTargetKnown(parsed.data.training)))
      return fail(intent, failure({ training: [{ key: "officeTraining.plan.trainingInvalid" }] }, formData), itemId);
    if (itemId !== undefined) {
      await ownItem(officeId, itemId);
      await editItem(itemId, parsed.data, user.id);
      return redirect(`${back}?saved=1#plan-item-${itemId}`);
    }
    await addItem((await ensurePlan(officeId, year, user.id)).id, parsed.data, { formKey: formKeyOf(formData), userId: user.id });
    return redirect(`${back}?saved=1`);
  }
  if (intent === "update") {
    const itemId = Number(formData.get("itemId"));
    await ownItem(officeId, itemId);
    const parsed = parseForm(updateSchema, formData);
    if (!parsed.ok) return fail(intent, parsed, itemId);
    await addUpdate(itemId, parsed.data, { formKey: formKeyOf(formData), userId: user.id });
    return redirect(`${back}?saved=1#plan-item-${itemId}`);
  }
  if (intent === "submit") {
    if (!(await submitOfficePlan(user, officeId, year)).ok) return fail(intent, failure({}, undefined, { key: "cycle.plan.error.empty" }));
    return redirect(`${back}?submitted=1`);
  }
  return intentFailure("unknown", { ok: false, fieldErrors: {} });
}

export default function ActionPlanPage() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const loaderData = useLoaderData<typeof loader>();
  const { officeName, year, current, plan, years, weak, choices, editable } = loaderData;
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const preselect = params.get("add");
  // The edit form (the whole checklist as choices) is drawn for one item at a time, the one named by `?edit=`
  // (issue 13: drawn for every item, it made the page 119 KB of HTML).
  const itemText = Object.fromEntries(choices.map((c) => [c.code, c]));
  const addFailed = failureFor(result, "addItem");
  const submitFailed = failureFor(result, "submit");
  const allYears = [...new Set([current, ...years])].sort((a, b) => b - a);
  return (
    <div className="page action-plan">
      <h1>{t("cycle.plan.title", { year: format.fiscalYear(year) })}</h1>
      <p className="muted">
        <JaText>{officeName}</JaText>
      </p>
      {params.get("saved") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.plan.saved")}
        </p>
      ) : null}
      {params.get("submitted") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.plan.submittedNotice")}
        </p>
      ) : null}
      <nav aria-label={t("cycle.plan.years")} className="year-links">
        {allYears.map((y) =>
          y === year ? (
            <span key={y} aria-current="page">
              {format.fiscalYear(y)}
            </span>
          ) : (
            <Link key={y} to={y === current ? "/action-plan" : `/action-plan?year=${y}`}>
              {format.fiscalYear(y)}
            </Link>
          ),
        )}
      </nav>
      {!editable ? <p className="alert">{t("cycle.plan.readOnly")}</p> : null}
      {plan ? (
        <p>
          {t("cycle.plan.statusLine", { status: t(`cycle.planStatus.${plan.status}`) })}
          {plan.submittedAt ? ` (${format.date(plan.submittedAt)})` : ""}
        </p>
      ) : null}

      {editable && weak.items.length ? (
        <section className="panel" aria-labelledby="weak-heading">
          <h2 id="weak-heading">{t("cycle.plan.weakTitle", { year: format.fiscalYear(weak.fiscalYear!) })}</h2>
          <ul className="plain-list weak-items">
            {weak.items.map((w) => (
              <li key={w.code}>
                <strong>{w.code}</strong> <JaText>{inLocale(locale, w.textJa, w.textEn)}</JaText> (
                {t("cycle.plan.rating", { rating: w.rating })}){" "}
                {plan?.items.some((i) => i.itemCodes.includes(w.code)) ? (
                  <span className="badge">{t("cycle.plan.inPlan")}</span>
                ) : (
                  <Link to={`/action-plan?add=${encodeURIComponent(w.code)}#new-item`}>{t("cycle.plan.addFor", { code: w.code })}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!plan && editable ? (
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <p>{t("cycle.plan.none")}</p>
          <button type="submit" className="button">
            {t("cycle.plan.create")}
          </button>
        </Form>
      ) : null}
      {!plan && !editable ? <p>{t("cycle.plan.noneEarlier")}</p> : null}

      {plan ? (
        <>
          <h2>{t("cycle.plan.items")}</h2>
          {plan.items.length === 0 ? <p className="muted">{t("cycle.plan.noItems")}</p> : null}
          {plan.items.map((item, index) => (
            <PlanItemCard key={item.id} item={item} index={index} itemText={itemText} afterYear={plan.afterYear}>
              {editable ? <ItemForms item={item} loaderData={loaderData} result={result} editId={params.get("edit")} /> : null}
            </PlanItemCard>
          ))}
          {plan.items.length ? <StatusChart rows={plan.timeline} id="plan-status" /> : null}
        </>
      ) : null}

      {editable && (plan || preselect) ? (
        <section className="panel" id="new-item" aria-labelledby="new-item-heading">
          <h2 id="new-item-heading">{t("cycle.plan.newItem")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="addItem" />
            <FormKey />
            <FormErrorSummary result={addFailed} />
            <ItemFields
              key={preselect ?? ""}
              values={valuesFrom(addFailed, {
                itemCodes: preselect ? [preselect] : [],
                issue: "",
                goal: "",
                actions: "",
                owner: "",
                startDate: "",
                dueDate: "",
                training: "",
              })}
              result={addFailed}
              weak={weak.items}
              choices={choices}
              trainings={loaderData.trainingChoices}
            />
            <button type="submit" className="button">
              {t("cycle.plan.addItem")}
            </button>
          </Form>
        </section>
      ) : null}

      {editable && plan && plan.status === "DRAFT" ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="submit" />
          <FormErrorSummary result={submitFailed} />
          <p>{t("cycle.plan.submitHint")}</p>
          <button type="submit" className="button">
            {t("cycle.plan.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
