import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { seatsLeft, waitlistPlace } from "~/scheduling/rules";
import {
  createFeedToken,
  ensureCertificates,
  revokeFeedTokens,
  sessionCounts,
  sessionInclude,
  sessionTitle,
} from "~/scheduling/scheduling.server";
import { DayList } from "~/scheduling/ui";

export const meta: MetaFunction = () => [{ title: "集合研修・実践研修 / Sessions – つなぐ" }];

const ROLES = ["TRAINEE", "PLANNING_COMMITTEE"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const locale = resolveLocale(request, user);
  const now = new Date();
  if (user.roles.includes("TRAINEE")) await ensureCertificates(user.id, fiscalYearOf(now));
  const sessions = await prisma.trainingSession.findMany({
    where: { days: { some: { endsAt: { gte: now } } } },
    include: sessionInclude,
  });
  sessions.sort((a, b) => (a.days[0]?.startsAt.getTime() ?? 0) - (b.days[0]?.startsAt.getTime() ?? 0));
  const [counts, mine, certificates, feed] = await Promise.all([
    sessionCounts(sessions.map((s) => s.id)),
    prisma.sessionEnrollment.findMany({
      where: { userId: user.id },
      include: { session: { include: sessionInclude } },
      orderBy: { queuedAt: "desc" },
    }),
    prisma.certificate.findMany({ where: { userId: user.id }, orderBy: [{ fiscalYear: "desc" }, { issuedAt: "desc" }] }),
    prisma.calendarFeedToken.findFirst({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  const status = new Map(mine.map((e) => [e.sessionId, e.status]));
  // The trainee's place on each waitlist they are on.
  const waiting = mine.filter((e) => e.status === "waitlisted");
  const queues = waiting.length
    ? await prisma.sessionEnrollment.findMany({
        where: { sessionId: { in: waiting.map((e) => e.sessionId) }, status: "waitlisted" },
        select: { id: true, sessionId: true, queuedAt: true },
      })
    : [];
  const places = new Map(
    waiting.map((e) => [
      e.sessionId,
      waitlistPlace(
        queues.filter((q) => q.sessionId === e.sessionId),
        e.id,
      ),
    ]),
  );
  return {
    sessions: sessions.map((s) => {
      const c = counts.get(s.id)!;
      return {
        id: s.id,
        title: sessionTitle(s, locale),
        track: s.track,
        cancelled: s.status === "cancelled",
        days: s.days,
        place: s.venue || null,
        online: !!s.onlineUrl,
        seats: seatsLeft(s.capacity, c.enrolled),
        waiting: c.waitlisted,
        mine: status.get(s.id) ?? null,
        myPlace: places.get(s.id) ?? null,
      };
    }),
    mine: mine
      .filter((e) => e.status !== "cancelled")
      .map((e) => ({
        id: e.sessionId,
        title: sessionTitle(e.session, locale),
        status: e.status,
        myPlace: places.get(e.sessionId) ?? null,
        days: e.session.days,
        cancelled: e.session.status === "cancelled",
      })),
    certificates: certificates.map((c) => ({
      id: c.id,
      track: c.track,
      fiscalYear: c.fiscalYear,
      serial: c.serial,
      revoked: !!c.revokedAt,
      issuedAt: c.issuedAt,
    })),
    feedCreatedAt: feed?.createdAt ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "feed-create") {
    const token = await createFeedToken(user.id);
    const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
    return { intent, url: `${origin}/calendar/${token}.ics` };
  }
  if (intent === "feed-revoke") {
    await revokeFeedTokens(user.id);
    return { intent, url: null };
  }
  return { intent: null, url: null };
}

export default function Sessions() {
  const t = useT();
  const format = useFormat();
  const { sessions, mine, certificates, feedCreatedAt } = useLoaderData<typeof loader>();
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
                  <Link to={`/sessions/${m.id}`}>{m.title}</Link>
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
          <div className="table-wrap">
            <table className="sessions-table">
              <caption className="visually-hidden">{t("scheduling.sessions.caption")}</caption>
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
                      <Link to={`/sessions/${s.id}`}>{s.title}</Link>
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="certificates">
        <h2 id="certificates">{t("scheduling.certs.title")}</h2>
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
