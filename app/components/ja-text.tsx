// Japanese text inside the English UI, marked lang="ja" (issue 14). Database and user texts — office names,
// checklist texts without an English version, session and module titles, plans, comments, notes — are often only
// in Japanese; a screen reader set to English would read them with the wrong voice. One piece used everywhere:
// <JaText> for text in running content, useLangFor() for an element's own `lang` (a <td>, <option>, <h1>).
import type { OptionHTMLAttributes, ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";
import { langFor } from "~/i18n/script";

/** A function giving the `lang` attribute a text needs on this page: "ja" or undefined. */
export function useLangFor() {
  const locale = useLocale();
  return (text: string | null | undefined) => langFor(text, locale);
}

/**
 * The text, wrapped in <span lang="ja"> when the page is English and the text has Japanese script; otherwise the
 * bare text (no extra element in the Japanese UI or for English text).
 */
export function JaText({ children, className }: { children: string | null | undefined; className?: string }): ReactNode {
  const lang = useLangFor()(children);
  if (children == null) return null;
  if (!lang && !className) return children;
  return (
    <span lang={lang} className={className}>
      {children}
    </span>
  );
}

/**
 * The one-line notice shown in the English UI above a block whose database text is in Japanese (as the module
 * text has): rendered only when some of the given texts are Japanese.
 */
export function InJapaneseNotice({ texts }: { texts: (string | null | undefined)[] }) {
  const locale = useLocale();
  const t = useT();
  if (!texts.some((text) => langFor(text, locale))) return null;
  return <p className="alert alert-info">{t("usable2.inJapanese")}</p>;
}

/** An <option> whose text may be Japanese (an office's name in a picker): the option itself carries the lang. */
export function JaOption({
  children,
  ...props
}: Omit<OptionHTMLAttributes<HTMLOptionElement>, "children" | "lang"> & { children: string }) {
  const lang = useLangFor()(children);
  return (
    <option {...props} lang={lang}>
      {children}
    </option>
  );
}

/**
 * A translated message with database text filled in ("Roster: 基礎研修"): the filled-in parts that are Japanese are
 * marked, the message around them keeps the page's language. `parts` are the values as they were passed to t().
 */
export function JaParts({ text, parts }: { text: string; parts: (string | null | undefined)[] }) {
  const langFor = useLangFor();
  const marked = parts.filter((p): p is string => !!p && !!langFor(p));
  if (!marked.length) return <>{text}</>;
  const nodes: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest) {
    // The earliest of the marked values in what is left of the text.
    let at = -1;
    let found = "";
    for (const p of marked) {
      const i = rest.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, p];
    }
    if (at < 0) {
      nodes.push(rest);
      break;
    }
    if (at > 0) nodes.push(rest.slice(0, at));
    nodes.push(
      <span key={key++} lang="ja">
        {found}
      </span>,
    );
    rest = rest.slice(at + found.length);
  }
  return <>{nodes}</>;
}
