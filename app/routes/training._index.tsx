import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { LEVELS, PILLARS, TRACKS, type Level, type Pillar } from "~/training/constants";
import { allModules, summarise } from "~/training/content.server";
import { curriculumSlugs, isTrainee, statesForUser } from "~/training/training.server";
import { StatusBadge } from "~/training/ui";
import { now } from "~/lib/clock";
import { pageMeta } from "~/lib/meta";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("training.catalogue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "takeTraining");
  const locale = resolveLocale(request, user);
  const url = new URL(request.url);
  const pillar = (PILLARS as readonly string[]).includes(url.searchParams.get("pillar") ?? "")
    ? (url.searchParams.get("pillar") as Pillar)
    : "";
  const level = (LEVELS as readonly string[]).includes(url.searchParams.get("level") ?? "") ? (url.searchParams.get("level") as Level) : "";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const needle = q.toLowerCase();
  const fiscalYear = fiscalYearOf(now());
  const [states, curriculum] = await Promise.all([
    isTrainee(user) ? statesForUser(user.id) : Promise.resolve(null),
    curriculumSlugs(fiscalYear),
  ]);
  const modules = allModules()
    .filter((m) => !pillar || m.frontmatter.pillar === pillar)
    .filter((m) => !level || m.frontmatter.level === level)
    .filter((m) => {
      if (!needle) return true;
      const f = m.frontmatter;
      const hay = [f.title.ja, f.title.en, f.summary.ja, f.summary.en, ...f.sections.flatMap((s) => [s.title.ja, s.title.en]), ...f.goals]
        .join("\n")
        .toLowerCase();
      return hay.includes(needle);
    })
    .map((m) => {
      const s = states?.get(m.slug);
      return {
        ...summarise(m, locale),
        inCurriculum: curriculum.includes(m.slug),
        state: s ? { status: s.status, reached: s.reached, sections: s.sections } : null,
      };
    });
  const groups = TRACKS.map((track) => ({
    track,
    pillars: PILLARS.map((p) => ({ pillar: p, modules: modules.filter((m) => m.track === track && m.pillar === p) })).filter(
      (g) => g.modules.length > 0,
    ),
  })).filter((g) => g.pillars.length > 0);
  return { pillar, level, q, fiscalYear, total: modules.length, groups, preview: !isTrainee(user) };
}

export default function TrainingCatalogue() {
  const t = useT();
  const { pillar, level, q, total, groups, preview } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("training.catalogue.title")}</h1>
      <p>{t("training.catalogue.intro")}</p>
      {preview ? <p className="alert alert-info">{t("training.preview")}</p> : null}
      <Form method="get" role="search" className="inline-form training-filters" aria-label={t("training.filter.label")}>
        <div className="field">
          <label htmlFor="filter-pillar">{t("training.filter.pillar")}</label>
          <select id="filter-pillar" name="pillar" defaultValue={pillar}>
            <option value="">{t("training.filter.all")}</option>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {t(`training.pillar.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-level">{t("training.filter.level")}</label>
          <select id="filter-level" name="level" defaultValue={level}>
            <option value="">{t("training.filter.all")}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`training.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">{t("training.filter.search")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="button secondary">
          {t("common.search")}
        </button>
      </Form>
      <p role="status">{t("training.catalogue.count", { count: total })}</p>
      {groups.map((g) => (
        <section key={g.track} aria-labelledby={`track-${g.track}`}>
          <h2 id={`track-${g.track}`}>{t(`training.track.${g.track}`)}</h2>
          {g.pillars.map((p) => (
            <section key={p.pillar} aria-labelledby={`track-${g.track}-${p.pillar}`}>
              <h3 id={`track-${g.track}-${p.pillar}`} className="pillar-heading">
                {t(`training.pillar.${p.pillar}`)}
              </h3>
              <ul className="card-list">
                {p.modules.map((m) => (
                  <li key={m.slug} className="card module-card">
                    <h4 className="h3">
                      <Link to={`/training/modules/${m.slug}`}>
                        <JaText>{m.title}</JaText>
                      </Link>
                    </h4>
                    <p className="muted">
                      {t(`training.level.${m.level}`)} · {t("training.minutes", { minutes: m.minutes })} ·{" "}
                      {t("training.sectionCount", { count: m.sectionCount })}
                    </p>
                    <p>{m.summary}</p>
                    <p className="module-meta">
                      {m.inCurriculum ? <span className="badge badge-curriculum">{t("training.inCurriculum")}</span> : null}
                      {m.state ? <StatusBadge status={m.state.status} /> : null}
                      {m.state && m.state.status !== "not-started" && m.state.status !== "complete" ? (
                        <span className="muted"> {t("training.reached", { reached: m.state.reached, total: m.state.sections })}</span>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      {total === 0 ? <p>{t("training.catalogue.none")}</p> : null}
    </div>
  );
}
