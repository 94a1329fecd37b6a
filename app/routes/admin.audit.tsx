import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { Pagination } from "~/components/pagination";
import { prisma } from "~/db.server";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  const page = pageSearch(request);
  const [total, entries] = await Promise.all([
    prisma.auditLog.count(),
    prisma.auditLog.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { actor: { select: { displayName: true, email: true } } },
    }),
  ]);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    entries: entries.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: e.actor ? `${e.actor.displayName} <${e.actor.email}>` : null,
      action: e.action,
      record: `${e.entityType} #${e.entityId}`,
      summary: e.summary,
    })),
  };
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
