import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { dashboard } from "~/cycle/dashboard.server";
import { councilStamps } from "~/lib/council-version.server";
import { ITEM_STATUSES } from "~/cycle/status-timeline";
import { heatColor, TrendChart } from "~/cycle/trend-chart";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { currentFiscalYear, recentFiscalYears } from "~/lib/fiscal-year";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { fiscalYearSearch, idSearch } from "~/lib/params";
import { resolveLocale } from "~/i18n/i18n.server";
import { trainingEffectFor } from "~/office-training/office-training.server";
import { TrainingEffectSection } from "~/office-training/ui";
import { pageMeta } from "~/lib/meta";
import { DataTable, FiguresTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("cycle.dash.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const current = currentFiscalYear();
  const fiscalYear = fiscalYearSearch(request, current);
  const wardId = idSearch(request, "ward");
  const stamps = await councilStamps();
  const [effect, figures] = await Promise.all([
    trainingEffectFor(fiscalYear, resolveLocale(request, user), wardId, stamps),
    dashboard(fiscalYear, wardId, stamps),
  ]);
  return { fiscalYear, current, wardId, effect, ...figures };
}

const PEER_KINDS = ["VISIT", "EXCHANGE", "STUDY", "SHADOWING"] as const;
const STATUSES = ["NONE", "DRAFT", "SUBMITTED", "RETURNED"] as const;

export default function SubcommitteeDashboard() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const name = (x: { nameJa: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameJa);
  const wardName = (id: number) => {
    const w = d.wards.find((x) => x.id === id);
    return w ? name(w) : "";
  };
  const cellText = (c: { value: number | null; offices: number }) => (c.value === null ? "—" : c.value.toFixed(2));
  const trendPanels = d.categories.map((c) => ({
    key: c.code,
    label: name(c),
    points: d.trends.map((r) => ({ x: format.fiscalYear(r.fiscalYear), value: r[c.code] ?? null })),
  }));
  return (
    <div className="page subcommittee-dashboard">
      <h1>{t("cycle.dash.title")}</h1>
      <FiscalYearPicker
        years={recentFiscalYears(d.current)}
        value={d.fiscalYear}
        fields={
          <div className="field">
            <label htmlFor="ward">{t("cycle.ward")}</label>
            <select id="ward" name="ward" defaultValue={d.wardId ?? ""}>
              <option value="">{t("cycle.allWards")}</option>
              {d.wards.map((w) => (
                <option key={w.id} value={w.id}>
                  {name(w)}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <p className="button-row">
        <Link className="button secondary" to={`/subcommittee/report/${d.fiscalYear}`}>
          {t("cycle.dash.toReport")}
        </Link>
        <Link className="button secondary" to={`/subcommittee/action-plans?year=${d.fiscalYear}`}>
          {t("cycle.subPlans.title")}
        </Link>
      </p>

      <section aria-labelledby="dash-status">
        <h2 id="dash-status">{t("cycle.dash.status")}</h2>
        <p>
          {(["NONE", "DRAFT", "SUBMITTED", "RETURNED"] as const).map((s) => (
            <span key={s} className="stat">
              {t(`cycle.evalStatus.${s}`)}: <strong>{d.statusCounts[s]}</strong>
            </span>
          ))}
        </p>
        <FiguresTable
          caption={t("cycle.dash.statusByWard")}
          rowHeader={t("cycle.col.ward")}
          columns={STATUSES.map((s) => ({
            key: s,
            header: t(`cycle.evalStatus.${s}`),
            cell: (w: (typeof d.statusByWard)[number]) => w[s],
          }))}
          rows={d.statusByWard}
          rowKey={(w) => w.wardId}
          rowName={name}
        />
        <details>
          <summary>{t("cycle.dash.pending", { count: d.statusCounts.NONE + d.statusCounts.DRAFT + d.statusCounts.RETURNED })}</summary>
          {d.pending.length ? (
            <ul className="plain-list">
              {d.pending.map((s) => (
                <li key={s.officeId}>
                  <Link to={`/subcommittee/evaluations/${s.officeId}/${d.fiscalYear}`}>
                    <JaText>{s.name}</JaText>
                  </Link>
                  ({wardName(s.wardId)}) — {t(`cycle.evalStatus.${s.status as "NONE"}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {d.pendingMore ? <p className="hint">{t("cycle.dash.pendingFirst", { count: d.pending.length })}</p> : null}
          <p>
            <Link to={`/subcommittee/evaluations?year=${d.fiscalYear}`}>{t("cycle.dash.allOffices")}</Link>
          </p>
        </details>
      </section>

      <section aria-labelledby="dash-heatmap">
        <h2 id="dash-heatmap">{t("cycle.dash.heatmap")}</h2>
        <p className="hint">{t("cycle.dash.heatmapHint")}</p>
        <DataTable caption={t("cycle.dash.heatmapCaption", { year: format.fiscalYear(d.fiscalYear) })} tableClassName="heatmap">
          <thead>
            <tr>
              <th scope="col">{t("cycle.col.category")}</th>
              <th scope="col" className="num">
                {t("cycle.allWards")}
              </th>
              {d.wards.map((w) => (
                <th key={w.id} scope="col" className="num">
                  {name(w)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.heatmap.map((row) => (
              <tr key={row.code}>
                <th scope="row">{name(row)}</th>
                {[row.city, ...row.wards].map((c, i) => (
                  <td
                    key={i}
                    className="num heat"
                    style={{ background: heatColor(c.value) }}
                    title={t("cycle.dash.offices", { count: c.offices })}
                  >
                    {cellText(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="dash-trends">
        <h2 id="dash-trends">{t("cycle.dash.trends")}</h2>
        <figure className="chart-figure">
          <figcaption id="dash-trends-caption">{t("cycle.dash.trendsCaption")}</figcaption>
          <TrendChart panels={trendPanels} labelledBy="dash-trends-caption" />
          <TableDisclosure>
            <FiguresTable
              caption={t("cycle.dash.trendsCaption")}
              captionHidden
              rowHeader={t("cycle.col.category")}
              columns={d.trends.map((r) => ({
                key: String(r.fiscalYear),
                header: format.fiscalYear(r.fiscalYear),
                cell: (c: (typeof d.categories)[number]) =>
                  r[c.code] === null || r[c.code] === undefined ? "—" : Number(r[c.code]).toFixed(2),
              }))}
              rows={d.categories}
              rowKey={(c) => c.code}
              rowName={name}
            />
          </TableDisclosure>
        </figure>
      </section>

      <section aria-labelledby="dash-weak">
        <h2 id="dash-weak">{t("cycle.dash.weakItems")}</h2>
        {d.weakItems.length ? (
          <DataTable caption={t("cycle.dash.weakItemsCaption")}>
            <thead>
              <tr>
                <th scope="col">{t("cycle.col.item")}</th>
                <th scope="col" className="num">
                  {t("cycle.col.lowCount")}
                </th>
                <th scope="col" className="num">
                  {t("cycle.col.rated")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.weakItems.map((w) => (
                <tr key={w.code}>
                  <td>
                    <strong>{w.code}</strong> {locale === "en" ? w.textEn : w.textJa}
                  </td>
                  <td className="num">{w.rated >= 3 ? w.low : "—"}</td>
                  <td className="num">{w.rated}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p className="muted">{t("cycle.dash.noData")}</p>
        )}
      </section>

      <section aria-labelledby="dash-plans">
        <h2 id="dash-plans">{t("cycle.dash.plans")}</h2>
        <DataTable caption={t("cycle.dash.plansCaption")}>
          <thead>
            <tr>
              {(["DRAFT", "SUBMITTED", "REVIEWED"] as const).map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`cycle.planStatus.${s}`)}
                </th>
              ))}
              {ITEM_STATUSES.map((s) => (
                <th key={s} scope="col" className="num">
                  {t("cycle.dash.itemsIn", { status: t(`cycle.itemStatus.${s}`) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {(["DRAFT", "SUBMITTED", "REVIEWED"] as const).map((s) => (
                <td key={s} className="num">
                  {d.plans[s] ?? 0}
                </td>
              ))}
              {ITEM_STATUSES.map((s) => (
                <td key={s} className="num">
                  {d.planItems[s] ?? 0}
                </td>
              ))}
            </tr>
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="dash-peer">
        <h2 id="dash-peer">{t("cycle.dash.peer")}</h2>
        <FiguresTable
          caption={t("cycle.dash.peerCaption")}
          rowHeader={t("cycle.col.ward")}
          columns={[
            ...PEER_KINDS.map((k) => ({ key: k, header: t(`cycle.peerKind.${k}`), cell: (p: (typeof d.peer)[number]) => p[k] })),
            { key: "total", header: t("cycle.col.total"), cell: (p) => p.total },
          ]}
          rows={d.peer}
          rowKey={(p) => p.wardId}
          rowName={name}
        />
      </section>

      <section aria-labelledby="dash-meetings">
        <h2 id="dash-meetings">{t("cycle.dash.meetings")}</h2>
        <p>
          {t("cycle.dash.meetingsLine", {
            meetings: d.meetings.meetings,
            offices: d.meetings.attendedOffices,
            people: d.meetings.attendedPeople,
          })}
        </p>
      </section>

      <section aria-labelledby="dash-training">
        <h2 id="dash-training">{t("cycle.dash.training")}</h2>
        {!d.training.available ? <p className="hint">{t("cycle.trainingUnavailable")}</p> : null}
        <FiguresTable
          caption={t("cycle.dash.trainingCaption")}
          rowHeader={t("cycle.col.track")}
          columns={[
            { key: "participants", header: t("cycle.col.participants"), cell: (tr) => tr.participants ?? "—" },
            { key: "completed", header: t("cycle.col.completed"), cell: (tr) => tr.completed ?? "—" },
            { key: "certificates", header: t("figures.col.certificates"), cell: (tr) => tr.certificates ?? "—" },
          ]}
          rows={d.training.tracks}
          rowKey={(tr) => tr.key}
          rowName={(tr) => t(`cycle.track.${tr.key}`)}
        />
      </section>

      <TrainingEffectSection rows={d.effect} toYear={d.fiscalYear} wardName={d.wardId ? wardName(d.wardId) : undefined} />
    </div>
  );
}
