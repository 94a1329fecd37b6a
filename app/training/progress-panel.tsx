// The trainee's progress per pillar and per learning goal: a Recharts chart (drawn after
// hydration) with its caption, and the same figures in a table beside it.
import { Link } from "@remix-run/react";
import { lazy, Suspense, type ReactNode } from "react";
import { useHydrated } from "~/lib/use-hydrated";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useT } from "~/i18n/react";
import { DataTable } from "~/components/data-table";

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

interface BreakdownRow {
  key: string;
  /** The row's header cell. */
  head: ReactNode;
  /** The chart's label for the row. */
  name: string;
  complete: number;
  total: number;
  percent: number;
}

/** One breakdown of the progress: the chart with its caption, and its figures in a table behind a disclosure. */
function ProgressBreakdown({
  caption,
  chart,
  tableId,
  rowHeader,
  rows,
}: {
  caption: string;
  chart: string;
  tableId: string;
  rowHeader: string;
  rows: BreakdownRow[];
}) {
  const t = useT();
  return (
    <div className="chart-with-table">
      <figure>
        <figcaption>{caption}</figcaption>
        <Chart rows={rows} label={chart} />
      </figure>
      <TableDisclosure>
        <DataTable caption={caption} tableId={tableId}>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col" className="num">
                {t("training.home.completed")}
              </th>
              <th scope="col" className="num">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.head}</th>
                <td className="num">
                  {r.complete} / {r.total}
                </td>
                <td className="num">{r.percent}%</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TableDisclosure>
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
      <ProgressBreakdown
        caption={t("training.home.byPillar")}
        chart="pillars"
        tableId="pillar-table"
        rowHeader={t("training.filter.pillar")}
        rows={pillarRows.map((r) => ({ key: r.pillar, head: r.name, ...r }))}
      />
      <ProgressBreakdown
        caption={t("training.home.byGoal")}
        chart="goals"
        tableId="goal-table"
        rowHeader={t("training.home.goal")}
        rows={goalRows.map((r) => ({
          key: r.code,
          head: (
            <>
              {r.code} <span className="small">{r.text}</span>
            </>
          ),
          ...r,
        }))}
      />
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
