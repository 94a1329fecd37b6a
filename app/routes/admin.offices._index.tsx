import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listOffices, wardsForFilter } from "~/admin/offices.server";
import { Pagination } from "~/components/pagination";
import { idSearch, pageSearch } from "~/lib/params";
import { requireCapability } from "~/auth/permissions.server";
import { useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("admin.offices.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  // Paginated and filtered on the server (issue 13).
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const wardId = idSearch(url, "ward");
  const [{ total, page, pages, offices }, wards] = await Promise.all([
    listOffices({ query, wardId, page: pageSearch(url) }),
    wardsForFilter(),
  ]);
  return {
    query,
    wardId,
    wards,
    total,
    page,
    pages,
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
      officeNumber: o.officeNumber ?? "",
      kind: o.kind,
      wardJa: o.ward.nameJa,
      wardEn: o.ward.nameEn,
      users: o._count.users,
      active: o.active,
      agreesToBeNamed: o.agreesToBeNamed,
    })),
  };
}

export default function AdminOffices() {
  const t = useT();
  const locale = useLocale();
  const { offices, query, wardId, wards, total, page, pages } = useLoaderData<typeof loader>();
  const params: Record<string, string> = {};
  if (query) params.q = query;
  if (wardId) params.ward = String(wardId);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("admin.offices.title")}</h1>
        <Link to="/admin/offices/new" className="button">
          {t("admin.offices.new")}
        </Link>
      </div>
      <Form method="get" role="search" className="inline-form">
        <div className="field">
          <label htmlFor="office-search">{t("imports.officeNumber.search")}</label>
          <input id="office-search" type="search" name="q" defaultValue={query} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="office-ward">{t("field.ward")}</label>
          <select id="office-ward" name="ward" defaultValue={wardId ?? ""}>
            <option value="">{t("cycle.allWards")}</option>
            {wards.map((w) => (
              <option key={w.id} value={w.id}>
                {locale === "ja" ? w.nameJa : w.nameEn}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("common.search")}
        </button>
      </Form>
      <p role="status">{t("admin.offices.count", { count: total })}</p>
      <DataTable caption={t("admin.offices.title")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("field.officeName")}</th>
            <th scope="col">{t("imports.officeNumber.column")}</th>
            <th scope="col">{t("field.ward")}</th>
            <th scope="col">{t("field.officeKind")}</th>
            <th scope="col">{t("admin.offices.users")}</th>
            <th scope="col">{t("field.status")}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`/admin/offices/${o.id}`}>
                  <JaText>{o.name}</JaText>
                </Link>
              </td>
              <td className="num">{o.officeNumber}</td>
              <td>{locale === "ja" ? o.wardJa : o.wardEn}</td>
              <td>{t(`officeKind.${o.kind}`)}</td>
              <td className="num">{o.users}</td>
              <td>{o.active ? t("status.active") : t("status.deactivated")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pagination page={page} pages={pages} params={params} />
    </div>
  );
}
