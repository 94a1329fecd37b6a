import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OfficeForm } from "~/admin/office-form";
import { officeEditPage, saveOfficeEdit } from "~/admin/offices.server";
import { requireCapability } from "~/auth/permissions.server";
import { isFailure } from "~/components/forms";
import { useT } from "~/i18n/react";
import { idParam } from "~/lib/params";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.office.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "administer");
  return officeEditPage(user, idParam(params.officeId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "administer");
  const result = await saveOfficeEdit(user, idParam(params.officeId), await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function EditOffice() {
  const t = useT();
  const { wards, office, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saved = (result && result.ok) || search.get("created");
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/offices">← {t("admin.offices.title")}</Link>
      </p>
      <h1>
        <JaText>{office.name}</JaText>
      </h1>
      {saved ? (
        <p className="alert alert-success" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <OfficeForm wards={wards} initial={office} failed={isFailure(result) ? result : undefined} submitLabel={t("common.save")} />
      <section className="panel" aria-labelledby="office-users">
        <h2 id="office-users">{t("admin.offices.users")}</h2>
        {users.length === 0 ? <p>{t("common.none")}</p> : null}
        <ul>
          {users.map((u) => (
            <li key={u.id}>
              <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link> <span className="muted">{u.email}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
