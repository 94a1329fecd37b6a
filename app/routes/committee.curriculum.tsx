import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audit } from "~/audit/audit.server";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { pick } from "~/training/content.server";
import {
  curriculumSlugs,
  enrolByEmail,
  enrolledTrainees,
  importEnrolmentCsv,
  onDemandModules,
  setCurriculum,
  unenrol,
  type ImportRow,
} from "~/training/training.server";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("training.curriculum.title");

const MAX_CSV_BYTES = 200_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const year = trainingYearSearch(request);
  const [slugs, trainees] = await Promise.all([curriculumSlugs(year), enrolledTrainees(year)]);
  return {
    year,
    years: yearChoices(),
    modules: onDemandModules().map((m) => ({
      slug: m.slug,
      title: pick(m.frontmatter.title, locale),
      pillar: m.frontmatter.pillar,
      level: m.frontmatter.level,
      selected: slugs.includes(m.slug),
    })),
    trainees,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const year = trainingYearSearch(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "curriculum") {
    const chosen = form.getAll("slug").filter((v): v is string => typeof v === "string");
    const saved = await setCurriculum(year, chosen);
    await audit({
      actorId: user.id,
      action: "training.curriculum.set",
      entityType: "CurriculumYear",
      entityId: year,
      summary: saved.join(", "),
    });
    return { intent, ok: true as const, count: saved.length };
  }
  if (intent === "enrol") {
    const email = String(form.get("email") ?? "").slice(0, 300);
    const outcome = await enrolByEmail(email, year, user.id);
    if (outcome === "enrolled")
      await audit({
        actorId: user.id,
        action: "training.enrol",
        entityType: "TrainingEnrollment",
        entityId: `${year}:${email.trim().toLowerCase()}`,
      });
    return data({ intent, ok: outcome === "enrolled", outcome, email }, { status: outcome === "enrolled" ? 200 : 400 });
  }
  if (intent === "unenrol") {
    const userId = Number(form.get("userId"));
    const removed = Number.isInteger(userId) ? await unenrol(userId, year) : false;
    if (removed)
      await audit({ actorId: user.id, action: "training.unenrol", entityType: "TrainingEnrollment", entityId: `${year}:${userId}` });
    return data({ intent: "unenrol" as const, ok: removed, removed }, { status: removed ? 200 : 400 });
  }
  if (intent === "import") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return data({ intent, ok: false as const, error: "training.import.noFile" as const }, { status: 400 });
    if (file.size > MAX_CSV_BYTES) return data({ intent, ok: false as const, error: "training.import.tooLarge" as const }, { status: 400 });
    const rows = await importEnrolmentCsv(await file.text(), year, user.id);
    const enrolled = rows.filter((r) => r.outcome === "enrolled").length;
    await audit({
      actorId: user.id,
      action: "training.enrol.import",
      entityType: "TrainingEnrollment",
      entityId: year,
      summary: `${file.name}: ${enrolled}/${rows.length} enrolled`,
    });
    return { intent, ok: true as const, rows, enrolled, refused: rows.length - enrolled };
  }
  return data({ intent: null, ok: false as const }, { status: 400 });
}

export default function CommitteeCurriculum() {
  const t = useT();
  const format = useFormat();
  const { year, years, modules, trainees } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const importRows: ImportRow[] | null = result && result.intent === "import" && "rows" in result ? (result.rows ?? null) : null;
  return (
    <div className="page">
      <h1>{t("training.curriculum.title")}</h1>
      <FiscalYearPicker years={years} value={year}>
        <Link to={`/committee/progress?year=${year}`}>{t("training.curriculum.toProgress")}</Link>
      </FiscalYearPicker>

      <section className="panel" aria-labelledby="curriculum-modules">
        <h2 id="curriculum-modules">{t("training.curriculum.modules", { year: format.fiscalYear(year) })}</h2>
        {result && result.intent === "curriculum" && result.ok ? (
          <p className="alert alert-success" role="status">
            {t("training.curriculum.saved", { count: ("count" in result ? result.count : 0) ?? 0 })}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="curriculum" />
          <fieldset className="field">
            <legend>{t("training.curriculum.choose")}</legend>
            {modules.map((m) => (
              <label key={m.slug} className="check">
                <input type="checkbox" name="slug" value={m.slug} defaultChecked={m.selected} />
                <JaText>{m.title}</JaText>{" "}
                <span className="muted">
                  （{t(`training.pillar.${m.pillar}`)} · {t(`training.level.${m.level}`)}）
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t("training.curriculum.save")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="enrol-one">
        <h2 id="enrol-one">{t("training.enrol.title")}</h2>
        {result && result.intent === "enrol" && "outcome" in result ? (
          <p className={`alert ${result.ok ? "alert-success" : "alert-error"}`} role={result.ok ? "status" : "alert"}>
            {result.email}: {t(`training.outcome.${result.outcome}`)}
          </p>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="enrol" />
          <div className="field">
            <label htmlFor="enrol-email">{t("field.email")}</label>
            <input id="enrol-email" name="email" type="email" required maxLength={254} autoComplete="off" />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("training.enrol.submit")}
          </button>
        </Form>

        <h3>{t("training.import.title")}</h3>
        <p className="hint" id="import-hint">
          {t("training.import.hint")}
        </p>
        {result && result.intent === "import" && "error" in result ? (
          <p className="alert alert-error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="import" />
          <div className="field">
            <label htmlFor="import-file">{t("training.import.file")}</label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="import-hint" />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("training.import.submit")}
          </button>
        </Form>
        {importRows && result && "enrolled" in result ? (
          <div role="status">
            <p className={`alert ${result.refused ? "alert-error" : "alert-success"}`}>
              {t("training.import.summary", { enrolled: result.enrolled ?? 0, refused: result.refused ?? 0 })}
            </p>
            <DataTable caption={t("training.import.report")} tableClassName="import-report">
              <thead>
                <tr>
                  <th scope="col">{t("training.import.line")}</th>
                  <th scope="col">{t("field.email")}</th>
                  <th scope="col">{t("training.import.result")}</th>
                </tr>
              </thead>
              <tbody>
                {importRows.map((r) => (
                  <tr key={r.line} className={r.outcome === "enrolled" ? "row-ok" : "row-refused"}>
                    <td className="num">{r.line}</td>
                    <td>{r.value}</td>
                    <td>
                      {r.outcome === "enrolled" ? t("training.import.done") : t("training.import.refused")}:{" "}
                      {t(`training.outcome.${r.outcome}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="enrolled">
        <h2 id="enrolled">{t("training.enrolled.title", { count: trainees.length })}</h2>
        {result && result.intent === "unenrol" ? (
          <p className={`alert ${result.ok ? "alert-success" : "alert-error"}`} role="status">
            {result.ok ? t("training.unenrol.done") : t("training.unenrol.failed")}
          </p>
        ) : null}
        {trainees.length === 0 ? (
          <p>{t("training.enrolled.none")}</p>
        ) : (
          <DataTable caption={t("training.enrolled.title", { count: trainees.length })} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t("field.displayName")}</th>
                <th scope="col">{t("field.email")}</th>
                <th scope="col">{t("field.office")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {trainees.map((tr) => (
                <tr key={tr.id}>
                  <td>
                    <JaText>{tr.displayName}</JaText>
                  </td>
                  <td>{tr.email}</td>
                  <td>
                    <JaText>{tr.officeName ?? "—"}</JaText>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="unenrol" />
                      <input type="hidden" name="userId" value={tr.id} />
                      <button type="submit" className="button-link" aria-label={t("training.unenrol.label", { name: tr.displayName })}>
                        {t("training.unenrol")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
