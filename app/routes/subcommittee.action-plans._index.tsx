import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { plansFor } from "~/cycle/action-plan.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { recentFiscalYears } from "~/lib/fiscal-year";
import { fiscalYearSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("cycle.subPlans.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "viewSubcommittee");
  const fiscalYear = fiscalYearSearch(request);
  return { fiscalYear, years: recentFiscalYears(), plans: await plansFor(fiscalYear) };
}

export default function SubcommitteeActionPlans() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { fiscalYear, years, plans } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("cycle.subPlans.title")}</h1>
      <FiscalYearPicker years={years} value={fiscalYear} />
      {plans.length === 0 ? (
        <p>{t("cycle.subPlans.none")}</p>
      ) : (
        <DataTable
          caption={
            <>
              {t("cycle.subPlans.title")} ({format.fiscalYear(fiscalYear)})
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">{t("cycle.col.office")}</th>
              <th scope="col">{t("cycle.col.ward")}</th>
              <th scope="col">{t("cycle.col.planStatus")}</th>
              <th scope="col" className="num">
                {t("cycle.col.items")}
              </th>
              <th scope="col" className="num">
                {t("cycle.col.done")}
              </th>
              <th scope="col" className="num">
                {t("cycle.col.comments")}
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/subcommittee/action-plans/${p.id}`}>
                    <JaText>{p.officeName}</JaText>
                  </Link>
                </td>
                <td>{locale === "en" ? p.wardEn : p.wardJa}</td>
                <td>{t(`cycle.planStatus.${p.status}`)}</td>
                <td className="num">{p.items}</td>
                <td className="num">{p.done}</td>
                <td className="num">{p.comments}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
