// Pieces of the office-training pages shown elsewhere too: the effect table (subcommittee dashboard, annual report).
import { useFormat, useT } from "~/i18n/react";
import type { Pillar } from "~/training/constants";
import { DataTable } from "~/components/data-table";

export interface EffectGroupView {
  offices: number;
  shown: boolean;
  meanFrom: number | null;
  meanTo: number | null;
  meanChange: number | null;
}

export interface EffectRowView {
  categoryCode: string;
  name: string;
  pillar: Pillar;
  fromYear: number;
  toYear: number;
  trained: EffectGroupView;
  untrained: EffectGroupView;
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** Training's effect for one year pair: a table, with counts, withheld groups, and the caution that it is an association. */
export function TrainingEffectSection({
  rows,
  toYear,
  headingLevel = 2,
  wardName,
}: {
  rows: EffectRowView[];
  toYear: number;
  headingLevel?: 2 | 3;
  /** When the figures are for one ward's offices (the dashboard's ward filter). */
  wardName?: string;
}) {
  const t = useT();
  const format = useFormat();
  const H = headingLevel === 2 ? "h2" : "h3";
  const cells = (g: EffectGroupView, label: string) => (
    <>
      <td className="num">{format.number(g.offices)}</td>
      <td className="num">
        {g.shown && g.meanFrom !== null && g.meanTo !== null ? (
          `${g.meanFrom.toFixed(2)} → ${g.meanTo.toFixed(2)}`
        ) : (
          <span aria-label={`${label}: ${t("officeTraining.effect.withheldCell")}`}>—</span>
        )}
      </td>
      <td className="num">{g.shown && g.meanChange !== null ? signed(g.meanChange) : "—"}</td>
    </>
  );
  const trained = t("officeTraining.effect.col.trained");
  const untrained = t("officeTraining.effect.col.untrained");
  return (
    <section aria-labelledby="training-effect" className="training-effect">
      <H id="training-effect">{t("officeTraining.effect.title", { from: format.fiscalYear(toYear - 1), to: format.fiscalYear(toYear) })}</H>
      <p>{t("officeTraining.effect.lead")}</p>
      {wardName ? <p>{t("officeTraining.effect.ward", { ward: wardName })}</p> : null}
      <p className="alert alert-info">{t("officeTraining.effect.caution")}</p>
      {rows.length === 0 ? (
        <p>{t("officeTraining.effect.none")}</p>
      ) : (
        <>
          <p className="hint">{t("officeTraining.effect.withheld")}</p>
          <DataTable
            caption={t("officeTraining.effect.title", { from: format.fiscalYear(toYear - 1), to: format.fiscalYear(toYear) })}
            captionHidden
          >
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t("officeTraining.effect.col.category")}
                </th>
                <th scope="colgroup" colSpan={3}>
                  {trained}
                </th>
                <th scope="colgroup" colSpan={3}>
                  {untrained}
                </th>
              </tr>
              <tr>
                {[trained, untrained].map((g) => (
                  <FragmentHeaders key={g} group={g} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.categoryCode} data-category={r.categoryCode}>
                  <th scope="row">
                    {r.name} <span className="muted small">({t(`evaluation.pillar.${r.pillar}`)})</span>
                  </th>
                  {cells(r.trained, trained)}
                  {cells(r.untrained, untrained)}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

function FragmentHeaders({ group }: { group: string }) {
  const t = useT();
  return (
    <>
      <th scope="col" className="num">
        <span className="visually-hidden">{group}: </span>
        {t("officeTraining.effect.col.offices")}
      </th>
      <th scope="col" className="num">
        <span className="visually-hidden">{group}: </span>
        {t("officeTraining.effect.col.means")}
      </th>
      <th scope="col" className="num">
        <span className="visually-hidden">{group}: </span>
        {t("officeTraining.effect.col.change")}
      </th>
    </>
  );
}
