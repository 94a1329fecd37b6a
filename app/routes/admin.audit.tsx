import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { auditLogPage, readAuditFilter } from "~/audit/audit.server";
import { requireUser } from "~/auth/permissions.server";
import { Pagination } from "~/components/pagination";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { Field, SelectField } from "~/components/forms";

export const meta = pageMeta("admin.audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { filter, errors } = readAuditFilter(new URL(request.url));
  const data = await auditLogPage(user, pageSearch(request), filter, resolveLocale(request, user));
  return { ...data, filter, errors };
}

/** One end of the date range; a value that is not a real day is named beside it (and was left out of the filter). */
function DateFilter({ name, label, value, invalid }: { name: "from" | "to"; label: string; value: string; invalid: boolean }) {
  const t = useT();
  const id = `audit-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid ? (
        <p id={`${id}-error`} className="error-list">
          {t("ops.audit.badDate")}
        </p>
      ) : null}
    </div>
  );
}

export default function AuditLogPage() {
  const t = useT();
  const format = useFormat();
  const { page, pages, total, entries, filter, errors, areas, entityTypes } = useLoaderData<typeof loader>();
  const params = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>;
  const csvHref = `/admin/audit.csv${Object.keys(params).length ? `?${new URLSearchParams(params).toString()}` : ""}`;
  return (
    <div className="page">
      <h1>{t("admin.audit.title")}</h1>
      <p>{t("admin.audit.lead")}</p>
      <Form method="get" className="filter-form" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title" className="h3">
          {t("ops.audit.filter")}
        </h2>
        <div className="filter-fields">
          <Field id="audit-who" label={t("ops.audit.who")} name="who" defaultValue={filter.who} maxLength={100} />
          <SelectField id="audit-action" label={t("ops.audit.action")} name="action" defaultValue={filter.action}>
            <option value="">{t("ops.audit.any")}</option>
            {areas.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
            {filter.action && !areas.some((a) => a.value === filter.action) ? <option value={filter.action}>{filter.action}</option> : null}
          </SelectField>
          <SelectField id="audit-entity" label={t("ops.audit.entity")} name="entity" defaultValue={filter.entity}>
            <option value="">{t("ops.audit.any")}</option>
            {entityTypes.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </SelectField>
          <Field id="audit-entity-id" label={t("ops.audit.entityId")} name="entityId" defaultValue={filter.entityId} maxLength={60} />
          <SelectField id="audit-kind" label={t("personal.audit.kind")} name="kind" defaultValue={filter.kind}>
            <option value="">{t("personal.audit.both")}</option>
            <option value="read">{t("personal.audit.reads")}</option>
            <option value="write">{t("personal.audit.writes")}</option>
          </SelectField>
          <div className="field">
            <label htmlFor="audit-subject">{t("personal.audit.subject")}</label>
            <input id="audit-subject" name="subject" defaultValue={filter.subject} maxLength={100} aria-describedby="audit-subject-hint" />
            <p id="audit-subject-hint" className="hint">
              {t("personal.audit.subjectHint")}
            </p>
          </div>
          <DateFilter name="from" label={t("ops.audit.from")} value={filter.from} invalid={errors.includes("from")} />
          <DateFilter name="to" label={t("ops.audit.to")} value={filter.to} invalid={errors.includes("to")} />
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t("ops.audit.apply")}
          </button>{" "}
          <a href={csvHref} download>
            {t("ops.audit.csv")}
          </a>
        </p>
      </Form>
      <p role="status">{t("ops.audit.count", { count: total })}</p>
      <DataTable caption={t("admin.audit.title")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.when")}</th>
            <th scope="col">{t("admin.audit.who")}</th>
            <th scope="col">{t("admin.audit.what")}</th>
            <th scope="col">{t("admin.audit.record")}</th>
            <th scope="col">{t("personal.audit.subject")}</th>
            <th scope="col">{t("admin.audit.summary")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{format.dateTime(e.at)}</td>
              <td>{e.actor ?? t("admin.audit.system")}</td>
              <td>
                {e.isRead ? <span className="badge">{t("personal.audit.read")}</span> : null} {e.label}{" "}
                <code className="small muted">{e.action}</code>
              </td>
              <td>{e.record}</td>
              <td>{e.subject}</td>
              <td className="wrap">{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pagination page={page} pages={pages} params={params} />
    </div>
  );
}
