import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { logRead } from "~/audit/audit.server";
import { requireCapability } from "~/auth/permissions.server";
import { TextareaField, FormErrorSummary, isFailure } from "~/components/forms";
import { loadSheet, officeForReview, returnEvaluation } from "~/evaluation/evaluation.server";
import { resultsFor } from "~/evaluation/results.server";
import { ScoreResults } from "~/evaluation/score-results";
import { ratingOf } from "~/evaluation/sheet-form";
import { inLocale, type MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { fiscalYearParam, idParam } from "~/lib/params";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { JaParts, JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) =>
  t("subEval.detail.title", { office: d.office.name, year: fiscalYear(d.sheet.fiscalYear) }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const office = await officeForReview(user, idParam(params.officeId));
  const fiscalYear = fiscalYearParam(params.year);
  const [sheet, results] = await Promise.all([loadSheet(office.id, fiscalYear), resultsFor(office.id, fiscalYear)]);
  await logRead(user, "evaluation.read", [
    { entityType: "Office", entityId: office.id, subjectOfficeId: office.id, summary: `FY${fiscalYear} sheet, results, comments` },
  ]);
  return { office, sheet, results };
}

const returnSchema = z.object({ comment: z.string().trim().min(1).max(2000) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const office = await officeForReview(user, idParam(params.officeId));
  const fiscalYear = fiscalYearParam(params.year);
  const formData = await request.formData();
  const parsed = parseForm(returnSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await returnEvaluation(office.id, fiscalYear, user, parsed.data.comment);
  if (!result.ok)
    return data(failure({}, formData, { key: "subEval.return.notSubmitted" }), {
      status: 409,
    });
  return { ok: true as const };
}

export default function SubcommitteeEvaluation() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { office, sheet, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = isFailure(actionData) ? actionData : undefined;
  const answers = new Map(sheet.answers.map((a) => [a.code, a]));
  const year = format.fiscalYear(sheet.fiscalYear);
  return (
    <div className="page">
      <p className="no-print">
        <Link to={`/subcommittee/evaluations?year=${sheet.fiscalYear}`}>← {t("subEval.back")}</Link>
      </p>
      <h1>
        <JaParts text={t("subEval.detail.title", { office: office.name, year })} parts={[office.name]} />
      </h1>
      <p className="no-print">
        <a href={`/subcommittee/evaluations/${office.id}/${sheet.fiscalYear}/export`} download>
          {t("evaluation.results.export")}
        </a>
      </p>
      <p className="muted">
        {t("evaluation.sheet.version", { version: sheet.template.version })} · {t(`evaluation.status.${sheet.status}`)} ·{" "}
        {t("evaluation.progress.text", {
          answered: sheet.answered,
          total: sheet.total,
        })}
      </p>
      {actionData && !failed ? (
        <p className="alert alert-success" role="status">
          {t("subEval.return.done")}
        </p>
      ) : null}

      {sheet.imported ? (
        <p className="alert alert-info" role="note">
          {t("imports.results.importedSheet")}
        </p>
      ) : null}
      {sheet.status === "SUBMITTED" && !sheet.imported ? (
        <section className="panel no-print" aria-labelledby="return-title">
          <h2 id="return-title">{t("subEval.return.title")}</h2>
          <p>{t("subEval.return.lead")}</p>
          <FormErrorSummary result={failed} />
          <Form method="post">
            <TextareaField
              label={t("subEval.return.comment")}
              name="comment"
              required
              defaultValue={failed?.values?.comment ?? ""}
              errors={failed?.fieldErrors.comment}
            />
            <p>
              <button type="submit" className="button">
                {t("subEval.return.button")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("evaluation.history.title")}</h2>
        {sheet.events.length === 0 ? <p>{t("evaluation.history.empty")}</p> : null}
        <ul>
          {sheet.events.map((e) => (
            <li key={e.id}>
              {format.dateTime(e.createdAt)} {t(`evaluation.history.${e.kind}`, { name: e.actor ?? "—" })}
              {e.comment ? (
                <>
                  {": "}
                  <JaText>{e.comment}</JaText>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {results.submitted ? (
        <section aria-labelledby="scores-title">
          <h2 id="scores-title">{t("subEval.scores")}</h2>
          <ScoreResults results={results} />
        </section>
      ) : null}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t("subEval.answers")}</h2>
        <DataTable caption={t("subEval.answers")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("checklists.col.code")}</th>
              <th scope="col">{t("checklists.col.text")}</th>
              <th scope="col">{t("evaluation.item.ratingLegend")}</th>
              <th scope="col">{t("evaluation.item.comment")}</th>
              <th scope="col">{t("evaluation.item.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.template.items.map((item) => {
              const a = answers.get(item.code);
              const r = a ? ratingOf(a) : "";
              return (
                <tr key={item.code}>
                  <td>{item.code}</td>
                  <td>
                    <JaText>{inLocale(locale, item.textJa, item.textEn)}</JaText>
                  </td>
                  <td>
                    {r ? t(`evaluation.rating.${r}` as MessageKey) : t("evaluation.item.notSaved")}
                    {a?.notApplicable ? (
                      <>
                        {": "}
                        <JaText>{a.reason}</JaText>
                      </>
                    ) : null}
                  </td>
                  <td className="wrap">
                    <JaText>{a?.comment || "—"}</JaText>
                  </td>
                  <td className="wrap">
                    <JaText>{a?.evidence || "—"}</JaText>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}
