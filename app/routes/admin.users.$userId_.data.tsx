import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { idParam } from "~/lib/params";
import { PersonalDataView } from "~/privacy/personal-data-view";
import { personalData, personalTables } from "~/privacy/person.server";

export const meta: MetaFunction = () => [{ title: "本人の情報の開示 / A person's data – つなぐ" }];

/** The secretariat answers a person's request for disclosure (issue 19): everything held, readable, and JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const userId = idParam(params.userId);
  const data = await personalData(admin, userId);
  return { userId, exportedAt: data.exportedAt, ...personalTables(data) };
}

export default function PersonData() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to={`/admin/users/${d.userId}`}>← {d.account.displayName}</Link>
      </p>
      <h1>{t("personal.data.adminTitle", { name: d.account.displayName })}</h1>
      <p>{t("personal.data.adminLead")}</p>
      <PersonalDataView {...d} jsonHref={`/admin/users/${d.userId}/data.json`} />
    </div>
  );
}
