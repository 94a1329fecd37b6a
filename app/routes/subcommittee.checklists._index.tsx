import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { csvToRows, validateRows, type ImportError, type ParsedTemplate } from "~/evaluation/checklist-import";
import { listTemplates, MAX_IMPORT_BYTES, saveImportedVersion, xlsxRows, type Rows } from "~/evaluation/templates.server";
import type { MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "チェックシートの版管理 | つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["EVALUATION_SUBCOMMITTEE"]);
  return { templates: await listTemplates() };
}

type ActionResult =
  | { step: "problem"; message: MessageKey; note: string }
  | { step: "refused"; errors: ImportError[]; fileName: string; note: string }
  | {
      step: "preview";
      template: ParsedTemplate;
      rows: string;
      fileName: string;
      note: string;
    };

async function readRows(file: File): Promise<Rows | MessageKey> {
  const name = file.name.toLowerCase();
  if (file.size > MAX_IMPORT_BYTES) return "checklists.import.unreadable";
  try {
    if (name.endsWith(".csv")) return csvToRows(new TextDecoder("utf-8").decode(await file.arrayBuffer()));
    if (name.endsWith(".xlsx")) return await xlsxRows(await file.arrayBuffer());
  } catch {
    return "checklists.import.unreadable";
  }
  return "checklists.import.badType";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["EVALUATION_SUBCOMMITTEE"]);
  const formData = await request.formData();
  const note = String(formData.get("note") ?? "").slice(0, 500);
  if (formData.get("intent") === "confirm") {
    // The rows shown in the preview, validated again: nothing reaches the database unless all are valid.
    let rows: Rows;
    try {
      rows = JSON.parse(String(formData.get("rows") ?? "[]"));
    } catch {
      return data<ActionResult>({ step: "problem", message: "checklists.import.unreadable", note }, { status: 400 });
    }
    const saved = await saveImportedVersion(rows, note, user.id);
    if (!saved.ok) return data<ActionResult>({ step: "refused", errors: saved.errors, fileName: "", note }, { status: 400 });
    return redirect(`/subcommittee/checklists/${saved.version}?imported=1`);
  }
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0)
    return data<ActionResult>({ step: "problem", message: "checklists.import.noFile", note }, { status: 400 });
  const rows = await readRows(file);
  if (typeof rows === "string") return data<ActionResult>({ step: "problem", message: rows, note }, { status: 400 });
  const result = validateRows(rows);
  if (!result.ok) return data<ActionResult>({ step: "refused", errors: result.errors, fileName: file.name, note }, { status: 400 });
  return data<ActionResult>({
    step: "preview",
    template: result.template,
    rows: JSON.stringify(rows),
    fileName: file.name,
    note,
  });
}

export default function Checklists() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      <h1>{t("checklists.title")}</h1>
      <p>{t("checklists.lead")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("checklists.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("checklists.col.version")}</th>
              <th scope="col">{t("checklists.col.status")}</th>
              <th scope="col">{t("checklists.col.years")}</th>
              <th scope="col" className="num">
                {t("checklists.col.items")}
              </th>
              <th scope="col">{t("checklists.col.created")}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.version}>
                <td>
                  <Link to={`/subcommittee/checklists/${tpl.version}`}>{t("checklists.versionLabel", { version: tpl.version })}</Link>
                  {tpl.note ? <div className="muted">{tpl.note}</div> : null}
                </td>
                <td>{t(`checklists.status.${tpl.status}`)}</td>
                <td>{tpl.fiscalYears.length ? tpl.fiscalYears.map((y) => format.fiscalYear(y)).join("、") : "—"}</td>
                <td className="num">{tpl.items}</td>
                <td>{format.date(tpl.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">{t("checklists.import.title")}</h2>
        <p className="hint">{t("checklists.import.lead")}</p>
        {result?.step === "problem" ? (
          <p className="alert alert-error" role="alert">
            {t(result.message)}
          </p>
        ) : null}
        {result?.step === "refused" ? (
          <div className="alert alert-error import-errors" role="alert">
            <p>{t("checklists.import.refused", { count: result.errors.length })}</p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">
                  {t("checklists.import.refused", {
                    count: result.errors.length,
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("checklists.import.lineCol")}</th>
                    <th scope="col">{t("checklists.import.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{t("checklists.import.line", { line: e.line })}</td>
                      <td>
                        {t(`checklists.import.error.${e.reason}`, {
                          value: e.value ?? "",
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
        {result?.step === "preview" ? (
          <div className="stack">
            <h3>{t("checklists.import.previewTitle")}</h3>
            <p>
              {result.fileName}:{" "}
              {t("checklists.import.previewSummary", {
                categories: result.template.categories.length,
                items: result.template.items.length,
              })}
            </p>
            <div className="table-wrap checklist-preview">
              <table>
                <caption className="visually-hidden">{t("checklists.import.previewTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("checklists.col.code")}</th>
                    <th scope="col">{t("evaluation.results.category")}</th>
                    <th scope="col">{t("checklists.col.text")}</th>
                    <th scope="col">{t("checklists.col.pillar")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.template.items.map((item) => {
                    const c = result.template.categories.find((x) => x.code === item.categoryCode);
                    return (
                      <tr key={item.code}>
                        <td>{item.code}</td>
                        <td>{locale === "en" ? c?.nameEn : c?.nameJa}</td>
                        <td>{locale === "en" && item.textEn ? item.textEn : item.textJa}</td>
                        <td>{t(`evaluation.pillar.${item.pillar}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Form method="post" className="button-row">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="rows" value={result.rows} />
              <input type="hidden" name="note" value={result.note} />
              <button type="submit" className="button" disabled={busy}>
                {t("checklists.import.confirm")}
              </button>
              <Link to="/subcommittee/checklists" className="button secondary">
                {t("checklists.import.cancel")}
              </Link>
            </Form>
          </div>
        ) : (
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="intent" value="preview" />
            <div className="field">
              <label htmlFor="import-file">{t("checklists.import.file")}</label>
              <input
                id="import-file"
                type="file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
              />
            </div>
            <div className="field">
              <label htmlFor="import-note">{t("checklists.import.note")}</label>
              <input id="import-note" name="note" maxLength={500} defaultValue={result?.note ?? ""} />
            </div>
            <p>
              <button type="submit" className="button" disabled={busy}>
                {t("checklists.import.preview")}
              </button>
            </p>
          </Form>
        )}
      </section>
    </div>
  );
}
