import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listUsers, USERS_PAGE_SIZE } from "~/admin/users.server";
import { requireCapability } from "~/auth/permissions.server";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = pageSearch(url);
  const { total, users } = await listUsers({ query, page });
  return {
    query,
    page,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    total,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      officeName: u.office?.name ?? null,
      active: u.active,
      invited: u.passwordHash === null,
    })),
  };
}

export default function AdminUsers() {
  const t = useT();
  const { query, page, pages, total, users } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("admin.users.title")}</h1>
        <Link to="/admin/users/new" className="button">
          {t("admin.users.new")}
        </Link>
      </div>
      <Form method="get" role="search" className="inline-form">
        <label htmlFor="user-search">{t("admin.users.search")}</label>
        <input id="user-search" type="search" name="q" defaultValue={query} maxLength={100} />
        <button type="submit" className="button secondary">
          {t("common.search")}
        </button>
      </Form>
      <p role="status">{t("admin.users.count", { count: total })}</p>
      <DataTable caption={t("admin.users.title")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("field.displayName")}</th>
            <th scope="col">{t("field.email")}</th>
            <th scope="col">{t("field.office")}</th>
            <th scope="col">{t("field.roles")}</th>
            <th scope="col">{t("field.status")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/admin/users/${u.id}`}>
                  <JaText>{u.displayName}</JaText>
                </Link>
              </td>
              <td>{u.email}</td>
              <td>
                <JaText>{u.officeName ?? "—"}</JaText>
              </td>
              <td>{u.roles.map((r) => t(`role.${r}` as "role.TRAINEE")).join("、")}</td>
              <td>{!u.active ? t("status.deactivated") : u.invited ? t("status.invited") : t("status.active")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pagination page={page} pages={pages} params={query ? { q: query } : {}} />
    </div>
  );
}
