// The course survey's results on the committee's page: per rating question a bar chart (after hydration, hidden
// from assistive technology) with its table; per free-text question the answers.
import { lazy, Suspense } from "react";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useT } from "~/i18n/react";
import { useHydrated } from "~/lib/use-hydrated";
import { DataTable } from "~/components/data-table";

const BarChart = lazy(() => import("~/scheduling/funnel-chart"));

export interface QuestionResult {
  id: number;
  kind: string;
  text: string;
  counts: number[];
  answered: number;
  mean: number | null;
  texts: string[];
}

export function QuestionResultPanel({ q }: { q: QuestionResult }) {
  const t = useT();
  const hydrated = useHydrated();
  const headingId = `q-${q.id}`;
  if (q.kind !== "rating")
    return (
      <section className="panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{q.text}</h2>
        <p className="muted">{t("survey.results.textCount", { n: q.answered })}</p>
        {q.texts.length ? (
          <ul className="survey-texts">
            {q.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  const rows = q.counts.map((count, i) => ({ name: t("survey.rating.label", { n: i + 1 }), count }));
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{q.text}</h2>
      <p>{t("survey.results.mean", { mean: q.mean ?? "—", n: q.answered })}</p>
      <figure>
        <div className="chart" aria-hidden="true" style={{ height: 200 }}>
          {hydrated ? (
            <Suspense fallback={null}>
              <BarChart rows={rows} />
            </Suspense>
          ) : null}
        </div>
        <figcaption className="visually-hidden">{q.text}</figcaption>
      </figure>
      <TableDisclosure>
        <DataTable caption={q.text} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("survey.results.rating")}</th>
              <th scope="col" className="num">
                {t("survey.results.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TableDisclosure>
    </section>
  );
}
