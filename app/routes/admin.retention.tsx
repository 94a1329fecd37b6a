// Retention periods (issue 19): the system administrator sets, within the schedule's bounds, how long each kind of
// record is kept (app/privacy/retention.ts); the daily retention job and the privacy notice use what is set here.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/permissions.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { RETENTION_SCHEDULE, ruleText, type RetentionKind } from "~/privacy/retention";
import { retentionSettingsPage, setRetentionDays } from "~/privacy/retention.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("retention.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { rules: await retentionSettingsPage(await requireUser(request)) };
}

const KINDS = RETENTION_SCHEDULE.map((r) => r.kind) as [RetentionKind, ...RetentionKind[]];
const schema = z.object({
  kind: z.enum(KINDS),
  days: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const kind = typeof form.kind === "string" ? form.kind : "";
  if (!parsed.success) {
    const rule = RETENTION_SCHEDULE.find((r) => r.kind === kind);
    return data({ ok: false as const, kind, reason: rule?.bounds ? ("bounds" as const) : ("fixed" as const) }, { status: 400 });
  }
  const result = await setRetentionDays(user, parsed.data.kind, Number(parsed.data.days));
  return result.ok ? { ...result, kind } : data({ ...result, kind }, { status: 400 });
}

export default function AdminRetention() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { rules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const periods = Object.fromEntries(rules.filter((r) => r.days !== null).map((r) => [r.kind, r.days])) as Partial<
    Record<RetentionKind, number>
  >;
  return (
    <div className="page">
      <h1>{t("retention.title")}</h1>
      <p>{t("retention.intro")}</p>
      <div aria-live="polite">
        {result?.ok ? (
          <p className="alert alert-success" role="status">
            {t(result.changed ? "retention.saved" : "retention.unchanged")}
          </p>
        ) : null}
      </div>
      <div className="table-scroll">
        <table>
          <caption id="retention-caption" className="visually-hidden">
            {t("retention.title")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("retention.col.kind")}</th>
              <th scope="col">{t("retention.col.rule")}</th>
              <th scope="col">{t("retention.col.days")}</th>
              <th scope="col">{t("retention.col.range")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const kindName = t(`retention.kind.${rule.kind}`);
              const failed = result && !result.ok && result.kind === rule.kind;
              return (
                <tr key={rule.kind}>
                  <th scope="row">{kindName}</th>
                  <td>{ruleText(rule.kind, locale, periods)}</td>
                  <td>
                    {rule.bounds ? (
                      <Form method="post" className="retention-form">
                        <input type="hidden" name="kind" value={rule.kind} />
                        <label htmlFor={`days-${rule.kind}`} className="visually-hidden">
                          {t("retention.daysLabel", { kind: kindName })}
                        </label>
                        <input
                          id={`days-${rule.kind}`}
                          name="days"
                          inputMode="numeric"
                          size={6}
                          required
                          defaultValue={String(rule.days)}
                          aria-invalid={failed ? true : undefined}
                          aria-describedby={failed ? `days-${rule.kind}-error` : undefined}
                        />{" "}
                        <button type="submit" className="button small secondary" disabled={busy}>
                          {t("retention.save")}
                        </button>
                        {failed ? (
                          <p id={`days-${rule.kind}-error`} className="error-list" role="alert">
                            {result.reason === "bounds"
                              ? t("retention.error.bounds", { min: rule.bounds.min, max: rule.bounds.max })
                              : t("retention.error.fixed")}
                          </p>
                        ) : null}
                        {rule.changedAt ? (
                          <p className="hint">{t("retention.changedLine", { date: format.date(rule.changedAt) })}</p>
                        ) : null}
                      </Form>
                    ) : rule.days === null ? (
                      "—"
                    ) : (
                      t("retention.defaultLine", { days: rule.days })
                    )}
                  </td>
                  <td>
                    {rule.bounds
                      ? `${rule.bounds.min}–${rule.bounds.max} / ${t("retention.defaultLine", { days: rule.defaultDays ?? 0 })}`
                      : t("retention.fixed")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
