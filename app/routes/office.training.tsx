import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { forbidden, notFound, requireCapability } from "~/auth/permissions.server";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { ErrorList, FormErrorSummary, isFailure } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { fiscalYearSearch, idSearch } from "~/lib/params";
import { officeChoice, officeList, officeTrainingPage, recommendTraining } from "~/office-training/office-training.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { JaOption, JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) =>
  d.choose ? t("officeTraining.chooseOffice") : t("officeTraining.title", { year: fiscalYear(d.page.fiscalYear) }),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewOfficeTraining");
  const fiscalYear = fiscalYearSearch(request);
  const choice = await officeChoice(user, idSearch(request, "office"));
  if (!choice.ok) {
    if (choice.reason === "forbidden") throw forbidden();
    if (choice.reason === "not-found") throw notFound();
    return { choose: true as const, offices: await officeList(), fiscalYear };
  }
  return { choose: false as const, page: await officeTrainingPage(user, choice.officeId, fiscalYear, resolveLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendTraining");
  const result = await recommendTraining(user, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function OfficeTraining() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  if (loaded.choose) {
    return (
      <div className="page">
        <h1>{t("officeTraining.chooseOffice")}</h1>
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="office">{t("officeTraining.office")}</label>
            <select id="office" name="office">
              {loaded.offices.map((o) => (
                <JaOption key={o.id} value={o.id}>
                  {o.name}
                </JaOption>
              ))}
            </select>
          </div>
          <input type="hidden" name="year" value={loaded.fiscalYear} />
          <button type="submit" className="button secondary">
            {t("common.show")}
          </button>
        </Form>
      </div>
    );
  }
  return <OfficePage page={loaded.page} />;
}

type Page = Extract<Awaited<ReturnType<typeof loader>>, { choose: false }>["page"];

function OfficePage({ page }: { page: Page }) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { office, fiscalYear, records, suggestions } = page;
  const query = `office=${office.id}&year=${fiscalYear}`;
  const failed = isFailure(result) ? result : null;
  const list = (items: { title: string }[]) => (items.length ? items.map((m) => m.title).join("、") : t("officeTraining.none"));
  return (
    <div className="page office-training">
      <h1>{t("officeTraining.title", { year: format.fiscalYear(fiscalYear) })}</h1>
      <p className="muted">
        <JaText>{office.name}</JaText>
      </p>
      <p>{t("officeTraining.lead")}</p>
      <FiscalYearPicker years={page.years} value={fiscalYear} fields={<input type="hidden" name="office" value={office.id} />} />
      <div className="button-row">
        <a className="button secondary" href={`/office/training.csv?${query}`} download>
          {t("officeTraining.csv")}
        </a>
        <a className="button secondary" href={`/office/training.xlsx?${query}`} download>
          {t("officeTraining.xlsx")}
        </a>
      </div>
      {records.length === 0 ? (
        <p>{t("officeTraining.noStaff")}</p>
      ) : (
        <ul className="card-list staff-records">
          {records.map((r) => (
            <li key={r.id} className="card" data-staff={r.id}>
              <h2 className="h3">{r.name}</h2>
              {r.enrolled ? null : <p className="badge badge-not-started">{t("officeTraining.notEnrolled")}</p>}
              <dl className="facts">
                <dt>{t("officeTraining.col.completed")}</dt>
                <dd>{list(r.completed)}</dd>
                <dt>{t("officeTraining.col.inProgress")}</dt>
                <dd>{list(r.inProgress)}</dd>
                <dt>{t("officeTraining.col.videos")}</dt>
                <dd>{format.number(r.videosWatched)}</dd>
                <dt>{t("officeTraining.col.groupSessions")}</dt>
                <dd>{format.number(r.groupSessions)}</dd>
                <dt>{t("officeTraining.col.practicalSessions")}</dt>
                <dd>{format.number(r.practicalSessions)}</dd>
                <dt>{t("officeTraining.col.certificates")}</dt>
                <dd>
                  {r.certificates.length
                    ? r.certificates.map((c) => `${t(`training.track.${c.track}` as "training.track.practical")} (${c.serial})`).join("、")
                    : t("officeTraining.none")}
                </dd>
              </dl>
              <DataTable caption={t("officeTraining.goalsCaption", { name: r.name })} tableClassName="goals-grid">
                <thead>
                  <tr>
                    <td />
                    <th scope="col">{t("training.level.new")}</th>
                    <th scope="col">{t("training.level.established")}</th>
                    <th scope="col">{t("training.level.lead")}</th>
                  </tr>
                </thead>
                <tbody>
                  {(["individual", "community", "hr"] as const).map((p) => (
                    <tr key={p}>
                      <th scope="row">{t(`evaluation.pillar.${p}`)}</th>
                      {r.goals
                        .filter((g) => g.pillar === p)
                        .map((g) => (
                          <td key={g.level} className="num">
                            {g.reached}/{g.total}
                          </td>
                        ))}
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t("officeTraining.rec.title")}</h2>
        {suggestions.fiscalYear === null ? (
          <p>{t("officeTraining.rec.noSheet")}</p>
        ) : (
          <>
            <p>{t("officeTraining.rec.lead", { year: format.fiscalYear(suggestions.fiscalYear) })}</p>
            {suggestions.categories.length === 0 ? <p>{t("officeTraining.rec.noWeak")}</p> : null}
          </>
        )}
        <div aria-live="polite">
          {result && result.ok ? (
            <p className="alert alert-success" role="status">
              {result.duplicate ? t("officeTraining.recommend.duplicate") : t("officeTraining.recommend.done")}
            </p>
          ) : (
            <FormErrorSummary result={failed} />
          )}
        </div>
        {suggestions.categories.map((c) => (
          <div key={c.code} className="card weak-category" data-category={c.code}>
            <h3>
              {t("officeTraining.rec.category", {
                name: c.name,
                score: c.score.toFixed(2),
                pillar: t(`evaluation.pillar.${c.pillar}`),
                level: t(`training.level.${c.level}`),
              })}
            </h3>
            <h4>{t("officeTraining.rec.modules")}</h4>
            <ul>
              {c.modules.map((m) => (
                <li key={m.slug}>
                  <a href={`/training/modules/${m.slug}`}>
                    <JaText>{m.title}</JaText>
                  </a>{" "}
                  <span className="muted small">({t(`training.level.${m.level}`)})</span> —{" "}
                  <span className="small">
                    {m.doneBy.length ? t("officeTraining.rec.doneBy", { names: m.doneBy.join("、") }) : t("officeTraining.rec.nobody")}
                  </span>
                </li>
              ))}
            </ul>
            <h4>{t("officeTraining.rec.sessions")}</h4>
            {c.sessions.length === 0 ? (
              <p className="small">{t("officeTraining.rec.noSessions")}</p>
            ) : (
              <ul>
                {c.sessions.map((s) => (
                  <li key={s.id}>
                    <JaText>{s.title}</JaText> <span className="muted small">({format.date(s.startsAt)})</span> —{" "}
                    <span className="small">
                      {s.enrolled.length
                        ? t("officeTraining.rec.enrolledBy", { names: s.enrolled.join("、") })
                        : t("officeTraining.rec.nobody")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {page.mayRecommend && page.staff.length ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="categoryCode" value={c.code} />
                <div className="field">
                  <label htmlFor={`staff-${c.code}`}>{t("officeTraining.recommend.staff")}</label>
                  <select
                    id={`staff-${c.code}`}
                    name="userId"
                    aria-describedby={failed?.fieldErrors.userId ? `staff-${c.code}-error` : undefined}
                  >
                    {page.staff.map((s) => (
                      <JaOption key={s.id} value={s.id}>
                        {s.name}
                      </JaOption>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`target-${c.code}`}>{t("officeTraining.recommend.training")}</label>
                  <select id={`target-${c.code}`} name="target">
                    {c.modules.map((m) => (
                      <JaOption key={m.slug} value={`module:${m.slug}`}>
                        {m.title}
                      </JaOption>
                    ))}
                    {c.sessions.map((s) => (
                      <JaOption key={s.id} value={`session:${s.id}`}>
                        {s.title}
                      </JaOption>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button small" disabled={busy}>
                  {t("officeTraining.recommend.submit")}
                </button>
                <ErrorList
                  id={`staff-${c.code}-error`}
                  errors={
                    failed?.values?.categoryCode === c.code
                      ? [...(failed.fieldErrors.userId ?? []), ...(failed.fieldErrors.target ?? [])]
                      : undefined
                  }
                />
              </Form>
            ) : null}
          </div>
        ))}
        {page.recommended.length ? (
          <>
            <h3>{t("officeTraining.recommended.title")}</h3>
            <ul className="recommended-list">
              {page.recommended.map((r) => (
                <li key={r.id}>{t("officeTraining.recommended.item", { to: r.to, title: r.title, date: format.date(r.createdAt) })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
