import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { MeetingFields } from "~/cycle/meeting-fields";
import { FormKey } from "~/components/form-key";
import { formKeyOf } from "~/lib/form-key.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCapability } from "~/auth/permissions.server";
import { FormErrorSummary, isFailure, SelectField } from "~/components/forms";
import { meetingsPage, scheduleMeetingAs } from "~/cycle/meetings.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { optionalHttpUrl } from "~/lib/url";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now } from "~/lib/clock";
import { parseJstDate } from "~/lib/jst";
import { fiscalYearSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("cycle.meetings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "attendMeetings");
  const current = fiscalYearOf(now());
  const fiscalYear = fiscalYearSearch(request, current);
  return { fiscalYear, current, ...(await meetingsPage(user, fiscalYear)) };
}

const scheduleSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    scope: z.enum(["CITY", "WARD"]),
    wardId: z.string().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.required"),
    time: z.string().regex(/^\d{2}:\d{2}$/, "validation.required"),
    venue: z.string().trim().max(300).default(""),
    onlineUrl: optionalHttpUrl.default(""),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "WARD" && !v.wardId) ctx.addIssue({ code: "custom", path: ["wardId"], message: "validation.choose" });
    if (!v.venue && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["venue"], message: "cycle.meetings.error.where" });
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "scheduleMeetings");
  const formData = await request.formData();
  const parsed = parseForm(scheduleSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const v = parsed.data;
  const startsAt = parseJstDate(v.date, v.time);
  if (!startsAt) return data(failure({ date: [{ key: "validation.invalid" }] }, formData), { status: 400 });
  const input = {
    scope: v.scope,
    wardId: v.scope === "WARD" ? Number(v.wardId) || null : null,
    title: v.title,
    startsAt,
    venue: v.venue,
    onlineUrl: v.onlineUrl,
  };
  const scheduled = await scheduleMeetingAs(user, input, formKeyOf(formData));
  if (!scheduled.ok) return data(failure({ wardId: [{ key: "validation.choose" }] }, formData), { status: 400 });
  return redirect(scheduled.meeting ? `/meetings/${scheduled.meeting.id}` : "/meetings");
}

export default function Meetings() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { fiscalYear, current, meetings, wards, canSchedule } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFailure(result) ? result : undefined;
  return (
    <div className="page">
      <h1>{t("cycle.meetings.title")}</h1>
      <p>{t("cycle.meetings.lead")}</p>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="year">{t("cycle.fiscalYear")}</label>
          <select id="year" name="year" defaultValue={fiscalYear}>
            {[1, 0, -1, -2, -3].map((k) => (
              <option key={k} value={current + k}>
                {format.fiscalYear(current + k)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("cycle.show")}
        </button>
      </Form>
      {meetings.length === 0 ? (
        <p>{t("cycle.meetings.none")}</p>
      ) : (
        <DataTable
          caption={
            <>
              {t("cycle.meetings.title")} ({format.fiscalYear(fiscalYear)})
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">{t("cycle.meetings.col.title")}</th>
              <th scope="col">{t("cycle.meetings.col.when")}</th>
              <th scope="col">{t("cycle.meetings.col.scope")}</th>
              <th scope="col" className="num">
                {t("cycle.meetings.col.registered")}
              </th>
              <th scope="col" className="num">
                {t("cycle.meetings.col.attended")}
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/meetings/${m.id}`}>
                    <JaText>{m.title}</JaText>
                  </Link>
                </td>
                <td>{format.dateTime(m.startsAt)}</td>
                <td>{m.scope === "CITY" ? t("cycle.allWards") : locale === "en" ? m.wardEn : m.wardJa}</td>
                <td className="num">{t("cycle.meetings.officesPeople", { offices: m.registeredOffices, people: m.registeredPeople })}</td>
                <td className="num">{t("cycle.meetings.officesPeople", { offices: m.attendedOffices, people: m.attendedPeople })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("cycle.col.total")}
              </th>
              <td className="num">
                {t("cycle.meetings.officesPeople", {
                  offices: meetings.reduce((n, m) => n + m.registeredOffices, 0),
                  people: meetings.reduce((n, m) => n + m.registeredPeople, 0),
                })}
              </td>
              <td className="num">
                {t("cycle.meetings.officesPeople", {
                  offices: meetings.reduce((n, m) => n + m.attendedOffices, 0),
                  people: meetings.reduce((n, m) => n + m.attendedPeople, 0),
                })}
              </td>
            </tr>
          </tfoot>
        </DataTable>
      )}
      {canSchedule ? (
        <section className="panel" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{t("cycle.meetings.schedule")}</h2>
          <Form method="post">
            <FormKey />
            <FormErrorSummary result={failed} />
            <MeetingFields failed={failed} initial={{ title: "", date: "", time: "14:00", venue: "", onlineUrl: "" }}>
              <SelectField
                label={t("cycle.meetings.field.scope")}
                name="scope"
                defaultValue={failed?.values?.scope ?? "CITY"}
                errors={failed?.fieldErrors.scope}
              >
                <option value="CITY">{t("cycle.allWards")}</option>
                <option value="WARD">{t("cycle.meetings.scopeWard")}</option>
              </SelectField>
              <SelectField
                label={t("cycle.ward")}
                name="wardId"
                defaultValue={failed?.values?.wardId ?? ""}
                errors={failed?.fieldErrors.wardId}
              >
                <option value="">{t("common.choose")}</option>
                {wards.map((w) => (
                  <option key={w.id} value={w.id}>
                    {locale === "en" ? w.nameEn : w.nameJa}
                  </option>
                ))}
              </SelectField>
            </MeetingFields>
            <button type="submit" className="button">
              {t("cycle.meetings.scheduleButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
