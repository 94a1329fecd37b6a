// The accessibility statement (public): policy and conformance target, how it is tested, known limits,
// the date of the last review, where to report a problem, and the test results by success criterion.
import { useLoaderData } from "@remix-run/react";
import { loadAccessibilityPage } from "~/accessibility/accessibility.server";
import { TestResultsSection } from "~/accessibility/results-table";
import { accessibilityStatement } from "~/accessibility/statement";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("accessibility.link");

export function loader() {
  return loadAccessibilityPage();
}

export default function Accessibility() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const statement = accessibilityStatement(locale);
  return (
    <div className="page privacy-page accessibility-page">
      <h1>{statement.title}</h1>
      <p className="muted">{t("accessibility.reviewedLine", { date: format.date(`${page.reviewedOn}T00:00:00+09:00`) })}</p>
      {statement.sections.map((section) => (
        <section key={section.id} aria-labelledby={`a11y-${section.id}`} className="privacy-section">
          <h2 id={`a11y-${section.id}`}>{section.heading}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {section.list ? (
            <ul>
              {section.list.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
          {section.id === "review" ? (
            <p>
              <strong>{format.date(`${page.reviewedOn}T00:00:00+09:00`)}</strong>
            </p>
          ) : null}
          {section.id === "contact" ? (
            <p className="privacy-contact">
              <strong>{t("privacy.contact.label")}</strong> {page.contact ?? t("privacy.contact.default")}
            </p>
          ) : null}
        </section>
      ))}
      <TestResultsSection results={page.results} />
    </div>
  );
}
