import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useFormat, useT } from "~/i18n/react";

// The one year selector of every page that picks a fiscal year.

/** The GET form that chooses which fiscal year a page shows (?year=2026); extra controls go in `children`. */
export function FiscalYearPicker({
  years,
  value,
  fields,
  children,
}: {
  years: number[];
  value: number;
  /** More filter fields, shown between the year and the submit button (e.g. a ward). */
  fields?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Form method="get" className="inline-form">
      <div className="field">
        <label htmlFor="year">{t("common.fiscalYear")}</label>
        <select id="year" name="year" defaultValue={value}>
          {years.map((y) => (
            <option key={y} value={y}>
              {format.fiscalYear(y)}
            </option>
          ))}
        </select>
      </div>
      {fields}
      <button type="submit" className="button secondary">
        {t("common.show")}
      </button>
      {children}
    </Form>
  );
}
