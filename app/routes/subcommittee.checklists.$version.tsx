import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requireRole } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure, SelectField } from "~/components/forms";
import { loadTemplate } from "~/evaluation/evaluation.server";
import { findTemplate, NotDraftError, publishTemplate, updateDraftItem, YearInUseError } from "~/evaluation/templates.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { parseFiscalYearsInput } from "~/lib/fiscal-year";
import { failure, parseForm } from "~/lib/forms";
import { yearInputError } from "~/lib/year-input";

export const meta: MetaFunction = () => [{ title: "チェックシートの版 | つなぐ" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["EVALUATION_SUBCOMMITTEE"]);
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
  const user = await requireRole(request, ["EVALUATION_SUBCOMMITTEE"]);
  const template = await findTemplate(params.version);
  const formData = await request.formData();
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
  const result = useActionData<typeof action>();
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

      <div className="table-wrap">
        <table>
          <caption>
            {t("checklists.import.previewSummary", {
              categories: template.categories.length,
              items: template.items.length,
            })}
          </caption>
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
    </div>
  );
}
