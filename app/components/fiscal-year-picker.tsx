import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useFormat, useT } from "~/i18n/react";

/** The GET form that chooses which fiscal year a page shows (?year=2026); extra controls go in `children`. */
export function FiscalYearPicker({ years, value, children }: { years: number[]; value: number; children?: ReactNode }) {
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
      <button type="submit" className="button secondary">
        {t("common.show")}
      </button>
      {children}
    </Form>
  );
}
