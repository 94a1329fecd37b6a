// Past years' results from the city's own files (issue 11): upload → columns and offices → preview → saved.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { ImportErrors } from "~/evaluation/import-errors";
import { CarriedFile, ColumnMapping, ImportProblem, UploadForm } from "~/evaluation/import-mapping";
import { RESULT_FIELDS } from "~/evaluation/results-import";
import {
  confirmResults,
  remapResults,
  resultsStepFields,
  resultsStepSchema,
  uploadResults,
  type ResultsStep,
} from "~/evaluation/results-import.server";
import type { MessageKey } from "~/i18n";
import { useFormat, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaOption, JaText } from "~/components/ja-text";

export const meta = pageMeta("imports.results.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "importResults");
  return null;
}

type ActionResult = { step: "problem"; message: MessageKey; value?: string; file?: string } | { step: "map"; state: ResultsStep };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "importResults");
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data<ActionResult>({ step: "problem", message: "imports.problem.unreadable" }, { status: 400 });
  }
  const intent = formData.get("intent");
  if (intent === "upload") {
    const files = formData.getAll("file").filter((f): f is File => typeof f !== "string" && f.size > 0);
    if (!files.length) return data<ActionResult>({ step: "problem", message: "imports.problem.empty" }, { status: 400 });
    const outcome = await uploadResults(
      user,
      await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    );
    if (!outcome.ok)
      return data<ActionResult>(
        { step: "problem", message: `imports.problem.${outcome.problem}`, value: outcome.value, file: outcome.file },
        { status: 400 },
      );
    return data<ActionResult>({ step: "map", state: outcome.step });
  }
  const parsed = resultsStepSchema.safeParse(resultsStepFields(formData));
  if (!parsed.success) return data<ActionResult>({ step: "problem", message: "imports.problem.badForm" }, { status: 400 });
  if (intent === "confirm") {
    const saved = await confirmResults(user, parsed.data);
    if (saved.ok)
      return redirect(`/subcommittee/results-import?created=${saved.created}&replaced=${saved.replaced}&unchanged=${saved.unchanged}`);
    return data<ActionResult>({ step: "map", state: saved.step }, { status: 400 });
  }
  return data<ActionResult>({ step: "map", state: await remapResults(user, parsed.data) });
}

export default function ResultsImport() {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const done = search.has("created");
  return (
    <div className="page">
      <p>
        <Link to="/subcommittee/evaluations">← {t("subEval.back")}</Link>
      </p>
      <h1>{t("imports.results.title")}</h1>
      <p>{t("imports.results.lead")}</p>
      {done && !result ? (
        <p className="alert alert-success" role="status">
          {t("imports.results.done", {
            created: Number(search.get("created")) || 0,
            replaced: Number(search.get("replaced")) || 0,
            unchanged: Number(search.get("unchanged")) || 0,
          })}
        </p>
      ) : null}
      {result?.step === "problem" ? <ImportProblem problem={result} /> : null}
      {result?.step === "map" ? (
        <ResultsStepForm state={result.state} busy={busy} />
      ) : (
        <UploadForm
          id="results-file"
          label="imports.results.files"
          hint="imports.results.filesHint"
          multiple
          busy={busy}
          className="stack panel"
        />
      )}
    </div>
  );
}

function ResultsStepForm({ state, busy }: { state: ResultsStep; busy: boolean }) {
  const t = useT();
  const format = useFormat();
  const a = state.analysis;
  const errors = [...a.errors, ...state.errors];
  const officeName = new Map(state.offices.map((o) => [o.id, `${o.name}（${o.ward}${o.officeNumber ? ` · ${o.officeNumber}` : ""}）`]));
  const years = [...new Set(state.plan.map((p) => p.fiscalYear))].sort((x, y) => x - y);
  const offices = new Set(state.plan.map((p) => p.officeId)).size;
  const canSave = !errors.length && state.plan.length > 0 && a.questions.length === 0;
  return (
    <Form method="post" className="stack" aria-labelledby="results-map-title">
      <CarriedFile state={state} />
      <h2 id="results-map-title">{t("imports.map.title")}</h2>
      <p>{t("imports.map.file", { file: state.fileName, encoding: state.encoding })}</p>
      <div className="button-row">
        <div className="field">
          <label htmlFor="results-version">{t("imports.results.version")}</label>
          <select id="results-version" name="version" defaultValue={state.version}>
            {state.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t("checklists.versionLabel", { version: v.version })} · {t(`checklists.status.${v.status}` as MessageKey)} ·{" "}
                {t("imports.results.items", { count: v.items })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-year">{t("imports.results.defaultYear")}</label>
          <input
            id="results-year"
            name="defaultYear"
            defaultValue={state.defaultYear}
            size={12}
            aria-describedby="results-year-hint"
            aria-invalid={state.defaultYearError || undefined}
          />
          <p className="hint" id="results-year-hint">
            {state.defaultYearError ? t("imports.results.defaultYearBad") : t("imports.results.defaultYearHint")}
          </p>
        </div>
      </div>
      <ColumnMapping columns={a.columns} fields={RESULT_FIELDS} fieldLabel={(f) => `imports.resultField.${f}`} />

      {a.questions.length ? (
        <section aria-labelledby="offices-title" className="stack">
          <h3 id="offices-title">{t("imports.results.officesTitle")}</h3>
          <p>{t("imports.results.officesLead", { count: a.questions.length })}</p>
          {/* A field per name rather than a table: readable at phone width. */}
          {a.questions.map((q, i) => (
            <div className="field" key={q.key}>
              <label htmlFor={`office-${i}`}>{t("imports.results.officeFor", { name: q.written })}</label>
              <select id={`office-${i}`} name={`office_${q.key}`} defaultValue="" aria-describedby={`office-${i}-hint`}>
                <option value="">{t("imports.results.choose")}</option>
                {[...q.candidates, ...state.offices.map((o) => o.id).filter((id) => !q.candidates.includes(id))].map((id) => (
                  <JaOption key={id} value={id}>
                    {officeName.get(id) ?? ""}
                  </JaOption>
                ))}
              </select>
              <p className="hint" id={`office-${i}-hint`}>
                {q.candidates.length ? t("imports.results.ambiguous", { count: q.candidates.length }) : t("imports.results.unmatched")} ·{" "}
                {t("imports.results.where")}: {q.where}
              </p>
            </div>
          ))}
        </section>
      ) : null}
      {/* Offices chosen earlier are carried to the next post. */}
      {Object.entries(carriedOffices(state)).map(([key, id]) => (
        <input key={key} type="hidden" name={`office_${key}`} value={id} />
      ))}
      <p>
        <button type="submit" name="intent" value="map" className="button secondary" disabled={busy}>
          {t("imports.map.apply")}
        </button>
      </p>

      {errors.length ? <ImportErrors errors={errors} /> : null}

      {state.plan.length ? (
        <section aria-labelledby="results-preview-title" className="stack">
          <h3 id="results-preview-title">{t("imports.results.previewTitle")}</h3>
          <p>
            {t("imports.results.summary", {
              offices,
              sheets: state.plan.length,
              answers: state.answers,
              years: years.length ? `${format.fiscalYear(years[0])}〜${format.fiscalYear(years[years.length - 1])}` : "—",
            })}
          </p>
          <DataTable caption={t("imports.results.previewTitle")} captionHidden className="checklist-preview">
            <thead>
              <tr>
                <th scope="col">{t("imports.results.office")}</th>
                <th scope="col">{t("imports.resultField.year")}</th>
                <th scope="col" className="num">
                  {t("imports.results.answers")}
                </th>
                <th scope="col">{t("imports.results.action")}</th>
              </tr>
            </thead>
            <tbody>
              {state.plan.slice(0, 300).map((p) => (
                <tr key={`${p.officeId}/${p.fiscalYear}`}>
                  <td>
                    <JaText>{officeName.get(p.officeId) ?? p.office}</JaText>
                  </td>
                  <td>{format.fiscalYear(p.fiscalYear)}</td>
                  <td className="num">{p.answers}</td>
                  <td>{t(`imports.results.action.${p.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      <div className="button-row">
        {canSave ? (
          <button type="submit" name="intent" value="confirm" className="button" disabled={busy}>
            {t("imports.results.confirm", { count: state.plan.length })}
          </button>
        ) : null}
        <Link to="/subcommittee/results-import" className="button secondary">
          {t("checklists.import.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** Office choices that resolved a name (no longer asked) stay in the form. */
function carriedOffices(state: ResultsStep): Record<string, number> {
  const asked = new Set(state.analysis.questions.map((q) => q.key));
  return Object.fromEntries(Object.entries(state.resolved).filter(([key]) => !asked.has(key)));
}
