import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { MeetingFields } from "~/cycle/meeting-fields";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { forbidden, notFound, requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, TextareaField } from "~/components/forms";
import {
  addTopic,
  changeMeeting,
  meetingPage,
  moveTopic,
  recordAttendance,
  registerForMeeting,
  removeTopic,
  saveTopicNotes,
} from "~/cycle/meetings.server";
import { checkHeadCount } from "~/cycle/registration";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, failureFor, parseForm } from "~/lib/forms";
import { intentFailure } from "~/lib/action-result.server";
import { parseJstDate } from "~/lib/jst";
import { idParam } from "~/lib/params";
import { optionalHttpUrl, safeHref } from "~/lib/url";
import { dataMeta } from "~/lib/meta";
import { ProposedTopic } from "./proposed-topic";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.meeting.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "attendMeetings");
  return meetingPage(user, idParam(params.meetingId));
}

const registerSchema = z.object({
  attendeeNames: z.string().trim().min(1).max(1000),
  attendeeCount: z.coerce.number().int().min(1).max(20),
  attendeeNote: z.string().trim().max(300).default(""),
});
const topicRefSchema = z.object({ topicId: z.coerce.number().int(), direction: z.enum(["up", "down"]).optional() });
const changeSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.required"),
    time: z.string().regex(/^\d{2}:\d{2}$/, "validation.required"),
    venue: z.string().trim().max(300).default(""),
    onlineUrl: optionalHttpUrl.default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.venue && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["venue"], message: "cycle.meetings.error.where" });
  });
const attendanceSchema = z.object({
  registrationId: z.coerce.number().int(),
  attended: z.string().optional(),
  attendedCount: z.coerce.number().int().min(0).max(50),
});
const topicSchema = z.object({
  itemCode: z.string().trim().min(1).max(20),
  kind: z.enum(["WEAK", "GOOD_PRACTICE"]),
  title: z.string().trim().max(300).default(""),
});
const notesSchema = z.object({ topicId: z.coerce.number().int(), notes: z.string().max(10000) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "attendMeetings");
  const meetingId = idParam(params.meetingId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/meetings/${meetingId}`;
  if (intent === "register") {
    const parsed = parseForm(registerSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    // The count must add up with the names (app/cycle/registration.ts).
    const check = checkHeadCount(parsed.data.attendeeNames, parsed.data.attendeeCount, parsed.data.attendeeNote);
    if (!check.ok) {
      const message =
        check.reason === "fewerThanNames"
          ? { key: "registration.fewerThanNames" as const, params: { count: parsed.data.attendeeCount, names: check.names } }
          : { key: "registration.unexplained" as const, params: { count: parsed.data.attendeeCount, names: check.names } };
      return intentFailure(intent, failure({ attendeeCount: [message] }, formData));
    }
    const done = await registerForMeeting(user, meetingId, parsed.data);
    if (!done.ok) {
      if (done.reason === "notFound") throw notFound();
      if (done.reason === "notManager") throw forbidden();
      const key = done.reason === "past" ? "hardening.meetingClosed" : "hardening.meetingNotYours";
      return intentFailure(intent, { ok: false, fieldErrors: {}, formError: { key } }, {}, 403);
    }
    return redirect(`${back}?registered=1`);
  }
  // Every other intent is the subcommittee's (or an administrator's): the capability refuses anyone else.
  if (intent === "attendance") {
    const parsed = parseForm(attendanceSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    await recordAttendance(user, meetingId, { ...parsed.data, attended: !!parsed.data.attended });
    return redirect(`${back}?saved=1`);
  }
  if (intent === "addTopic") {
    const parsed = parseForm(topicSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    const added = await addTopic(user, meetingId, parsed.data);
    if (!added.ok)
      return intentFailure(intent, failure({}, formData, { key: "agenda.duplicate", params: { code: parsed.data.itemCode } }), {}, 409);
    return redirect(`${back}?saved=1#agenda`);
  }
  if (intent === "removeTopic" || intent === "moveTopic") {
    const parsed = parseForm(topicRefSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    const done =
      intent === "removeTopic"
        ? await removeTopic(user, meetingId, parsed.data.topicId)
        : await moveTopic(user, meetingId, parsed.data.topicId, parsed.data.direction ?? "up");
    if (!done) throw notFound();
    return redirect(`${back}?saved=1#agenda`);
  }
  if (intent === "change") {
    const parsed = parseForm(changeSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    const v = parsed.data;
    const startsAt = parseJstDate(v.date, v.time);
    if (!startsAt) return intentFailure(intent, failure({ date: [{ key: "validation.invalid" }] }, formData));
    if (!(await changeMeeting(user, meetingId, { title: v.title, startsAt, venue: v.venue, onlineUrl: v.onlineUrl }))) throw notFound();
    return redirect(`${back}?saved=1`);
  }
  if (intent === "notes") {
    const parsed = parseForm(notesSchema, formData);
    if (!parsed.ok) return intentFailure(intent, parsed);
    const topicId = await saveTopicNotes(user, meetingId, parsed.data);
    return redirect(`${back}?saved=1#topic-${topicId}`);
  }
  return intentFailure("unknown", { ok: false, fieldErrors: {} });
}

export default function MeetingPage() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { meeting, manage, canRegister, own, registrations, totals, topics, proposal, onAgenda, edit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const text = (x: { textJa: string; textEn: string }) => (locale === "en" ? x.textEn : x.textJa);
  const reg = failureFor(result, "register");
  const added = (code: string) => onAgenda.includes(code);
  const agendaError = failureFor(result, "addTopic");
  const changing = failureFor(result, "change");
  return (
    <div className="page meeting">
      <p>
        <Link to={`/meetings?year=${meeting.fiscalYear}`}>← {t("cycle.meetings.title")}</Link>
      </p>
      <h1>
        <JaText>{meeting.title}</JaText>
      </h1>
      <dl className="plan-item-fields">
        <dt>{t("cycle.meetings.col.when")}</dt>
        <dd>{format.dateTime(meeting.startsAt)}</dd>
        <dt>{t("cycle.meetings.col.scope")}</dt>
        <dd>{meeting.scope === "CITY" ? t("cycle.allWards") : locale === "en" ? meeting.wardEn : meeting.wardJa}</dd>
        {meeting.venue ? (
          <>
            <dt>{t("cycle.meetings.field.venue")}</dt>
            <dd>{meeting.venue}</dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{t("cycle.meetings.field.onlineUrl")}</dt>
            <dd>{safeHref(meeting.onlineUrl) ? <a href={safeHref(meeting.onlineUrl)}>{meeting.onlineUrl}</a> : meeting.onlineUrl}</dd>
          </>
        ) : null}
        <dt>{t("cycle.meetings.col.registered")}</dt>
        <dd>{t("cycle.meetings.officesPeople", { offices: totals.offices, people: totals.people })}</dd>
        <dt>{t("cycle.meetings.col.attended")}</dt>
        <dd>{t("cycle.meetings.officesPeople", { offices: totals.attendedOffices, people: totals.attendedPeople })}</dd>
      </dl>
      {params.get("registered") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.meetings.registeredNotice")}
        </p>
      ) : null}
      {params.get("saved") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.plan.saved")}
        </p>
      ) : null}

      {canRegister && !meeting.past ? (
        <section className="panel" aria-labelledby="register-heading">
          <h2 id="register-heading">{own ? t("cycle.meetings.changeRegistration") : t("cycle.meetings.register")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="register" />
            <FormErrorSummary result={reg} />
            <TextareaField
              label={t("cycle.meetings.field.attendeeNames")}
              name="attendeeNames"
              rows={2}
              defaultValue={reg?.values?.attendeeNames ?? own?.attendeeNames ?? ""}
              errors={reg?.fieldErrors.attendeeNames}
              required
            />
            <Field
              label={t("cycle.meetings.field.attendeeCount")}
              name="attendeeCount"
              type="number"
              min={1}
              max={20}
              defaultValue={reg?.values?.attendeeCount ?? own?.attendeeCount ?? 1}
              errors={reg?.fieldErrors.attendeeCount}
              required
            />
            <Field
              label={t("registration.note")}
              name="attendeeNote"
              hint={t("registration.noteHint")}
              defaultValue={reg?.values?.attendeeNote ?? own?.attendeeNote ?? ""}
            />
            <button type="submit" className="button">
              {t("cycle.meetings.registerButton")}
            </button>
          </Form>
        </section>
      ) : own ? (
        <p>{t("cycle.meetings.youRegistered", { count: own.attendeeCount })}</p>
      ) : null}

      <section id="agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("cycle.meetings.agenda")}</h2>
        {topics.length === 0 ? <p className="muted">{t("cycle.meetings.noTopics")}</p> : null}
        {agendaError ? <FormErrorSummary result={agendaError} /> : null}
        {topics.map((tp, index) => (
          <article key={tp.id} id={`topic-${tp.id}`} className="card">
            <h3>
              <JaText>{tp.title || tp.itemCodes.map((c) => c.code).join(", ")}</JaText>{" "}
              <span className="badge">{t(`cycle.topicKind.${tp.kind}`)}</span>
            </h3>
            <ul className="plain-list">
              {tp.itemCodes.map((c) => (
                <li key={c.code}>
                  <strong>{c.code}</strong> {text(c)}
                </li>
              ))}
            </ul>
            {manage ? (
              <div className="button-row">
                {(["up", "down"] as const).map((direction) =>
                  (direction === "up" ? index > 0 : index < topics.length - 1) ? (
                    <Form method="post" key={direction}>
                      <input type="hidden" name="intent" value="moveTopic" />
                      <input type="hidden" name="topicId" value={tp.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <button
                        type="submit"
                        className="button small secondary"
                        aria-label={t(direction === "up" ? "agenda.upLabel" : "agenda.downLabel", {
                          topic: tp.title || tp.itemCodes[0]?.code || "",
                        })}
                      >
                        {t(direction === "up" ? "agenda.up" : "agenda.down")}
                      </button>
                    </Form>
                  ) : null,
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="removeTopic" />
                  <input type="hidden" name="topicId" value={tp.id} />
                  <button
                    type="submit"
                    className="button small secondary"
                    aria-label={t("agenda.removeLabel", { topic: tp.title || tp.itemCodes[0]?.code || "" })}
                  >
                    {t("agenda.remove")}
                  </button>
                </Form>
              </div>
            ) : null}
            {manage ? (
              <Form method="post">
                <input type="hidden" name="intent" value="notes" />
                <input type="hidden" name="topicId" value={tp.id} />
                <TextareaField label={t("cycle.meetings.notes")} name="notes" rows={3} defaultValue={tp.notes ?? ""} />
                <button type="submit" className="button small">
                  {t("cycle.meetings.saveNotes")}
                </button>
              </Form>
            ) : tp.notes !== null ? (
              <>
                <h4>{t("cycle.meetings.notes")}</h4>
                <p className="prewrap">
                  <JaText>{tp.notes || t("cycle.meetings.noNotes")}</JaText>
                </p>
              </>
            ) : (
              <p className="muted">{t("cycle.meetings.notesForParticipants")}</p>
            )}
          </article>
        ))}
      </section>

      {proposal ? (
        <section className="panel" aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">{t("cycle.meetings.proposal")}</h2>
          {proposal.sourceYear === null ? (
            <p className="muted">{t("cycle.meetings.noProposal")}</p>
          ) : (
            <>
              <p className="hint">{t("cycle.meetings.proposalHint", { year: format.fiscalYear(proposal.sourceYear) })}</p>
              <h3>{t("cycle.topicKind.WEAK")}</h3>
              <ul className="plain-list proposal-list">
                {proposal.weak.map((w) => (
                  <ProposedTopic key={w.code} kind="WEAK" code={w.code} text={text(w)} added={added(w.code)}>
                    {t("cycle.meetings.weakStat", { average: w.average.toFixed(2), low: w.low, rated: w.rated })}
                  </ProposedTopic>
                ))}
              </ul>
              <h3>{t("cycle.topicKind.GOOD_PRACTICE")}</h3>
              <ul className="plain-list proposal-list">
                {proposal.goodPractice.map((g) => (
                  <ProposedTopic key={g.code} kind="GOOD_PRACTICE" code={g.code} text={text(g)} added={added(g.code)}>
                    {t("cycle.meetings.goodStat", {
                      high: g.highCount,
                      named: g.namedOffices.join("、") || "—",
                      unnamed: g.unnamedCount,
                    })}
                  </ProposedTopic>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {edit ? (
        <section className="panel" aria-labelledby="change-heading">
          <h2 id="change-heading">{t("meetingChange.title")}</h2>
          <p className="hint">{t("meetingChange.hint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="change" />
            <FormErrorSummary result={changing} />
            <MeetingFields failed={changing} initial={edit} />
            <button type="submit" className="button">
              {t("meetingChange.button")}
            </button>
          </Form>
        </section>
      ) : null}

      {manage ? (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t("cycle.meetings.attendance")}</h2>
          {registrations.length === 0 ? (
            <p className="muted">{t("cycle.meetings.noRegistrations")}</p>
          ) : (
            <DataTable caption={t("cycle.meetings.attendance")}>
              <thead>
                <tr>
                  <th scope="col">{t("cycle.col.office")}</th>
                  <th scope="col">{t("cycle.meetings.field.attendeeNames")}</th>
                  <th scope="col" className="num">
                    {t("cycle.meetings.field.attendeeCount")}
                  </th>
                  <th scope="col">{t("cycle.meetings.col.attended")}</th>
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <JaText>{r.officeName}</JaText>
                    </td>
                    <td className="prewrap">
                      <JaText>{r.attendeeNames}</JaText>
                    </td>
                    <td className="num">{r.attendeeCount}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="attendance" />
                        <input type="hidden" name="registrationId" value={r.id} />
                        <label className="checkbox">
                          <input type="checkbox" name="attended" value="1" defaultChecked={r.attended} />{" "}
                          {t("cycle.meetings.attendedLabel", { office: r.officeName })}
                        </label>
                        <label>
                          <span className="visually-hidden">{t("cycle.meetings.attendedCountLabel", { office: r.officeName })}</span>
                          <input
                            type="number"
                            name="attendedCount"
                            min={0}
                            max={50}
                            defaultValue={r.attended ? r.attendedCount : r.attendeeCount}
                            className="narrow-number"
                          />
                        </label>
                        <button type="submit" className="button small secondary">
                          {t("common.save")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : null}
    </div>
  );
}
