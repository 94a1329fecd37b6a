// The trainee's progress per pillar and per learning goal: a Recharts chart (drawn after
// hydration) with its caption, and the same figures in a table beside it.
import { Link } from "@remix-run/react";
import { lazy, Suspense, useSyncExternalStore } from "react";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useT } from "~/i18n/react";

export interface ProgressPanelData {
  enrolled: boolean;
  complete: number;
  total: number;
  pillars: { pillar: "individual" | "community" | "hr"; total: number; complete: number }[];
  goals: { code: string; text: string; total: number; complete: number }[];
  /** Learning goals reached through case work (rubric level 3 or 4). */
  caseGoals?: { code: string; text: string }[];
  next: { slug: string; title: string; step: string | null; status: string } | null;
}

const pct = (complete: number, total: number) => (total ? Math.round((complete / total) * 100) : 0);

const noSubscription = () => () => {};
/** False on the server and during hydration, true afterwards (Recharts draws only in the browser). */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

// Recharts is loaded only where a chart is drawn, and only in the browser.
const BarChartView = lazy(() => import("./progress-chart"));

function Chart({ rows, label }: { rows: { name: string; percent: number }[]; label: string }) {
  const hydrated = useHydrated();
  return (
    <div className="chart" aria-hidden="true" data-chart={label} style={{ height: Math.max(170, rows.length * 34 + 60) }}>
      {hydrated ? (
        <Suspense fallback={null}>
          <BarChartView rows={rows} />
        </Suspense>
      ) : null}
    </div>
  );
}

export function TrainingProgressPanel({ data }: { data: ProgressPanelData }) {
  const t = useT();
  const pillarRows = data.pillars.map((p) => ({ name: t(`training.pillar.${p.pillar}`), percent: pct(p.complete, p.total), ...p }));
  const goalRows = data.goals.map((g) => ({ name: g.code, percent: pct(g.complete, g.total), ...g }));
  return (
    <section aria-labelledby="training-progress" className="panel training-progress">
      <h2 id="training-progress">{t("training.home.title")}</h2>
      <p>
        {t("training.home.overall", { complete: data.complete, total: data.total })}
        {!data.enrolled ? ` ${t("training.home.notEnrolled")}` : ""}
      </p>
      {data.next ? (
        <p>
          <Link className="button" to={`/training/modules/${data.next.slug}`}>
            {data.next.status === "not-started"
              ? t("training.home.start", { title: data.next.title })
              : t("training.home.resume", { title: data.next.title })}
          </Link>
        </p>
      ) : (
        <p>{t("training.home.allDone")}</p>
      )}
      <div className="chart-with-table">
        <figure>
          <figcaption id="pillar-chart-caption">{t("training.home.byPillar")}</figcaption>
          <Chart rows={pillarRows} label="pillars" />
        </figure>
        <TableDisclosure>
          <div className="table-wrap">
            <table id="pillar-table">
              <caption>{t("training.home.byPillar")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.filter.pillar")}</th>
                  <th scope="col" className="num">
                    {t("training.home.completed")}
                  </th>
                  <th scope="col" className="num">
                    %
                  </th>
                </tr>
              </thead>
              <tbody>
                {pillarRows.map((r) => (
                  <tr key={r.pillar}>
                    <th scope="row">{r.name}</th>
                    <td className="num">
                      {r.complete} / {r.total}
                    </td>
                    <td className="num">{r.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </TableDisclosure>
      </div>
      <div className="chart-with-table">
        <figure>
          <figcaption>{t("training.home.byGoal")}</figcaption>
          <Chart rows={goalRows} label="goals" />
        </figure>
        <TableDisclosure>
          <div className="table-wrap">
            <table id="goal-table">
              <caption>{t("training.home.byGoal")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.home.goal")}</th>
                  <th scope="col" className="num">
                    {t("training.home.completed")}
                  </th>
                  <th scope="col" className="num">
                    %
                  </th>
                </tr>
              </thead>
              <tbody>
                {goalRows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      {r.code} <span className="small">{r.text}</span>
                    </th>
                    <td className="num">
                      {r.complete} / {r.total}
                    </td>
                    <td className="num">{r.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </TableDisclosure>
      </div>
      {data.caseGoals?.length ? (
        <section aria-labelledby="case-goals" className="case-goals">
          <h3 id="case-goals">{t("ops.caseGoals.title")}</h3>
          <p className="hint">{t("ops.caseGoals.lead")}</p>
          <ul>
            {data.caseGoals.map((g) => (
              <li key={g.code}>
                {g.code} <span className="small">{g.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
