// The readable form of a person's data export (issue 19): the account, then one table per kind of record.
// Shared by /account/data (the person) and /admin/users/:id/data (the secretariat on request).
import { useT } from "~/i18n/react";
import { DataTable } from "~/components/data-table";

export interface PersonalDataViewProps {
  account: Record<string, string>;
  tables: { id: string; rows: Record<string, string>[]; total: number }[];
  exportedAt: string;
  jsonHref: string;
}

export function PersonalDataView({ account, tables, jsonHref }: PersonalDataViewProps) {
  const t = useT();
  return (
    <>
      <p>
        <a className="button" href={jsonHref} download>
          {t("personal.data.json")}
        </a>
      </p>
      <section aria-labelledby="personal-account">
        <h2 id="personal-account">{t("personal.data.account")}</h2>
        <dl className="facts">
          {Object.entries(account).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v || "—"}</dd>
            </div>
          ))}
        </dl>
      </section>
      {tables.map((table) => {
        const columns = [...new Set(table.rows.flatMap((r) => Object.keys(r)))];
        const id = `personal-${table.id.replace(/\W/g, "-")}`;
        return (
          <section key={table.id} aria-labelledby={id}>
            <h2 id={id} className="h3">
              {table.id} <span className="muted small">({table.total})</span>
            </h2>
            {table.total > table.rows.length ? (
              <p className="hint">{t("personal.data.more", { shown: table.rows.length, total: table.total })}</p>
            ) : null}
            {table.rows.length === 0 ? (
              <p className="muted">{t("personal.data.none")}</p>
            ) : (
              <DataTable caption={table.id} captionHidden>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r, i) => (
                    <tr key={i}>
                      {columns.map((c) => (
                        <td key={c} className="wrap">
                          {r[c] ?? ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </section>
        );
      })}
    </>
  );
}
