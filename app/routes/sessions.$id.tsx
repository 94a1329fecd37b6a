import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { can } from "~/auth/capabilities";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { CaseLinks } from "~/cases/ui";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { idParam } from "~/lib/params";
import { safeHref } from "~/lib/url";
import type { Refusal } from "~/scheduling/rules";
import { cancelEnrolment, enrol } from "~/scheduling/scheduling.server";
import { sessionExists, sessionPage } from "~/scheduling/sessions-page.server";
import { DayList } from "~/scheduling/ui";
import { surveyLinkFor } from "~/survey/survey.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.session.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "joinSessions");
  const page = await sessionPage(user, idParam(params.id), resolveLocale(request, user));
  if (!page) throw notFound();
  const survey = can(user, "enrolInSessions")
    ? await surveyLinkFor(user.id, { kind: "session", sessionId: page.session.id }, page.status)
    : null;
  return { ...page, survey };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "enrolInSessions");
  const id = idParam(params.id);
  if (!(await sessionExists(id))) throw notFound();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "enrol") {
    const result = await enrol(user.id, id);
    if (!result.ok) return data({ intent, ok: false as const, reason: result.reason }, { status: 409 });
    return { intent, ok: true as const, status: result.status, place: result.place, overlapsWith: result.overlapsWith };
  }
  if (intent === "cancel") {
    const result = await cancelEnrolment(user.id, id);
    return data({ intent, ok: result.ok }, { status: result.ok ? 200 : 409 });
  }
  return data({ intent: null, ok: false as const }, { status: 400 });
}

export default function SessionPage() {
  const t = useT();
  const format = useFormat();
  const { session: s, isTrainee, status, place, prereq, refusal, overlapsWith, cases, survey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const prereqKey =
    s.prerequisite === "none"
      ? "scheduling.prereq.none"
      : s.track === "practical"
        ? "scheduling.prereq.practical"
        : "scheduling.prereq.basic-group";
  const canEnrol = isTrainee && !refusal;
  return (
    <div className="page">
      <p>
        <Link to="/sessions">{t("scheduling.back")}</Link>
      </p>
      <h1>
        <JaText>{s.title}</JaText>
      </h1>
      <p className="muted">{t(`scheduling.track.${s.track as "practical"}`)}</p>
      {s.cancelled ? (
        <p className="alert alert-error" role="alert">
          {t("scheduling.sessionCancelled", { reason: s.cancelReason })}
        </p>
      ) : null}

      {survey ? (
        <p className="alert alert-info">
          {survey.answered ? t("survey.thanks") : <Link to={`/surveys/${survey.slug}`}>{t("survey.answerLink")}</Link>}
        </p>
      ) : null}
      <div aria-live="polite">
        {result && "reason" in result && result.reason ? (
          <div className="alert alert-error" role="alert">
            <p>
              <strong>{t("scheduling.refusal.title")}</strong>
            </p>
            <p>{t(`scheduling.refusal.${result.reason as Refusal | "not-found"}`)}</p>
          </div>
        ) : null}
        {result && result.intent === "enrol" && result.ok && "status" in result ? (
          <p className="alert alert-success" role="status">
            {result.status === "enrolled"
              ? t("scheduling.result.enrolled")
              : t("scheduling.result.waitlisted", { place: result.place ?? "" })}
          </p>
        ) : null}
        {result && result.intent === "cancel" && result.ok ? (
          <p className="alert alert-success" role="status">
            {t("scheduling.result.cancelled")}
          </p>
        ) : null}
      </div>

      {isTrainee ? (
        <section className="panel" aria-labelledby="my-status">
          <h2 id="my-status">
            {t("scheduling.yourStatus", { status: status ? t(`scheduling.status.${status as "enrolled"}`) : t("scheduling.status.none") })}
          </h2>
          {status === "waitlisted" && place ? <p>{t("scheduling.yourPlace", { place })}</p> : null}
          {overlapsWith.length ? (
            <p className="alert alert-warning" role="note">
              {t("scheduling.overlap", { titles: overlapsWith.join("、") })}
            </p>
          ) : null}
          {refusal && refusal !== "already-enrolled" && refusal !== "already-waitlisted" ? (
            <div className="alert alert-error">
              <p>
                <strong>{t("scheduling.refusal.title")}</strong>
              </p>
              <p>{t(`scheduling.refusal.${refusal}`)}</p>
            </div>
          ) : null}
          <Form method="post" className="inline-form">
            {canEnrol ? (
              <button type="submit" name="intent" value="enrol" className="button" disabled={busy}>
                {s.seats > 0 ? t("scheduling.enrol") : t("scheduling.joinWaitlist")}
              </button>
            ) : null}
            {status === "enrolled" || status === "waitlisted" ? (
              <button type="submit" name="intent" value="cancel" className="button secondary" disabled={busy}>
                {t("scheduling.cancelMine")}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}

      <CaseLinks sessionId={s.id} links={cases} />

      <dl className="facts">
        <dt>{t("scheduling.detail.when")}</dt>
        <dd>
          <DayList days={s.days} />
          <a href={`/sessions/${s.id}/ics`} download>
            {t("scheduling.ics")}
          </a>
        </dd>
        {s.venue ? (
          <>
            <dt>{t("scheduling.detail.where")}</dt>
            <dd>{s.venue}</dd>
          </>
        ) : null}
        {s.onlineUrl ? (
          <>
            <dt>{t("scheduling.detail.online")}</dt>
            <dd>
              {status === "enrolled" ? (
                safeHref(s.onlineUrl) ? (
                  <a href={safeHref(s.onlineUrl)}>{s.onlineUrl}</a>
                ) : (
                  s.onlineUrl
                )
              ) : (
                t("scheduling.online")
              )}
            </dd>
          </>
        ) : null}
        <dt>{t("scheduling.detail.capacity")}</dt>
        <dd>
          {s.capacity} — {s.seats > 0 ? t("scheduling.seatsLeft", { count: s.seats }) : t("scheduling.full", { count: s.waiting })}
        </dd>
        <dt>{t("scheduling.detail.window")}</dt>
        <dd>{t("scheduling.detail.windowValue", { from: format.dateTime(s.opensAt), to: format.dateTime(s.closesAt) })}</dd>
        <dt>{t("scheduling.detail.prerequisite")}</dt>
        <dd>
          {t(prereqKey)}
          {isTrainee && s.prerequisite !== "none" ? ` ${prereq ? t("scheduling.prereq.met") : t("scheduling.prereq.notMet")}` : ""}
        </dd>
        {s.facilitators ? (
          <>
            <dt>{t("scheduling.detail.facilitators")}</dt>
            <dd>{s.facilitators}</dd>
          </>
        ) : null}
        {s.pillars.length ? (
          <>
            <dt>{t("scheduling.detail.pillars")}</dt>
            <dd>{s.pillars.map((p) => t(`training.pillar.${p as "hr"}`)).join("、")}</dd>
          </>
        ) : null}
        {s.goalCodes.length ? (
          <>
            <dt>{t("scheduling.detail.goals")}</dt>
            <dd>{s.goalCodes.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {s.description ? <p className="session-description">{s.description}</p> : null}
    </div>
  );
}
