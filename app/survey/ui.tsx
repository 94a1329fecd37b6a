// The course survey's results on the committee's page: per rating question a bar chart (after hydration, hidden
// from assistive technology) with its table; per free-text question the answers.
import { BarsWithTable } from "~/charts/bars-with-table";
import { useT } from "~/i18n/react";

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
      <BarsWithTable
        rows={rows}
        caption={q.text}
        captionHidden
        height={200}
        nameHeader={t("survey.results.rating")}
        countHeader={t("survey.results.count")}
      />
    </section>
  );
}
