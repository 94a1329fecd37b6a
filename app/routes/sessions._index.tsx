import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/capabilities";
import { requireCapability } from "~/auth/permissions.server";
import { getEnv } from "~/env.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { claimOnDemandCertificate, createFeedToken, revokeFeedTokens } from "~/scheduling/scheduling.server";
import { sessionsPage } from "~/scheduling/sessions-page.server";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now as clockNow } from "~/lib/clock";
import { DayList } from "~/scheduling/ui";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("scheduling.sessions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "joinSessions");
  return sessionsPage(user, resolveLocale(request, user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "joinSessions");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "feed-create") {
    const token = await createFeedToken(user.id);
    const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
    return { intent, url: `${origin}/calendar/${token}.ics`, serial: null };
  }
  if (intent === "claim-ondemand") {
    const out = can(user, "enrolInSessions") ? await claimOnDemandCertificate(user.id, fiscalYearOf(clockNow())) : null;
    return out?.ok ? { intent, url: null, serial: out.certificate.serial } : data({ intent, url: null, serial: null }, { status: 409 });
  }
  if (intent === "feed-revoke") {
    await revokeFeedTokens(user.id);
    return { intent, url: null, serial: null };
  }
  return { intent: null, url: null, serial: null };
}

type ListedSession = ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number];

/** For a trainee: whether the session can be taken, and if not, why; for a missing prerequisite, what and where. */
function Eligibility({ s, isTrainee }: { s: ListedSession; isTrainee: boolean }) {
  const t = useT();
  const format = useFormat();
  // Enrolled, on the waitlist or cancelled: the status already says it.
  if (!isTrainee || s.refusal === "already-enrolled" || s.refusal === "already-waitlisted" || s.cancelled) return null;
  if (s.refusal === null)
    return (
      <p className="eligibility">
        <Link to={`/sessions/${s.id}`}>{t("usability.sessions.canEnrol")}</Link>
      </p>
    );
  return (
    <p className="eligibility">
      {s.missing
        ? t(`usability.sessions.needs.${s.missing.need}`, { year: format.fiscalYear(s.missing.fiscalYear) })
        : t(`scheduling.refusal.${s.refusal}`)}
      {s.missing?.href ? (
        <>
          {" "}
          <Link to={s.missing.href}>{t(`usability.sessions.go.${s.missing.need}`)}</Link>
        </>
      ) : null}
    </p>
  );
}

export default function Sessions() {
  const t = useT();
  const format = useFormat();
  const { sessions, isTrainee, mine, certificates, feedCreatedAt, onDemandClaimable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("scheduling.sessions.title")}</h1>
      <p>{t("scheduling.sessions.intro")}</p>

      {mine.length ? (
        <section className="panel" aria-labelledby="my-sessions">
          <h2 id="my-sessions">{t("scheduling.mine.title")}</h2>
          <ul className="card-list">
            {mine.map((m) => (
              <li key={m.id} className="card">
                <h3>
                  <Link to={`/sessions/${m.id}`}>
                    <JaText>{m.title}</JaText>
                  </Link>
                </h3>
                <p>
                  <span className={`badge badge-${m.status}`}>
                    {m.cancelled ? t("scheduling.status.sessionCancelled") : t(`scheduling.status.${m.status as "enrolled"}`)}
                  </span>
                </p>
                {m.myPlace ? <p>{t("scheduling.waitlistPlace", { place: m.myPlace })}</p> : null}
                <DayList days={m.days} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t("scheduling.sessions.caption")}</h2>
        {sessions.length === 0 ? (
          <p>{t("scheduling.sessions.none")}</p>
        ) : (
          <DataTable caption={t("scheduling.sessions.caption")} captionHidden tableClassName="sessions-table">
            <thead>
              <tr>
                <th scope="col">{t("scheduling.col.title")}</th>
                <th scope="col">{t("scheduling.col.dates")}</th>
                <th scope="col">{t("scheduling.col.place")}</th>
                <th scope="col">{t("scheduling.col.seats")}</th>
                <th scope="col">{t("scheduling.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/sessions/${s.id}`}>
                      <JaText>{s.title}</JaText>
                    </Link>
                    <br />
                    <span className="muted small">{t(`scheduling.track.${s.track as "practical"}`)}</span>
                  </th>
                  <td>
                    <DayList days={s.days} />
                  </td>
                  <td>{[s.place, s.online ? t("scheduling.online") : null].filter(Boolean).join(" / ")}</td>
                  <td>
                    {s.cancelled
                      ? t("scheduling.status.sessionCancelled")
                      : s.seats > 0
                        ? t("scheduling.seatsLeft", { count: s.seats })
                        : t("scheduling.full", { count: s.waiting })}
                  </td>
                  <td>
                    {s.mine ? t(`scheduling.status.${s.mine as "enrolled"}`) : t("scheduling.status.none")}
                    {s.myPlace ? ` (${t("scheduling.waitlistPlace", { place: s.myPlace })})` : ""}
                    <Eligibility s={s} isTrainee={isTrainee} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section className="panel" aria-labelledby="certificates">
        <h2 id="certificates">{t("scheduling.certs.title")}</h2>
        {result?.intent === "claim-ondemand" ? (
          result.serial ? (
            <p className="alert alert-success" role="status">
              {t("trust.ondemand.issued", { serial: result.serial })}
            </p>
          ) : (
            <p className="alert alert-error" role="alert">
              {t("trust.ondemand.refused")}
            </p>
          )
        ) : null}
        {onDemandClaimable ? (
          <Form method="post" className="inline-form">
            <p>{t("trust.ondemand.ready", { year: format.fiscalYear(onDemandClaimable) })}</p>
            <button type="submit" name="intent" value="claim-ondemand" className="button">
              {t("trust.ondemand.claim")}
            </button>
          </Form>
        ) : null}
        {certificates.length === 0 ? (
          <p>{t("scheduling.certs.none")}</p>
        ) : (
          <ul className="plain-list">
            {certificates.map((c) => (
              <li key={c.id}>
                {format.fiscalYear(c.fiscalYear)} {t(`scheduling.track.${c.track as "practical"}`)} —{" "}
                {c.revoked ? (
                  <span>{t("scheduling.certs.revoked")}</span>
                ) : (
                  <a href={`/certificates/${c.id}`} download>
                    {t("scheduling.certs.download", { serial: c.serial })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="calendar-feed">
        <h2 id="calendar-feed">{t("scheduling.feed.title")}</h2>
        <p>{t("scheduling.feed.intro")}</p>
        {result?.intent === "feed-create" && result.url ? (
          <div className="alert alert-success" role="status">
            <p>{t("scheduling.feed.created")}</p>
            <label htmlFor="feed-url">{t("scheduling.feed.label")}</label>
            <input id="feed-url" className="feed-url" readOnly value={result.url} />
          </div>
        ) : result?.intent === "feed-revoke" ? (
          <p className="alert alert-success" role="status">
            {t("scheduling.feed.revoked")}
          </p>
        ) : null}
        <p>{feedCreatedAt ? t("scheduling.feed.active", { date: format.date(feedCreatedAt) }) : t("scheduling.feed.noneActive")}</p>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="feed-create" className="button">
            {feedCreatedAt ? t("scheduling.feed.recreate") : t("scheduling.feed.create")}
          </button>
          {feedCreatedAt ? (
            <button type="submit" name="intent" value="feed-revoke" className="button secondary">
              {t("scheduling.feed.revoke")}
            </button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
