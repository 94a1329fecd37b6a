import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOffices } from "~/admin/offices.server";
import { requireCapability } from "~/auth/permissions.server";
import { useLocale, useT } from "~/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  const offices = await listOffices();
  return {
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
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
  const { offices } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("admin.offices.title")}</h1>
        <Link to="/admin/offices/new" className="button">
          {t("admin.offices.new")}
        </Link>
      </div>
      <p>{t("admin.offices.count", { count: offices.length })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.offices.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field.officeName")}</th>
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
                  <Link to={`/admin/offices/${o.id}`}>{o.name}</Link>
                </td>
                <td>{locale === "ja" ? o.wardJa : o.wardEn}</td>
                <td>{t(`officeKind.${o.kind}`)}</td>
                <td className="num">{o.users}</td>
                <td>{o.active ? t("status.active") : t("status.deactivated")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
