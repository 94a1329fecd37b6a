import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { inLocale } from "~/i18n";
import { FormKey } from "~/components/form-key";
import { formKeyOf } from "~/lib/form-key.server";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden, requireOwnOffice } from "~/auth/permissions.server";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
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
  type PlanView,
} from "~/cycle/action-plan.server";
import { itemSchema, updateSchema } from "~/cycle/plan-forms";
import { PlanItemCard } from "~/cycle/plan-item-card";
import { StatusChart } from "~/cycle/status-chart";
import { ITEM_STATUSES } from "~/cycle/status-timeline";
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
import { JaOption, JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
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

function ItemFields({
  values,
  result,
  weak,
  choices,
  trainings,
}: {
  values: {
    itemCodes: string[];
    issue: string;
    goal: string;
    actions: string;
    owner: string;
    startDate: string;
    dueDate: string;
    training: string;
  };
  result?: FormFailure;
  weak: { code: string; textJa: string; textEn: string; rating: number }[];
  choices: { code: string; textJa: string; textEn: string }[];
  trainings: { value: string; label: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  const text = (c: { textJa: string; textEn: string }) => inLocale(locale, c.textJa, c.textEn);
  const weakCodes = new Set(weak.map((w) => w.code));
  // The item's own codes that are not among the weak ones stay ticked boxes too (a select keeps only one of them).
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const kept = values.itemCodes.filter((c) => !weakCodes.has(c) && byCode.has(c)).map((c) => byCode.get(c)!);
  const errors = result?.fieldErrors;
  return (
    <>
      <fieldset className="field">
        <legend>{t("cycle.plan.field.itemCodes")}</legend>
        {weak.length ? <p className="hint">{t("cycle.plan.weakFirst")}</p> : null}
        {weak.map((w) => (
          <label key={w.code} className="checkbox">
            <input type="checkbox" name="itemCodes" value={w.code} defaultChecked={values.itemCodes.includes(w.code)} /> {w.code}{" "}
            <JaText>{text(w)}</JaText> ({t("cycle.plan.rating", { rating: w.rating })})
          </label>
        ))}
        {kept.map((c) => (
          <label key={c.code} className="checkbox">
            <input type="checkbox" name="itemCodes" value={c.code} defaultChecked /> {c.code} {text(c)}
          </label>
        ))}
        <SelectField label={t("cycle.plan.otherItem")} name="itemCodes" defaultValue="" errors={errors?.itemCodes}>
          <option value="">{t("cycle.plan.noOtherItem")}</option>
          {choices.map((c) => (
            <JaOption key={c.code} value={c.code}>
              {`${c.code} ${text(c).slice(0, 60)}`}
            </JaOption>
          ))}
        </SelectField>
      </fieldset>
      <TextareaField
        label={t("cycle.plan.field.issue")}
        name="issue"
        defaultValue={values.issue}
        errors={errors?.issue}
        rows={2}
        required
      />
      <TextareaField label={t("cycle.plan.field.goal")} name="goal" defaultValue={values.goal} errors={errors?.goal} rows={2} required />
      <TextareaField
        label={t("cycle.plan.field.actions")}
        name="actions"
        defaultValue={values.actions}
        errors={errors?.actions}
        rows={3}
        required
      />
      <Field label={t("cycle.plan.field.owner")} name="owner" defaultValue={values.owner} errors={errors?.owner} />
      <SelectField label={t("officeTraining.plan.training")} name="training" defaultValue={values.training} errors={errors?.training}>
        <option value="">{t("officeTraining.plan.noTraining")}</option>
        {trainings.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <Field
          label={t("cycle.plan.field.startDate")}
          name="startDate"
          type="date"
          defaultValue={values.startDate}
          errors={errors?.startDate}
        />
        <Field label={t("cycle.plan.field.dueDate")} name="dueDate" type="date" defaultValue={values.dueDate} errors={errors?.dueDate} />
      </div>
    </>
  );
}

function valuesFrom(result: (FormFailure & { codes?: string[] }) | undefined, fallback: Parameters<typeof ItemFields>[0]["values"]) {
  if (!result?.values) return fallback;
  const v = result.values;
  return {
    itemCodes: result.codes ?? fallback.itemCodes,
    issue: v.issue ?? "",
    goal: v.goal ?? "",
    actions: v.actions ?? "",
    owner: v.owner ?? "",
    training: v.training ?? "",
    startDate: v.startDate ?? "",
    dueDate: v.dueDate ?? "",
  };
}

function ItemForms({
  item,
  loaderData,
  result,
  editId,
}: {
  item: PlanView["items"][number];
  loaderData: ReturnType<typeof useLoaderData<typeof loader>>;
  result?: ActionData;
  /** `?edit=`: the one item whose edit form is drawn. */
  editId: string | null;
}) {
  const t = useT();
  const mine = <F extends { itemId?: number }>(failed: F | undefined) => (failed?.itemId === item.id ? failed : undefined);
  const today = loaderData.today;
  const updateFailed = mine(failureFor(result, "update"));
  const editFailed = mine(failureFor(result, "editItem"));
  const editing = !!editFailed || editId === String(item.id);
  return (
    <>
      <details className="plan-update" open={!!updateFailed}>
        <summary>{t("cycle.plan.addUpdate")}</summary>
        <Form method="post" className="panel plan-update-form" aria-label={t("cycle.plan.addUpdate")}>
          <input type="hidden" name="intent" value="update" />
          <FormKey />
          <input type="hidden" name="itemId" value={item.id} />
          <FormErrorSummary result={updateFailed} />
          <Field
            label={t("cycle.plan.field.date")}
            name="date"
            type="date"
            defaultValue={updateFailed?.values?.date ?? today}
            errors={updateFailed?.fieldErrors.date}
            required
          />
          <TextareaField
            label={t("cycle.plan.field.note")}
            name="note"
            defaultValue={updateFailed?.values?.note ?? ""}
            errors={updateFailed?.fieldErrors.note}
            rows={2}
            required
          />
          <Field
            label={t("cycle.plan.field.evidence")}
            name="evidence"
            defaultValue={updateFailed?.values?.evidence ?? ""}
            errors={updateFailed?.fieldErrors.evidence}
          />
          <SelectField label={t("cycle.plan.field.status")} name="status" defaultValue={updateFailed?.values?.status ?? ""}>
            <option value="">{t("cycle.plan.statusUnchanged")}</option>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cycle.itemStatus.${s}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t("cycle.plan.saveUpdate")}
          </button>
        </Form>
      </details>
      {editing ? (
        <EditItemForm item={item} loaderData={loaderData} editFailed={editFailed} />
      ) : (
        <p className="plan-edit">
          <Link to={`/action-plan?edit=${item.id}#plan-edit-${item.id}`}>{t("cycle.plan.editItem")}</Link>
        </p>
      )}
    </>
  );
}

function EditItemForm({
  item,
  loaderData,
  editFailed,
}: {
  item: PlanView["items"][number];
  loaderData: ReturnType<typeof useLoaderData<typeof loader>>;
  editFailed?: FormFailure & { intent: string; codes?: string[] };
}) {
  const t = useT();
  return (
    <div className="panel plan-edit" id={`plan-edit-${item.id}`}>
      <h4>{t("cycle.plan.editItem")}</h4>
      <Form method="post">
        <input type="hidden" name="intent" value="editItem" />
        <input type="hidden" name="itemId" value={item.id} />
        <FormErrorSummary result={editFailed} />
        <ItemFields
          values={valuesFrom(editFailed, item)}
          result={editFailed}
          weak={loaderData.weak.items}
          choices={loaderData.choices}
          trainings={loaderData.trainingChoices}
        />
        <button type="submit" className="button">
          {t("common.save")}
        </button>{" "}
        <Link to={`/action-plan#plan-item-${item.id}`}>{t("cycle.plan.cancelEdit")}</Link>
      </Form>
    </div>
  );
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
