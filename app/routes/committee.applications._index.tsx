import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { committeeRounds, saveRound } from "~/applications/applications.server";
import { RoundForm } from "~/applications/ui";
import { requireCapability } from "~/auth/permissions.server";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { now } from "~/lib/clock";
import { jstDateString } from "~/lib/jst";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";

export const meta = pageMeta("applications.committee.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const year = trainingYearSearch(request);
  const today = jstDateString(now());
  return { year, years: yearChoices(), today, ...(await committeeRounds(year, resolveLocale(request, user))) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const result = await saveRound(user, await request.formData());
  if (!result.ok) return data(result, { status: 400 });
  return redirect(`/committee/applications/${result.id}`);
}

export default function CommitteeApplications() {
  const t = useT();
  const format = useFormat();
  const { year, years, rounds, sessions, tracks, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("applications.committee.title")}</h1>
      <p className="hint">{t("applications.committee.intro")}</p>
      <FiscalYearPicker years={years} value={year} />
      {rounds.length === 0 ? (
        <p>{t("applications.committee.none")}</p>
      ) : (
        <DataTable caption={t("applications.committee.caption", { year: format.fiscalYear(year) })}>
          <thead>
            <tr>
              <th scope="col">{t("applications.col.round")}</th>
              <th scope="col">{t("applications.col.period")}</th>
              <th scope="col" className="num">
                {t("applications.col.places")}
              </th>
              <th scope="col" className="num">
                {t("applications.col.applicants")}
              </th>
              <th scope="col">{t("applications.col.state")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/committee/applications/${r.id}`}>{r.title}</Link>
                </th>
                <td>
                  {format.date(r.opensAt)} – {r.closesOn}
                </td>
                <td className="num">{r.places}</td>
                <td className="num">{r.applicants}</td>
                <td>
                  {r.decisionsSentAt
                    ? t("applications.round.decided")
                    : r.open
                      ? t("applications.round.open")
                      : t("applications.round.notOpen")}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <section className="panel" aria-labelledby="new-round">
        <h2 id="new-round">{t("applications.committee.new")}</h2>
        <RoundForm
          values={{
            titleJa: "",
            titleEn: "",
            fiscalYear: year,
            target: sessions[0] ? `session:${sessions[0].id}` : "track:basic-ondemand",
            opensOn: today,
            closesOn: "",
            endorseOn: "",
            places: "",
            questions: ["experience", "role", "statutory", "learn", "attachment"],
          }}
          result={result && !result.ok ? result : null}
          sessions={sessions}
          tracks={tracks}
          years={years}
          busy={busy}
          submitLabel={t("applications.committee.create")}
        />
      </section>
    </div>
  );
}
