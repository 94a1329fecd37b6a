import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { nextStepsFor } from "~/home/next-steps.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { now } from "~/lib/clock";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { hasAnyRole } from "~/auth/roles";
import { trainingFunnel } from "~/scheduling/funnel.server";
import { FunnelPanel } from "~/scheduling/ui";
import { TrainingProgressPanel } from "~/training/progress-panel";
import { openSurveysFor } from "~/survey/survey.server";
import { isTrainee, traineePanel } from "~/training/training.server";
import { recommendedToMe } from "~/office-training/office-training.server";
import { pageMeta } from "~/lib/meta";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("nav.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const training = isTrainee(user) ? await traineePanel(user.id, currentFiscalYear(), resolveLocale(request, user)) : null;
  const surveys = isTrainee(user) ? await openSurveysFor(user.id, currentFiscalYear(), resolveLocale(request, user)) : [];
  const recommended = isTrainee(user) ? await recommendedToMe(user.id, resolveLocale(request, user)) : [];
  const funnel = hasAnyRole(user, ["PLANNING_COMMITTEE"]) ? await trainingFunnel(currentFiscalYear()) : null;
  return {
    displayName: user.displayName,
    today: now().toISOString(),
    officeName: user.office?.name ?? null,
    steps: await nextStepsFor(user),
    training,
    recommended,
    funnel,
    surveys,
  };
}

export default function Home() {
  const t = useT();
  const format = useFormat();
  const { displayName, officeName, today, steps, training, recommended, funnel, surveys } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("home.greeting", { name: displayName })}</h1>
      <p className="muted">
        {format.date(today)} · {format.fiscalYear(steps.fiscalYear)}
        {officeName ? (
          <>
            {" · "}
            <JaText>{officeName}</JaText>
          </>
        ) : null}
      </p>
      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t("home.nextSteps")}</h2>
        {steps.items.length === 0 && surveys.length === 0 ? <p>{t("home.nothingToDo")}</p> : null}
        <ul className="card-list">
          {steps.items.map((s) => (
            <li key={s.key} className="card">
              <h3>
                <Link to={s.to}>{t(s.title, s.params)}</Link>
              </h3>
              <p>{t(s.body, s.params)}</p>
            </li>
          ))}
          {surveys.map((s) => (
            <li key={s.slug} className="card">
              <h3>
                <Link to={`/surveys/${s.slug}`}>{t("survey.answerLink")}</Link>
              </h3>
              <p>{t("survey.open", { name: s.title ?? t("survey.ondemand", { year: format.fiscalYear(s.fiscalYear) }) })}</p>
            </li>
          ))}
        </ul>
      </section>
      {recommended.length ? (
        <section aria-labelledby="recommended-by-office" className="recommended-by-office">
          <h2 id="recommended-by-office">{t("officeTraining.home.title")}</h2>
          <ul className="card-list">
            {recommended.map((r) => (
              <li key={r.id} className="card">
                <h3>
                  <Link to={r.link}>
                    <JaText>{r.title}</JaText>
                  </Link>
                </h3>
                <p className="small">
                  {t("officeTraining.home.from", { office: r.office })} · {format.date(r.createdAt)}
                  {r.done ? <span className="badge badge-complete"> {t("officeTraining.home.done")}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {training ? <TrainingProgressPanel data={training} /> : null}
      {funnel ? <FunnelPanel funnel={funnel} /> : null}
    </div>
  );
}
