// The columns found in an uploaded file and the meaning of each, changeable: shared by the checklist
// import and the past years' results import.
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { DataTable } from "~/components/data-table";

export function ColumnMapping<F extends string>({
  columns,
  fields,
  fieldLabel,
}: {
  columns: { index: number; letter: string; header: string; field: F }[];
  fields: readonly F[];
  fieldLabel: (field: F) => MessageKey;
}) {
  const t = useT();
  if (!columns.length) return null;
  return (
    <DataTable caption={t("imports.map.columnsCaption")}>
      <thead>
        <tr>
          <th scope="col">{t("imports.map.column")}</th>
          <th scope="col">{t("imports.map.header")}</th>
          <th scope="col">{t("imports.map.meaning")}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.index}>
            <td>{c.letter}</td>
            <td>{c.header || "—"}</td>
            <td>
              <label className="visually-hidden" htmlFor={`map-${c.index}`}>
                {t("imports.map.meaningOf", { column: `${c.letter} ${c.header}` })}
              </label>
              <select id={`map-${c.index}`} name={`map_${c.index}`} defaultValue={c.field}>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {t(fieldLabel(f))}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
