import { Form } from "@remix-run/react";
import { OFFICE_KINDS } from "~/admin/offices.server-shared";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";

export interface OfficeFormValues {
  name: string;
  kind: string;
  wardId: number;
  address: string;
  officeNumber: string;
  agreesToBeNamed: boolean;
  active: boolean;
}

export function OfficeForm({
  wards,
  initial,
  failed,
  submitLabel,
}: {
  wards: { id: number; nameJa: string; nameEn: string }[];
  initial?: OfficeFormValues;
  failed?: FormFailure;
  submitLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const v = failed?.values;
  return (
    <Form method="post" className="stack" noValidate>
      <FormErrorSummary result={failed} />
      <Field
        label={t("field.officeName")}
        name="name"
        required
        maxLength={120}
        defaultValue={v?.name ?? initial?.name}
        errors={failed?.fieldErrors.name}
      />
      <SelectField
        label={t("field.officeKind")}
        name="kind"
        required
        defaultValue={v?.kind ?? initial?.kind ?? ""}
        errors={failed?.fieldErrors.kind}
      >
        <option value="">{t("common.choose")}</option>
        {OFFICE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`officeKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("field.ward")}
        name="wardId"
        required
        defaultValue={v?.wardId ?? (initial ? String(initial.wardId) : "")}
        errors={failed?.fieldErrors.wardId}
      >
        <option value="">{t("common.choose")}</option>
        {wards.map((w) => (
          <option key={w.id} value={w.id}>
            {locale === "ja" ? w.nameJa : w.nameEn}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("imports.officeNumber.label")}
        name="officeNumber"
        hint={t("imports.officeNumber.hint")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        defaultValue={v?.officeNumber ?? initial?.officeNumber}
        errors={failed?.fieldErrors.officeNumber}
      />
      <Field
        label={t("field.address")}
        name="address"
        maxLength={200}
        defaultValue={v?.address ?? initial?.address}
        errors={failed?.fieldErrors.address}
      />
      <label className="check">
        <input type="checkbox" name="agreesToBeNamed" defaultChecked={v ? v.agreesToBeNamed === "on" : initial?.agreesToBeNamed} />{" "}
        {t("field.agreesToBeNamed")}
      </label>
      {initial ? (
        <label className="check">
          <input type="hidden" name="active" value="off" />
          <input type="checkbox" name="active" value="on" defaultChecked={initial.active} /> {t("field.officeActive")}
        </label>
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
