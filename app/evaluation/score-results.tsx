// The results block (chart + table + weakest items), shared by the office's page and the subcommittee's view.
import { inLocale, type MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { useCan } from "~/auth/use-can";
import { CHART_COLORS } from "~/charts/palette";
import { TableDisclosure } from "~/charts/table-disclosure";
import { ScoreChart } from "./score-chart";
import { FiguresTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

const PILLAR_KEYS: Record<string, MessageKey | undefined> = {
  individual: "evaluation.pillar.individual",
  community: "evaluation.pillar.community",
  hr: "evaluation.pillar.hr",
};
const RATING_KEYS: Record<number, MessageKey | undefined> = {
  1: "evaluation.rating.1",
  2: "evaluation.rating.2",
  3: "evaluation.rating.3",
  4: "evaluation.rating.4",
};

type Row = ResultsData["rows"][number];

export interface ResultsData {
  office: { name: string; wardJa: string; wardEn: string };
  rows: {
    code: string;
    nameJa: string;
    nameEn: string;
    office: number | null;
    city: number | null;
    ward: number | null;
    earlier: { fiscalYear: number; score: number | null }[];
  }[];
  earlierYears: number[];
  cityOffices: number;
  wardOffices: number;
  cityShown: boolean;
  wardShown: boolean;
  weakest: {
    code: string;
    textJa: string;
    textEn: string;
    pillar: string | null;
    rating: number;
  }[];
}

export function ScoreResults({ results }: { results: ResultsData }) {
  const t = useT();
  // Training modules are linked only for those the training route lets in (the one permission table).
  const canOpenTraining = useCan("takeTraining");
  const pillarName = (p: string) => {
    const key = PILLAR_KEYS[p];
    return key ? t(key) : p;
  };
  const ratingName = (r: number) => {
    const key = RATING_KEYS[r];
    return key ? t(key) : String(r);
  };
  const locale = useLocale();
  const format = useFormat();
  const ward = locale === "en" ? results.office.wardEn : results.office.wardJa;
  const fmt = (v: number | null) => (v === null ? t("evaluation.results.noScore") : v.toFixed(2));
  const series = [
    { key: "office", label: t("evaluation.results.office"), color: CHART_COLORS.blue },
    ...(results.cityShown ? [{ key: "city", label: t("evaluation.results.city"), color: CHART_COLORS.vermillion }] : []),
    ...(results.wardShown
      ? [
          {
            key: "ward",
            label: t("evaluation.results.ward", { ward }),
            color: CHART_COLORS.bluishGreen,
          },
        ]
      : []),
    ...results.earlierYears.slice(-2).map((fy, i) => ({
      key: `fy${fy}`,
      label: format.fiscalYear(fy),
      // Earlier years: the older one light, the later one dark, both marks at 3:1 or more.
      color: i ? CHART_COLORS.darkGrey : CHART_COLORS.grey,
    })),
  ];
  const chartRows = results.rows.map((r) => ({
    name: locale === "en" ? r.nameEn : r.nameJa,
    office: r.office,
    city: r.city,
    ward: r.ward,
    ...Object.fromEntries(r.earlier.map((e) => [`fy${e.fiscalYear}`, e.score])),
  }));
  return (
    <>
      <p className="hint">{t("evaluation.results.scoreDefinition")}</p>
      <p className="hint">
        {t("evaluation.results.groupNote", {
          city: results.cityOffices,
          ward,
          wardCount: results.wardOffices,
        })}
      </p>
      <figure className="chart-figure">
        <figcaption id="score-chart-caption">{t("evaluation.results.chartCaption")}</figcaption>
        <ScoreChart rows={chartRows} series={series} labelledBy="score-chart-caption" />
        <TableDisclosure>
          <FiguresTable
            caption={t("evaluation.results.tableCaption")}
            tableClassName="score-table"
            rowHeader={t("evaluation.results.category")}
            columns={[
              { key: "office", header: t("evaluation.results.office"), cell: (r: Row) => fmt(r.office) },
              {
                key: "city",
                header: t("evaluation.results.city"),
                cell: (r) => (results.cityShown ? fmt(r.city) : t("evaluation.results.withheld")),
              },
              {
                key: "ward",
                header: t("evaluation.results.ward", { ward }),
                cell: (r) => (results.wardShown ? fmt(r.ward) : t("evaluation.results.withheld")),
              },
              ...results.earlierYears.map((fy, i) => ({
                key: String(fy),
                header: format.fiscalYear(fy),
                cell: (r: Row) => fmt(r.earlier[i]?.score ?? null),
              })),
            ]}
            rows={results.rows}
            rowKey={(r) => r.code}
            rowName={(r) => <JaText>{inLocale(locale, r.nameJa, r.nameEn)}</JaText>}
          />
        </TableDisclosure>
      </figure>
      <section aria-labelledby="weakest-title" className="panel">
        <h2 id="weakest-title">{t("evaluation.results.weakest")}</h2>
        <p>{t("evaluation.results.weakestLead")}</p>
        {results.weakest.length === 0 ? <p>{t("evaluation.results.weakestEmpty")}</p> : null}
        <ul className="weakest-list">
          {results.weakest.map((w) => (
            <li key={w.code}>
              <span className="item-code">{w.code}</span> <JaText>{inLocale(locale, w.textJa, w.textEn)}</JaText>{" "}
              <span className="muted">({ratingName(w.rating)})</span>
              {w.pillar ? (
                <>
                  <br />
                  {canOpenTraining ? (
                    <a href={`/training?pillar=${w.pillar}`}>{t("evaluation.results.training", { pillar: pillarName(w.pillar) })}</a>
                  ) : (
                    <span className="muted">{t("evaluation.results.trainingFor", { pillar: pillarName(w.pillar) })}</span>
                  )}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
