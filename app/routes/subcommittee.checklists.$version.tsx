import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure, SelectField } from "~/components/forms";
import { loadTemplate } from "~/evaluation/evaluation.server";
import { pillarSchema, setPillar } from "~/evaluation/checklist-import.server";
import { PILLARS } from "~/evaluation/checklist-import";
import { findTemplate, NotDraftError, publishTemplate, updateDraftItem, YearInUseError } from "~/evaluation/templates.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { parseFiscalYearsInput } from "~/lib/fiscal-year";
import { failure, parseForm } from "~/lib/forms";
import { yearInputError } from "~/lib/year-input";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { inLocale } from "~/i18n";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => t("checklists.detail.title", { version: d.template.version }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "manageChecklists");
  const template = await findTemplate(params.version);
  // Status and fiscal years from the row itself: the cached view of a published version keeps only its items current.
  const view = (await loadTemplate(template.id))!;
  return { template: { ...view, status: template.status, fiscalYears: [...template.fiscalYears].sort() }, note: template.note };
}

const publishSchema = z.object({ years: z.string().max(200) });
const editSchema = z.object({
  code: z.string().min(1),
  textJa: z.string().trim().min(1).max(1000),
  textEn: z.string().trim().max(1000),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "manageChecklists");
  const template = await findTemplate(params.version);
  const formData = await request.formData();
  if (formData.get("intent") === "pillar") {
    const [target, code] = String(formData.get("target") ?? "").split(":");
    const parsed = pillarSchema.safeParse({ target, code, pillar: formData.get("pillar") ?? "" });
    if (!parsed.success) return data({ intent: "pillar" as const, pillarCount: -1 }, { status: 400 });
    const count = await setPillar(user, template.id, parsed.data);
    return { intent: "pillar" as const, pillarCount: count };
  }
  if (formData.get("intent") === "publish") {
    const parsed = parseForm(publishSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent: "publish" as const }, { status: 400 });
    // 令和 or Western years, read by the one parser (app/lib/fiscal-year.ts); the page says what it understood.
    const read = parseFiscalYearsInput(parsed.data.years);
    if (!read.ok) return data({ ...failure({ years: [yearInputError(read)] }, formData), intent: "publish" as const }, { status: 400 });
    const years = read.years;
    try {
      await publishTemplate(template.id, years, user.id);
      return { ok: true as const, intent: "publish" as const, years };
    } catch (error) {
      if (error instanceof YearInUseError)
        return data(
          {
            ...failure(
              {
                years: [
                  {
                    key: "checklists.publish.inUse",
                    params: { year: error.year },
                  },
                ],
              },
              formData,
            ),
            intent: "publish" as const,
          },
          { status: 409 },
        );
      throw error;
    }
  }
  const parsed = parseForm(editSchema, formData);
  if (!parsed.ok) return data({ ...parsed, intent: "edit" as const }, { status: 400 });
  try {
    await updateDraftItem(template.id, parsed.data.code, { textJa: parsed.data.textJa, textEn: parsed.data.textEn }, user.id);
    return { ok: true as const, intent: "edit" as const };
  } catch (error) {
    if (error instanceof NotDraftError)
      return data(
        {
          ...failure({}, formData, { key: "checklists.publishedNote" }),
          intent: "edit" as const,
        },
        { status: 409 },
      );
    throw error;
  }
}

export default function ChecklistVersion() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { template, note } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pillarResult = actionData && "pillarCount" in actionData ? { pillarCount: Number(actionData.pillarCount ?? -1) } : undefined;
  const result = pillarResult ? undefined : actionData;
  const [search] = useSearchParams();
  const failed = isFailure(result) ? result : undefined;
  const [editCode, setEditCode] = useState(template.items[0]?.code ?? "");
  const editing = template.items.find((i) => i.code === editCode);
  return (
    <div className="page">
      <p>
        <Link to="/subcommittee/checklists">← {t("checklists.back")}</Link>
      </p>
      <h1>{t("checklists.detail.title", { version: template.version })}</h1>
      <p className="muted">
        {t(`checklists.status.${template.status}`)}
        {template.fiscalYears.length ? ` · ${template.fiscalYears.map((y) => format.fiscalYear(y)).join("、")}` : ""}
        {note ? ` · ${note}` : ""}
      </p>
      {search.get("imported") ? (
        <p className="alert alert-success" role="status">
          {t("checklists.import.saved", { version: template.version })}
        </p>
      ) : null}
      {result && !failed ? (
        <p className="alert alert-success" role="status">
          {result.intent === "publish" ? t("checklists.publish.done") : t("checklists.edit.done")}
          {"years" in result && result.years
            ? ` ${t("years.understood", { years: result.years.map((y) => `${format.fiscalYear(y)}（${y}）`).join("、") })}`
            : null}
        </p>
      ) : null}
      {template.status === "PUBLISHED" ? <p className="alert alert-success">{t("checklists.publishedNote")}</p> : null}

      <section className="panel" aria-labelledby="publish-title">
        <h2 id="publish-title">{t("checklists.publish.title")}</h2>
        {failed && result?.intent === "publish" ? <FormErrorSummary result={failed} /> : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <Field
            label={t("checklists.publish.years")}
            name="years"
            placeholder="2027, 令和10"
            defaultValue={failed?.values?.years ?? ""}
            errors={result?.intent === "publish" ? failed?.fieldErrors.years : undefined}
          />
          <button type="submit" className="button">
            {t("checklists.publish.button")}
          </button>
        </Form>
      </section>

      {template.status === "DRAFT" && editing ? (
        <section className="panel" aria-labelledby="edit-title">
          <h2 id="edit-title">{t("checklists.edit.title")}</h2>
          {failed && result?.intent === "edit" ? <FormErrorSummary result={failed} /> : null}
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="edit" />
            <SelectField label={t("checklists.edit.item")} name="code" value={editCode} onChange={(e) => setEditCode(e.target.value)}>
              {template.items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code}
                </option>
              ))}
            </SelectField>
            <Field
              key={`ja-${editCode}`}
              label={t("checklists.edit.textJa")}
              name="textJa"
              defaultValue={editing.textJa}
              required
              errors={failed?.fieldErrors.textJa}
            />
            <Field
              key={`en-${editCode}`}
              label={t("checklists.edit.textEn")}
              name="textEn"
              defaultValue={editing.textEn}
              errors={failed?.fieldErrors.textEn}
            />
            <p>
              <button type="submit" className="button secondary">
                {t("checklists.edit.save")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="pillar-title">
        <h2 id="pillar-title">{t("imports.pillar.title")}</h2>
        <p className="hint">{t("imports.pillar.lead")}</p>
        {pillarResult ? (
          <p
            className={pillarResult.pillarCount >= 0 ? "alert alert-success" : "alert alert-error"}
            role={pillarResult.pillarCount >= 0 ? "status" : "alert"}
          >
            {pillarResult.pillarCount >= 0 ? t("imports.pillar.done", { count: pillarResult.pillarCount }) : t("imports.pillar.bad")}
          </p>
        ) : null}
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="pillar" />
          <div className="field">
            <label htmlFor="pillar-target">{t("imports.pillar.target")}</label>
            <select id="pillar-target" name="target">
              {template.categories.map((c) => (
                <option key={`c-${c.code}`} value={`category:${c.code}`}>
                  {t("imports.pillar.category", { name: locale === "en" ? c.nameEn : c.nameJa })}
                </option>
              ))}
              {template.items.map((i) => (
                <option key={`i-${i.code}`} value={`item:${i.code}`}>
                  {t("imports.pillar.item", { label: `${i.label || i.code} ${i.textJa.slice(0, 30)}` })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pillar-value">{t("imports.pillar.value")}</label>
            <select id="pillar-value" name="pillar">
              <option value="">{t("imports.pillar.none")}</option>
              {PILLARS.map((p) => (
                <option key={p} value={p}>
                  {t(`evaluation.pillar.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {t("imports.pillar.save")}
          </button>
        </Form>
      </section>

      <DataTable
        caption={t("checklists.import.previewSummary", {
          categories: template.categories.length,
          items: template.items.length,
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t("checklists.col.code")}</th>
            <th scope="col">{t("evaluation.results.category")}</th>
            <th scope="col">{t("checklists.col.text")}</th>
            <th scope="col">{t("checklists.col.pillar")}</th>
          </tr>
        </thead>
        <tbody>
          {template.items.map((item) => {
            const c = template.categories.find((x) => x.code === item.categoryCode);
            return (
              <tr key={item.code}>
                <td>
                  {item.label ? (
                    <>
                      {item.label} <span className="muted">({item.code})</span>
                    </>
                  ) : (
                    item.code
                  )}
                </td>
                <td>{locale === "en" ? c?.nameEn : c?.nameJa}</td>
                <td className="preserve-lines">{inLocale(locale, item.textJa, item.textEn)}</td>
                <td>{item.pillar ? t(`evaluation.pillar.${item.pillar}`) : t("imports.pillarLater")}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </div>
  );
}
