import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { logRosterRead, loadRoster } from "~/scheduling/roster.server";
import { sessionTitle } from "~/scheduling/scheduling.server";
import { DayList } from "~/scheduling/ui";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d) => `${t("scheduling.signIn.title")}：${d.session.title}`);

/** A printable A4 sign-in sheet: one row per enrolled trainee, one signature column per day. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const r = await loadRoster(params.id);
  await logRosterRead(user, r, "sign-in sheet");
  return {
    session: {
      id: r.session.id,
      title: sessionTitle(r.session, locale),
      track: r.session.track,
      days: r.session.days,
      venue: r.session.venue,
      facilitators: r.session.facilitators,
    },
    rows: r.enrolled.map((e) => ({ id: e.id, name: e.name, office: e.office })),
  };
}

export default function SignInSheet() {
  const t = useT();
  const format = useFormat();
  const { session: s, rows } = useLoaderData<typeof loader>();
  return (
    <div className="page sign-in-sheet">
      <p className="no-print">
        <Link to={`/committee/sessions/${s.id}`}>{t("scheduling.committee.roster")}</Link> ·{" "}
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t("scheduling.signIn.print")}
        </button>
      </p>
      <h1>
        {t("scheduling.signIn.title")}：<JaText>{s.title}</JaText>
      </h1>
      <p>
        {t(`scheduling.track.${s.track as "practical"}`)}
        {s.venue ? ` · ${s.venue}` : ""}
        {s.facilitators ? ` · ${s.facilitators}` : ""}
      </p>
      <DayList days={s.days} />
      <table className="sign-in-table">
        <caption className="visually-hidden">{t("scheduling.signIn.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scheduling.signIn.no")}</th>
            <th scope="col">{t("scheduling.roster.name")}</th>
            <th scope="col">{t("scheduling.roster.office")}</th>
            {s.days.map((d, i) => (
              <th scope="col" key={d.id}>
                {t("scheduling.signIn.signature")} {t("scheduling.roster.day", { n: i + 1, date: format.date(d.startsAt) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <th scope="row">{r.name}</th>
              <td>{r.office}</td>
              {s.days.map((d) => (
                <td key={d.id} className="signature-cell" />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
