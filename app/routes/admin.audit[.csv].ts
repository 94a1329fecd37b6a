import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditLogRows, readAuditFilter } from "~/audit/audit.server";
import { requireUser } from "~/auth/permissions.server";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { csvResponse, toCsv } from "~/lib/csv";

/** The audit log as CSV (UTF-8 with BOM; formula guard), with the page's filter — for a breach report or a review. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = serverT(request, user);
  const { filter } = readAuditFilter(new URL(request.url));
  const header = [
    t("admin.audit.when"),
    t("admin.audit.who"),
    t("admin.audit.what"),
    t("ops.audit.code"),
    t("ops.audit.entity"),
    t("ops.audit.entityId"),
    t("admin.audit.summary"),
    t("personal.audit.kind"),
    t("personal.audit.subject"),
  ];
  const rows = await auditLogRows(user, filter, resolveLocale(request, user), header, {
    read: t("personal.audit.read"),
    write: t("personal.audit.write"),
  });
  return csvResponse(toCsv(rows), "audit-log.csv");
}
