// The privacy notice (public), and a signed-in user's acknowledgement of its current version.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser, requireUser } from "~/auth/permissions.server";
import { FormErrorSummary, isFailure } from "~/components/forms";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/redirect";
import { privacyNotice } from "~/privacy/notice";
import { acknowledgePrivacyNotice, loadPrivacyPage } from "~/privacy/privacy.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("privacy.link");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadPrivacyPage(await getOptionalUser(request));
}

const schema = z.object({
  version: z.coerce.number().int().positive(),
  next: z.string().max(2000).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await acknowledgePrivacyNotice(user, parsed.data.version);
  if (result === "stale") return data(failure({}, formData, { key: "privacy.stale" }), { status: 409 });
  throw redirect(parsed.data.next ? safeRedirect(parsed.data.next) : "/privacy?acknowledged=1");
}

export default function Privacy() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = privacyNotice(locale, page.retention);
  const next = params.get("next");
  const pending = page.signedIn && !page.acknowledgedAt;
  return (
    <div className="page privacy-page">
      <h1>{notice.title}</h1>
      <p className="muted">{t("privacy.versionLine", { version: page.version, date: format.date(`${page.date}T00:00:00+09:00`) })}</p>
      {params.get("acknowledged") === "1" && page.acknowledgedAt ? (
        <p className="alert alert-success" role="status">
          {t("privacy.acknowledged")}
        </p>
      ) : null}
      {pending ? (
        <section aria-labelledby="privacy-ack-heading" className="alert privacy-ack">
          <h2 id="privacy-ack-heading">{t("privacy.ack.heading")}</h2>
          <p>{t("privacy.ack.lead", { version: page.version })}</p>
        </section>
      ) : null}
      {isFailure(result) ? <FormErrorSummary result={result} /> : null}
      {notice.sections.map((section) => (
        <section key={section.id} aria-labelledby={`privacy-${section.id}`} className="privacy-section">
          <h2 id={`privacy-${section.id}`}>{section.heading}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {section.rows ? (
            <ul className="privacy-kinds">
              {section.rows.map((row) => (
                <li key={row.kind} className="panel">
                  <h3>{row.kind}</h3>
                  <dl className="facts">
                    <dt>{t("privacy.col.items")}</dt>
                    <dd>{row.items}</dd>
                    <dt>{t("privacy.col.purpose")}</dt>
                    <dd>{row.purpose}</dd>
                    <dt>{t("privacy.col.audience")}</dt>
                    <dd>{row.audience}</dd>
                    <dt>{t("privacy.col.kept")}</dt>
                    <dd>{row.kept}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          ) : null}
          {section.list ? (
            <ul>
              {section.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
          {section.id === "request" ? (
            <p className="privacy-contact">
              <strong>{t("privacy.contact.label")}</strong> {page.contact ?? t("privacy.contact.default")}
            </p>
          ) : null}
        </section>
      ))}
      {page.acknowledgedAt ? <p className="muted">{t("privacy.acknowledgedAt", { time: format.dateTime(page.acknowledgedAt) })}</p> : null}
      {pending ? (
        <Form method="post" className="stack">
          <input type="hidden" name="version" value={page.version} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit" className="button">
            {t("privacy.ack.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
