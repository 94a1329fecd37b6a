// The parts of the two import pages (the checklist import and the past years' results import): the upload form,
// a refused upload, the file carried between steps, and the columns found in the file with the meaning of each.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
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

/** A refused upload or step: the reason, after the file it concerns when there are several. */
export function ImportProblem({ problem }: { problem: { message: MessageKey; value?: string; file?: string } }) {
  const t = useT();
  return (
    <p className="alert alert-error" role="alert">
      {problem.file ? `${problem.file}: ` : ""}
      {t(problem.message, { value: problem.value ?? "" })}
    </p>
  );
}

/** The upload step: a file field (XLSX or CSV; one file or several), the fields given as children, and the button. */
export function UploadForm({
  id,
  label,
  hint,
  multiple,
  busy,
  className = "stack",
  children,
}: {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  multiple?: boolean;
  busy: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data" className={className}>
      <input type="hidden" name="intent" value="upload" />
      <div className="field">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          type="file"
          name="file"
          multiple={multiple}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          aria-describedby={`${id}-hint`}
        />
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      </div>
      {children}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {t("imports.upload")}
        </button>
      </p>
    </Form>
  );
}

/** The file read at upload, carried to the next post in hidden fields (checked again by the step's schema). */
export function CarriedFile({ state }: { state: { sheets: unknown; fileName: string; encoding: string } }) {
  return (
    <>
      <input type="hidden" name="sheets" value={JSON.stringify(state.sheets)} />
      <input type="hidden" name="fileName" value={state.fileName} />
      <input type="hidden" name="encoding" value={state.encoding} />
    </>
  );
}
