import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { FIELDS } from "~/evaluation/checklist-import";
import {
  checklistStepFields,
  checklistStepSchema,
  confirmChecklist,
  remapChecklist,
  uploadChecklist,
  type ChecklistStep,
} from "~/evaluation/checklist-import.server";
import { listTemplates } from "~/evaluation/templates.server";
import { ImportErrors } from "~/evaluation/import-errors";
import { CarriedFile, ColumnMapping, ImportProblem, UploadForm } from "~/evaluation/import-mapping";
import { inLocale, type MessageKey } from "~/i18n";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";

export const meta = pageMeta("checklists.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "manageChecklists");
  return { templates: await listTemplates() };
}

type ActionResult = { step: "problem"; message: MessageKey; value?: string; note: string } | { step: "map"; state: ChecklistStep };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "manageChecklists");
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data<ActionResult>({ step: "problem", message: "imports.problem.unreadable", note: "" }, { status: 400 });
  }
  const note = String(formData.get("note") ?? "").slice(0, 500);
  const intent = formData.get("intent");
  if (intent === "upload") {
    const file = formData.get("file");
    if (!file || typeof file === "string" || file.size === 0)
      return data<ActionResult>({ step: "problem", message: "imports.problem.empty", note }, { status: 400 });
    const outcome = await uploadChecklist(user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, note);
    if (!outcome.ok)
      return data<ActionResult>(
        { step: "problem", message: `imports.problem.${outcome.problem}`, value: outcome.value, note },
        { status: 400 },
      );
    return data<ActionResult>({ step: "map", state: outcome.step });
  }
  const parsed = checklistStepSchema.safeParse(checklistStepFields(formData));
  if (!parsed.success) return data<ActionResult>({ step: "problem", message: "imports.problem.badForm", note }, { status: 400 });
  if (intent === "confirm") {
    const saved = await confirmChecklist(user, parsed.data);
    if (saved.ok) return redirect(`/subcommittee/checklists/${saved.version}?imported=1`);
    return data<ActionResult>({ step: "map", state: saved.step }, { status: 400 });
  }
  return data<ActionResult>({ step: "map", state: await remapChecklist(user, parsed.data) });
}

export default function Checklists() {
  const t = useT();
  const format = useFormat();
  const { templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      <h1>{t("checklists.title")}</h1>
      <p>{t("checklists.lead")}</p>
      <DataTable caption={t("checklists.caption")}>
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
      </DataTable>

      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">{t("checklists.import.title")}</h2>
        <p className="hint">{t("imports.checklist.lead")}</p>
        <p>
          <a href="/subcommittee/checklists/template.xlsx" download>
            {t("imports.checklist.template")}
          </a>
        </p>
        {result?.step === "problem" ? <ImportProblem problem={result} /> : null}
        {result?.step === "map" ? (
          <MappingStep state={result.state} busy={busy} />
        ) : (
          <UploadForm id="import-file" label="imports.file" hint="imports.fileHint" busy={busy}>
            <div className="field">
              <label htmlFor="import-note">{t("checklists.import.note")}</label>
              <input id="import-note" name="note" maxLength={500} defaultValue={result?.note ?? ""} />
            </div>
          </UploadForm>
        )}
      </section>
    </div>
  );
}

function MappingStep({ state, busy }: { state: ChecklistStep; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const a = state.analysis;
  const template = a.template;
  const categoryName = (code: string) => {
    const c = template?.categories.find((x) => x.code === code);
    return locale === "en" ? c?.nameEn : c?.nameJa;
  };
  const unmatched = a.matches.filter((m) => !m.how);
  const hidden = (
    <>
      <CarriedFile state={state} />
      <input type="hidden" name="note" value={state.note} />
    </>
  );
  return (
    <Form method="post" className="stack" aria-labelledby="mapping-title">
      {hidden}
      <h3 id="mapping-title">{t("imports.map.title")}</h3>
      <p>{t("imports.map.file", { file: state.fileName, encoding: state.encoding })}</p>
      <div className="button-row">
        {state.sheetNames.length > 1 ? (
          <div className="field">
            <label htmlFor="import-sheet">{t("imports.map.sheet")}</label>
            <select id="import-sheet" name="sheet" defaultValue={state.sheet}>
              {state.sheetNames.map((name, i) => (
                <option key={i} value={i}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="sheet" value={state.sheet} />
        )}
        <div className="field">
          <label htmlFor="import-header">{t("imports.map.headerLine")}</label>
          <input id="import-header" name="headerLine" inputMode="numeric" defaultValue={a.headerLine || ""} size={6} />
        </div>
        <button type="submit" name="intent" value="sheet" className="button secondary" disabled={busy}>
          {t("imports.map.reread")}
        </button>
      </div>
      <ColumnMapping columns={a.columns} fields={FIELDS} fieldLabel={(f) => `imports.field.${f}`} />
      <p>
        <button type="submit" name="intent" value="map" className="button secondary" disabled={busy}>
          {t("imports.map.apply")}
        </button>
      </p>

      {a.errors.length ? <ImportErrors errors={a.errors} /> : null}

      {template ? (
        <>
          <h3>{t("checklists.import.previewTitle")}</h3>
          <p>
            {t("checklists.import.previewSummary", { categories: template.categories.length, items: template.items.length })}{" "}
            {t("imports.map.previewFirst", { count: state.previewItems.length })}
          </p>
          <DataTable caption={t("checklists.import.previewTitle")} captionHidden className="checklist-preview">
            <thead>
              <tr>
                <th scope="col">{t("imports.field.label")}</th>
                <th scope="col">{t("checklists.col.code")}</th>
                <th scope="col">{t("evaluation.results.category")}</th>
                <th scope="col">{t("checklists.col.text")}</th>
                <th scope="col">{t("imports.field.guidanceJa")}</th>
                <th scope="col">{t("checklists.col.pillar")}</th>
              </tr>
            </thead>
            <tbody>
              {state.previewItems.map((item) => (
                <tr key={item.code}>
                  <td>{item.label || "—"}</td>
                  <td>{item.code}</td>
                  <td>{categoryName(item.categoryCode)}</td>
                  <td className="preserve-lines">{inLocale(locale, item.textJa, item.textEn)}</td>
                  <td className="preserve-lines">{item.guidanceJa || "—"}</td>
                  <td>{item.pillar ? t(`evaluation.pillar.${item.pillar}`) : t("imports.pillarLater")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      ) : null}

      {template && state.previous ? (
        <section aria-labelledby="match-title" className="stack">
          <h3 id="match-title">{t("imports.match.title", { version: state.previous.version })}</h3>
          <p>
            {t("imports.match.summary", {
              linked: a.matches.length - unmatched.length,
              unmatched: unmatched.length,
            })}
          </p>
          {unmatched.length && a.dropped.length ? (
            <details>
              <summary>{t("imports.match.choose")}</summary>
              <DataTable caption={t("imports.match.choose")} captionHidden>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.field.label")}</th>
                    <th scope="col">{t("checklists.col.text")}</th>
                    <th scope="col">{t("imports.match.previous")}</th>
                  </tr>
                </thead>
                <tbody>
                  {unmatched.map((m) => (
                    <tr key={m.line}>
                      <td>{m.label || "—"}</td>
                      <td>{m.textJa}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`match-${m.line}`}>
                          {t("imports.match.previousOf", { label: m.label || m.code })}
                        </label>
                        <select id={`match-${m.line}`} name={`match_${m.line}`} defaultValue="">
                          <option value="">{t("imports.match.none")}</option>
                          {a.dropped.map((d) => (
                            <option key={d.code} value={d.code}>
                              {(d.label || d.code) + " " + d.textJa.slice(0, 40)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <p>
                <button type="submit" name="intent" value="map" className="button secondary" disabled={busy}>
                  {t("imports.map.apply")}
                </button>
              </p>
            </details>
          ) : null}
          {/* Choices made earlier are carried to the next post. */}
          {a.matches
            .filter((m) => m.how === "chosen")
            .map((m) => (
              <input key={m.line} type="hidden" name={`match_${m.line}`} value={m.code} />
            ))}
          {a.dropped.length ? (
            <div className="alert alert-warning" role="status">
              <p>{t("imports.dropped.lead", { count: a.dropped.length, version: state.previous.version })}</p>
              <ul>
                {a.dropped.slice(0, 100).map((d) => (
                  <li key={d.code}>
                    {d.label || d.code}: {d.textJa}
                  </li>
                ))}
              </ul>
              <label>
                <input type="checkbox" name="acknowledgeDropped" /> {t("imports.dropped.acknowledge", { count: a.dropped.length })}
              </label>
            </div>
          ) : null}
        </section>
      ) : null}

      <div className="button-row">
        {template ? (
          <button type="submit" name="intent" value="confirm" className="button" disabled={busy}>
            {t("checklists.import.confirm")}
          </button>
        ) : null}
        <Link to="/subcommittee/checklists" className="button secondary">
          {t("checklists.import.cancel")}
        </Link>
      </div>
    </Form>
  );
}
