import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { PersonalDataView } from "~/privacy/personal-data-view";
import { personalData, personalTables } from "~/privacy/person.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("personal.data.title");

/** Everything the platform holds about the signed-in person (issue 19, 本人開示), readable; JSON beside it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await personalData(user, user.id);
  return { exportedAt: data.exportedAt, ...personalTables(data) };
}

export default function MyData() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/account">← {t("personal.data.back")}</Link>
      </p>
      <h1>{t("personal.data.title")}</h1>
      <p>{t("personal.data.lead")}</p>
      <PersonalDataView {...d} jsonHref="/account/data.json" />
    </div>
  );
}
