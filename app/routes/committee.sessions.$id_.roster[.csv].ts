import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { serverT } from "~/i18n/i18n.server";
import { formatDate } from "~/i18n/format";
import { exportPreamble } from "~/lib/csv";
import { jstDateTimeString } from "~/lib/jst";
import { resolveLocale } from "~/i18n/i18n.server";
import { logRosterRead, loadRoster } from "~/scheduling/roster.server";
import { sessionTitle } from "~/scheduling/scheduling.server";
import { toCsv } from "~/training/progress-csv";

/** The roster as CSV (UTF-8 with BOM): enrolled, waitlisted and cancelled, with attendance per day. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const t = serverT(request, user);
  const locale = resolveLocale(request, user);
  const r = await loadRoster(params.id);
  await logRosterRead(user, r, "roster (CSV)");
  const header = [
    t("scheduling.roster.name"),
    t("field.email"),
    t("scheduling.roster.office"),
    t("scheduling.col.status"),
    t("scheduling.roster.place"),
    t("scheduling.roster.since"),
    ...r.session.days.map((d, i) => t("scheduling.roster.day", { n: i + 1, date: formatDate(d.startsAt, locale) })),
    t("scheduling.roster.noShow"),
    t("scheduling.certs.serial"),
  ];
  const rows = [...r.enrolled, ...r.waitlisted, ...r.cancelled].map((e) => [
    e.name,
    e.email,
    e.office,
    t(`scheduling.status.${e.status as "enrolled"}`),
    e.status === "waitlisted" ? r.waitlisted.indexOf(e) + 1 : "",
    // An ISO date and time (JST), which a spreadsheet reads as a date.
    jstDateTimeString(new Date(e.queuedAt)),
    ...e.attended.map((a) => (e.status === "enrolled" ? (a ? t("scheduling.roster.present") : t("scheduling.roster.absent")) : "")),
    e.noShow ? t("scheduling.roster.noShow") : "",
    e.certificate?.serial ?? "",
  ]);
  const preamble = exportPreamble(t("scheduling.roster.title", { title: sessionTitle(r.session, locale) }), t("imports.export.exportedAt"));
  return new Response(toCsv([...preamble, header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="session-${r.session.id}-roster.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
