// Shared pieces of the case pages: the text with findings marked in place, a read-only case, rubric.
import { inLocale, type Locale, type MessageKey } from "~/i18n";
import { Link } from "@remix-run/react";
import { useFormat, useT } from "~/i18n/react";
import { RUBRIC_LEVELS } from "./rubric";
import type { CaseTemplate } from "./template";
import { DataTable } from "~/components/data-table";
import { JaText, useLangFor } from "~/components/ja-text";

export const KIND_KEYS: Record<string, MessageKey> = {
  name: "cases.kind.name",
  birthdate: "cases.kind.birthdate",
  age: "cases.kind.age",
  address: "cases.kind.address",
  phone: "cases.kind.phone",
  postal: "cases.kind.postal",
  email: "cases.kind.email",
  mynumber: "cases.kind.mynumber",
  recipient: "cases.kind.recipient",
};

export const LEVEL_KEYS: Record<number, MessageKey> = {
  1: "cases.rubric.level1",
  2: "cases.rubric.level2",
  3: "cases.rubric.level3",
  4: "cases.rubric.level4",
};
export { RUBRIC_LEVELS };

interface Mark {
  start: number;
  end: number;
  label: string;
  confirmed?: boolean;
}

/** The text with each finding wrapped in <mark> (and a label for screen readers). */
export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const langFor = useLangFor();
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...marks].filter((m) => m.end <= text.length && text.slice(m.start, m.end)).sort((a, b) => a.start - b.start);
  sorted.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={m.confirmed ? "case-mark confirmed" : "case-mark"}>
        {text.slice(m.start, m.end)}
        <span className="visually-hidden">（{m.label}）</span>
      </mark>,
    );
    at = m.end;
  });
  parts.push(text.slice(at));
  return (
    <span className="case-text" lang={langFor(text)}>
      {parts}
    </span>
  );
}

export function fieldLabel(template: CaseTemplate, key: string, locale: "ja" | "en"): string {
  for (const s of template.sections) for (const f of s.fields) if (f.key === key) return f.label[locale];
  return key;
}

/** A submitted case, read-only, section by section. */
export function CaseView({
  template,
  fields,
  locale,
  headingLevel = 3,
  highlights = [],
}: {
  template: CaseTemplate;
  fields: Record<string, string>;
  locale: "ja" | "en";
  headingLevel?: 3 | 4;
  highlights?: { field: string; quote: string }[];
}) {
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="case-view">
      {template.sections.map((s) => (
        <section key={s.key}>
          <H>{s.title[locale]}</H>
          <dl>
            {s.fields.map((f) => {
              const text = fields[f.key] ?? "";
              const marks = highlights
                .filter((h) => h.field === f.key && h.quote && text.includes(h.quote))
                .map((h) => ({
                  start: text.indexOf(h.quote),
                  end: text.indexOf(h.quote) + h.quote.length,
                  label: "comment",
                  confirmed: true,
                }));
              return (
                <div key={f.key} data-field={f.key}>
                  <dt>{f.label[locale]}</dt>
                  <dd>{marks.length ? <MarkedText text={text} marks={marks} /> : <JaText className="case-text">{text}</JaText>}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** "1.2 MB" / "340 KB": a file's size for people. */
export function fileSize(bytes: number, locale: "ja" | "en"): string {
  const n = (x: number, d: number) => x.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: d });
  if (bytes >= 1024 * 1024) return `${n(bytes / (1024 * 1024), 1)} MB`;
  return `${n(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
}

export interface AttachmentItem {
  id: number;
  name: string;
  kind: string;
  sizeBytes: number;
}

/** A case's files as download links (served as attachments behind the case's own access rule). */
export function AttachmentList({
  sessionId,
  attachments,
  locale,
  headingLevel = 3,
}: {
  sessionId: number;
  attachments: AttachmentItem[];
  locale: "ja" | "en";
  headingLevel?: 3 | 4;
}) {
  const t = useT();
  if (!attachments.length) return null;
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <H>{t("cases.files.title")}</H>
      <ul className="case-files">
        {attachments.map((f) => (
          <li key={f.id}>
            <a href={`/sessions/${sessionId}/case/attachments/${f.id}`} download aria-label={t("cases.files.download", { name: f.name })}>
              {f.name}
            </a>{" "}
            <span className="muted">
              ({f.kind === "docx" ? "Word" : "PDF"}, {fileSize(f.sizeBytes, locale)})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * One submitted case as its readers see it (the group's page and the facilitators' page): the text,
 * its files, the facilitators' comments when given, and the group's questions.
 */
export function CaseDisplay({
  sessionId,
  template,
  fields,
  textsDeleted,
  locale,
  attachments,
  questions,
  comments,
  highlights = [],
  onSelectText,
}: {
  sessionId: number;
  template: CaseTemplate;
  fields: Record<string, string> | null;
  textsDeleted: boolean;
  locale: "ja" | "en";
  attachments: AttachmentItem[];
  questions: { id: number; author: string; body: string }[];
  comments?: { id: number; field: string; quote: string; body: string; versionNumber: number }[];
  highlights?: { field: string; quote: string }[];
  /** Called when the reader selects words in the text (to quote them in a comment). */
  onSelectText?: () => void;
}) {
  const t = useT();
  const view = <CaseView template={template} fields={fields ?? {}} locale={locale} highlights={highlights} />;
  return (
    <>
      {textsDeleted || !fields ? (
        <p>{t("cases.textsDeleted")}</p>
      ) : onSelectText ? (
        <div onMouseUp={onSelectText} onKeyUp={onSelectText} role="presentation">
          {view}
        </div>
      ) : (
        view
      )}
      {!textsDeleted ? <AttachmentList sessionId={sessionId} attachments={attachments} locale={locale} /> : null}
      {comments?.length ? (
        <>
          <h3>{t("cases.feedback")}</h3>
          <ul className="case-comments">
            {comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {t("cases.version", { number: c.versionNumber })} · {fieldLabel(template, c.field, locale)}
                </p>
                <blockquote>{t("cases.comment.on", { quote: c.quote })}</blockquote>
                <p className="case-text">
                  <JaText>{c.body}</JaText>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("cases.questions")}</h3>
      {questions.length ? (
        <ul>
          {questions.map((q) => (
            <li key={q.id}>
              <JaText className="muted">{q.author}</JaText>: <JaText className="case-text">{q.body}</JaText>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("cases.questions.none")}</p>
      )}
    </>
  );
}

export function RubricTable({
  goals,
  ratings,
  caption,
}: {
  goals: { code: string; text: string }[];
  ratings: Record<string, number>;
  caption: string;
}) {
  const t = useT();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("cases.rubric.goal")}</th>
          <th scope="col">{t("cases.rubric.level")}</th>
        </tr>
      </thead>
      <tbody>
        {goals.map((g) => (
          <tr key={g.code}>
            <th scope="row">
              <span className="muted">{g.code}</span> {g.text}
            </th>
            <td>{ratings[g.code] ? t(LEVEL_KEYS[ratings[g.code]]) : t("cases.rubric.notRated")}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** On the session's page: where the user may go for the session's case work. */
export function CaseLinks({
  sessionId,
  links,
}: {
  sessionId: number;
  links: { dueAt: Date; own: boolean; group: boolean; groupOpen: boolean } | null;
}) {
  const t = useT();
  const format = useFormat();
  if (!links || (!links.own && !links.group)) return null;
  return (
    <section className="panel" aria-labelledby="case-work">
      <h2 id="case-work">{t("cases.assignment")}</h2>
      <p>{t("cases.due", { date: format.dateTime(links.dueAt) })}</p>
      <ul>
        {links.own ? (
          <li>
            <Link to={`/sessions/${sessionId}/case`}>{t("cases.link.own")}</Link>
          </li>
        ) : null}
        {links.group ? (
          <li>
            {links.groupOpen ? (
              <Link to={`/sessions/${sessionId}/cases`}>{t("cases.link.group")}</Link>
            ) : (
              t("cases.link.groupFrom", { date: format.dateTime(links.dueAt) })
            )}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The head of a case page: back to the session, the page's title, and the session's title under it. */
export function CasePageHead({
  back,
  title,
  session,
  locale,
}: {
  back: string;
  title: MessageKey;
  session: { titleJa: string; titleEn: string | null };
  locale: Locale;
}) {
  const t = useT();
  return (
    <>
      <p>
        <Link to={back}>{t("cases.backToSession")}</Link>
      </p>
      <h1>{t(title)}</h1>
      <p className="muted">
        <JaText>{inLocale(locale, session.titleJa, session.titleEn)}</JaText>
      </p>
    </>
  );
}

/** One personal-information finding: its kind and text, then "confirmed" or the buttons to replace (text fields only) or confirm it. */
export function FindingItem({
  finding,
  onReplace,
  onConfirm,
}: {
  finding: { kind: string; text: string; replacement?: string; confirmed?: boolean };
  onReplace?: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <li className="case-finding" data-kind={finding.kind}>
      <span>
        <strong>{t(KIND_KEYS[finding.kind])}</strong>: 「{finding.text}」
      </span>
      {finding.confirmed ? (
        <span className="muted"> — {t("cases.findings.confirmed")}</span>
      ) : (
        <span className="button-row">
          {onReplace ? (
            <button type="button" className="button small" onClick={onReplace}>
              {t("cases.findings.replace", { replacement: finding.replacement ?? "" })}
            </button>
          ) : null}
          <button type="button" className="button small secondary" onClick={onConfirm}>
            {t("cases.findings.confirm")}
          </button>
        </span>
      )}
    </li>
  );
}
