// The refused rows of an import: line, column and reason, in the user's language.
import type { ImportError } from "./checklist-import";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { DataTable } from "~/components/data-table";

export function ImportErrors({
  errors,
}: {
  errors: (Pick<ImportError, "line" | "column" | "value"> & { reason: string; sheet?: string })[];
}) {
  const t = useT();
  const shown = errors.slice(0, 200);
  return (
    <div className="alert alert-error import-errors" role="alert">
      <p>{t("imports.refused", { count: errors.length })}</p>
      <DataTable caption={t("imports.refused", { count: errors.length })} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("checklists.import.lineCol")}</th>
            <th scope="col">{t("imports.map.column")}</th>
            <th scope="col">{t("checklists.import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i}>
              <td>
                {e.sheet ? `${e.sheet} ` : ""}
                {e.line ? t("checklists.import.line", { line: e.line }) : t("imports.wholeFile")}
              </td>
              <td>{e.column ?? "—"}</td>
              <td>{t(`imports.error.${e.reason}` as MessageKey, { value: e.value ?? "" })}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {errors.length > shown.length ? <p>{t("imports.moreErrors", { count: errors.length - shown.length })}</p> : null}
    </div>
  );
}
