// The committee's create/edit form for a session.
import { Form } from "@remix-run/react";
import { FormKey } from "~/components/form-key";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { PILLARS } from "~/training/constants";
import { SESSION_TRACKS } from "./rules";

const DAY_COUNT = 4;

export function SessionForm({
  values,
  result,
  busy,
  enrolled,
}: {
  values: Record<string, string>;
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
      <Field label={t("scheduling.form.goalCodes")} name="goalCodes" defaultValue={v.goalCodes ?? ""} errors={e.goalCodes} />
      <fieldset className="field">
        <legend>{t("scheduling.form.days")}</legend>
        <p className="hint">{t("scheduling.form.daysHint")}</p>
        {Array.from({ length: DAY_COUNT }, (_, i) => i + 1).map((n) => (
          <fieldset key={n} className="day-row">
            <legend>{t("scheduling.form.day", { n })}</legend>
            <Field
              label={t("scheduling.form.date")}
              type="date"
              name={`day${n}Date`}
              defaultValue={v[`day${n}Date`] ?? ""}
              errors={e[`day${n}Date`]}
            />
            <Field
              label={t("scheduling.form.start")}
              type="time"
              name={`day${n}Start`}
              defaultValue={v[`day${n}Start`] ?? ""}
              errors={e[`day${n}Start`]}
            />
            <Field
              label={t("scheduling.form.end")}
              type="time"
              name={`day${n}End`}
              defaultValue={v[`day${n}End`] ?? ""}
              errors={e[`day${n}End`]}
            />
          </fieldset>
        ))}
      </fieldset>
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
