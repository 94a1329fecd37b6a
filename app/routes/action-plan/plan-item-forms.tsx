// The action plan's forms (action-plan): an item's fields, and per item the update and edit forms.
import { Form, Link, type useActionData, type useLoaderData } from "@remix-run/react";
import { FormKey } from "~/components/form-key";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { JaOption, JaText } from "~/components/ja-text";
import { ITEM_STATUSES } from "~/cycle/status-timeline";
import { inLocale } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { failureFor, type FormFailure } from "~/lib/forms";
import type { PlanView } from "~/cycle/action-plan.server";
import type { action, loader } from "./route";
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export function ItemFields({
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

export function valuesFrom(result: (FormFailure & { codes?: string[] }) | undefined, fallback: Parameters<typeof ItemFields>[0]["values"]) {
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

export function ItemForms({
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

export function EditItemForm({
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
