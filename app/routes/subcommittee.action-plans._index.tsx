import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { CYCLE_VIEWER_ROLES, plansFor } from "~/cycle/action-plan.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now } from "~/lib/clock";

export const meta: MetaFunction = () => [{ title: "アクションプラン一覧 | つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, [...CYCLE_VIEWER_ROLES]);
  const asked = new URL(request.url).searchParams.get("year");
  const fiscalYear = asked && /^\d{4}$/.test(asked) ? Number(asked) : fiscalYearOf(now());
  return { fiscalYear, current: fiscalYearOf(now()), plans: await plansFor(fiscalYear) };
}

export default function SubcommitteeActionPlans() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { fiscalYear, current, plans } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("cycle.subPlans.title")}</h1>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="year">{t("cycle.fiscalYear")}</label>
          <select id="year" name="year" defaultValue={fiscalYear}>
            {[0, 1, 2, 3, 4].map((d) => {
              const y = current - d;
              return (
                <option key={y} value={y}>
                  {format.fiscalYear(y)}
                </option>
              );
            })}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("cycle.show")}
        </button>
      </Form>
      {plans.length === 0 ? (
        <p>{t("cycle.subPlans.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t("cycle.subPlans.title")} ({format.fiscalYear(fiscalYear)})
            </caption>
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
                    <Link to={`/subcommittee/action-plans/${p.id}`}>{p.officeName}</Link>
                  </td>
                  <td>{locale === "en" ? p.wardEn : p.wardJa}</td>
                  <td>{t(`cycle.planStatus.${p.status}`)}</td>
                  <td className="num">{p.items}</td>
                  <td className="num">{p.done}</td>
                  <td className="num">{p.comments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
