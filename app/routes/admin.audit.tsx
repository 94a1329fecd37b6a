import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { auditLogPage } from "~/audit/audit.server";
import { requireUser } from "~/auth/permissions.server";
import { Pagination } from "~/components/pagination";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return auditLogPage(user, pageSearch(request));
}

export default function AuditLogPage() {
  const t = useT();
  const format = useFormat();
  const { page, pages, entries } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.audit.title")}</h1>
      <p>{t("admin.audit.lead")}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.audit.when")}</th>
              <th scope="col">{t("admin.audit.who")}</th>
              <th scope="col">{t("admin.audit.what")}</th>
              <th scope="col">{t("admin.audit.record")}</th>
              <th scope="col">{t("admin.audit.summary")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{format.dateTime(e.at)}</td>
                <td>{e.actor ?? t("admin.audit.system")}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.record}</td>
                <td className="wrap">{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} params={{}} />
    </div>
  );
}
