import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { idParam } from "~/lib/params";
import { PersonalDataView } from "~/privacy/personal-data-view";
import { discloseToPerson, personalData, personalTables } from "~/privacy/person.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => t("personal.data.adminTitle", { name: d.account.displayName }));

/** The secretariat answers a person's request for disclosure (issue 19): everything held, readable, and JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const userId = idParam(params.userId);
  const data = await personalData(admin, userId);
  return { userId, exportedAt: data.exportedAt, ...personalTables(data) };
}

/** Tells the person by mail that their data is ready for them to read (the answer to a disclosure request). */
export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  await discloseToPerson(admin, idParam(params.userId));
  return { disclosed: true };
}

export default function PersonData() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <p>
        <Link to={`/admin/users/${d.userId}`}>← {d.account.displayName}</Link>
      </p>
      <h1>{t("personal.data.adminTitle", { name: d.account.displayName })}</h1>
      <p>{t("personal.data.adminLead")}</p>
      <div aria-live="polite">
        {result?.disclosed ? (
          <p className="alert alert-success" role="status">
            {t("personal.disclose.done")}
          </p>
        ) : null}
      </div>
      <Form method="post" className="stack">
        <p className="hint">{t("personal.disclose.hint")}</p>
        <button type="submit" className="button secondary" disabled={busy}>
          {t("personal.disclose.submit")}
        </button>
      </Form>
      <PersonalDataView {...d} jsonHref={`/admin/users/${d.userId}/data.json`} />
    </div>
  );
}
