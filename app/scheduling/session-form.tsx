// The committee's create/edit form for a session.
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormKey } from "~/components/form-key";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { useT } from "~/i18n/react";
import { useHydrated } from "~/lib/use-hydrated";
import type { FieldErrors, FormFailure } from "~/lib/forms";
import type { GoalOption } from "~/training/content.server";
import { PILLARS } from "~/training/constants";
import { GoalPicker } from "~/training/goal-picker";
import { SESSION_TRACKS } from "./rules";
import { MAX_DAYS } from "./session-form";

interface Day {
  date: string;
  start: string;
  end: string;
}

/**
 * The session's days: as many rows as there are days, a day added or removed with a button. Without JavaScript every
 * row is there (empty rows are ignored). A date before today says so beside the field.
 */
function DayRows({ values, errors, today }: { values: Record<string, string>; errors: FieldErrors; today: string }) {
  const t = useT();
  const initial: Day[] = Array.from({ length: MAX_DAYS }, (_, i) => ({
    date: values[`day${i + 1}Date`] ?? "",
    start: values[`day${i + 1}Start`] ?? "",
    end: values[`day${i + 1}End`] ?? "",
  }));
  const filled = initial.reduce((last, d, i) => (d.date || d.start || d.end ? i + 1 : last), 0);
  const hydrated = useHydrated();
  const [days, setDays] = useState(initial);
  const [count, setCount] = useState(Math.max(1, filled));
  const focusRow = useRef<number | null>(null);
  const rows = useRef<(HTMLFieldSetElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const target = focusRow.current < count ? rows.current[focusRow.current]?.querySelector("input") : addButton.current;
    target?.focus();
    focusRow.current = null;
  }, [count, days]);
  const shown = hydrated ? count : MAX_DAYS;
  const set = (i: number, field: keyof Day, value: string) => setDays((ds) => ds.map((d, j) => (j === i ? { ...d, [field]: value } : d)));
  const remove = (i: number) => {
    setDays((ds) => [...ds.slice(0, i), ...ds.slice(i + 1), { date: "", start: "", end: "" }]);
    setCount((c) => c - 1);
    focusRow.current = i > 0 ? i - 1 : 0;
  };
  const add = () => {
    focusRow.current = count;
    setCount((c) => Math.min(MAX_DAYS, c + 1));
  };
  return (
    <fieldset className="field">
      <legend>{t("scheduling.form.days")}</legend>
      <p className="hint">{t("scheduling.form.daysHint")}</p>
      {days.slice(0, shown).map((d, i) => {
        const n = i + 1;
        const past = Boolean(d.date) && d.date < today;
        return (
          <fieldset
            key={n}
            className="day-row"
            ref={(el) => {
              rows.current[i] = el;
            }}
          >
            <legend>{t("scheduling.form.day", { n })}</legend>
            <Field
              label={t("scheduling.form.date")}
              type="date"
              name={`day${n}Date`}
              value={d.date}
              onChange={(e) => set(i, "date", e.target.value)}
              errors={errors[`day${n}Date`]}
              hint={past ? t("forms.days.past", { today }) : undefined}
            />
            <Field
              label={t("scheduling.form.start")}
              type="time"
              name={`day${n}Start`}
              value={d.start}
              onChange={(e) => set(i, "start", e.target.value)}
              errors={errors[`day${n}Start`]}
            />
            <Field
              label={t("scheduling.form.end")}
              type="time"
              name={`day${n}End`}
              value={d.end}
              onChange={(e) => set(i, "end", e.target.value)}
              errors={errors[`day${n}End`]}
            />
            {hydrated && count > 1 ? (
              <button type="button" className="button secondary day-remove" onClick={() => remove(i)}>
                {t("forms.days.remove", { n })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {hydrated ? (
        count < MAX_DAYS ? (
          <button type="button" className="button secondary" ref={addButton} onClick={add}>
            {t("forms.days.add")}
          </button>
        ) : (
          <p className="hint">{t("forms.days.max", { max: MAX_DAYS })}</p>
        )
      ) : null}
      {values.confirmPastAsked ? (
        <label className="check">
          <input type="checkbox" name="confirmPast" defaultChecked={false} />
          {t("forms.days.pastConfirm")}
        </label>
      ) : null}
    </fieldset>
  );
}

export function SessionForm({
  values,
  result,
  busy,
  enrolled,
  goals,
  today,
}: {
  values: Record<string, string>;
  /** Every learning goal, for the picker. */
  goals: GoalOption[];
  /** Today in JST ("2026-12-01"): earlier dates are flagged. */
  today: string;
  result?: FormFailure | null;
  busy: boolean;
  /** On the edit page: how many are enrolled now (lowering the capacity below it needs a confirmation). */
  enrolled?: number;
}) {
  const t = useT();
  const v = result?.values ?? values;
  const e = result?.fieldErrors ?? {};
  return (
    <Form method="post" noValidate className="session-form">
      <FormKey />
      <input type="hidden" name="intent" value="save" />
      <FormErrorSummary result={result ?? null} />
      <SelectField label={t("scheduling.form.track")} name="track" defaultValue={v.track ?? "basic-group"} errors={e.track}>
        {SESSION_TRACKS.map((tr) => (
          <option key={tr} value={tr}>
            {t(`scheduling.track.${tr}`)}
          </option>
        ))}
      </SelectField>
      <Field label={t("scheduling.form.titleJa")} name="titleJa" defaultValue={v.titleJa ?? ""} errors={e.titleJa} required />
      <Field label={t("scheduling.form.titleEn")} name="titleEn" defaultValue={v.titleEn ?? ""} errors={e.titleEn} lang="en" />
      <TextareaField
        label={t("scheduling.form.descriptionJa")}
        name="descriptionJa"
        defaultValue={v.descriptionJa ?? ""}
        errors={e.descriptionJa}
        rows={4}
      />
      <TextareaField
        label={t("scheduling.form.descriptionEn")}
        name="descriptionEn"
        defaultValue={v.descriptionEn ?? ""}
        errors={e.descriptionEn}
        rows={3}
        lang="en"
      />
      <fieldset className="field">
        <legend>{t("scheduling.form.pillars")}</legend>
        {PILLARS.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" name={`pillar_${p}`} defaultChecked={v[`pillar_${p}`] === "on"} /> {t(`training.pillar.${p}`)}
          </label>
        ))}
      </fieldset>
      <GoalPicker
        goals={goals}
        name="goalCodes"
        chosen={(v.goalCodes ?? "").split(/[,\s]+/).filter(Boolean)}
        legend={t("forms.goals.legend")}
        hint={t("forms.goals.hint")}
        errors={e.goalCodes}
      />
      <DayRows values={v} errors={e} today={today} />
      <Field
        label={t("scheduling.form.venue")}
        name="venue"
        defaultValue={v.venue ?? ""}
        errors={e.venue}
        hint={t("scheduling.form.placeHint")}
      />
      <Field label={t("scheduling.form.onlineUrl")} name="onlineUrl" type="url" defaultValue={v.onlineUrl ?? ""} errors={e.onlineUrl} />
      <Field
        label={t("scheduling.form.capacity")}
        name="capacity"
        type="number"
        min={1}
        max={500}
        defaultValue={v.capacity ?? "20"}
        errors={e.capacity}
        hint={enrolled !== undefined ? t("trust.capacity.hint", { count: enrolled }) : undefined}
      />
      {v.confirmBeyondAsked ? (
        <div className="field">
          <label className="check">
            <input type="checkbox" name="confirmBeyond" />
            {t("trust.capacity.confirm", { count: Number(v.confirmBeyondAsked) })}
          </label>
        </div>
      ) : null}
      <Field label={t("scheduling.form.opensAt")} name="opensAt" type="datetime-local" defaultValue={v.opensAt ?? ""} errors={e.opensAt} />
      <Field
        label={t("scheduling.form.closesAt")}
        name="closesAt"
        type="datetime-local"
        defaultValue={v.closesAt ?? ""}
        errors={e.closesAt}
      />
      <Field label={t("scheduling.form.facilitators")} name="facilitators" defaultValue={v.facilitators ?? ""} errors={e.facilitators} />
      <SelectField
        label={t("scheduling.form.prerequisite")}
        name="prerequisite"
        defaultValue={v.prerequisite ?? "default"}
        errors={e.prerequisite}
      >
        <option value="default">{t("scheduling.form.prerequisite.default")}</option>
        <option value="none">{t("scheduling.form.prerequisite.none")}</option>
      </SelectField>
      <button type="submit" className="button" disabled={busy}>
        {t("scheduling.form.save")}
      </button>
    </Form>
  );
}
