// Page titles (issue 14): every page's <title> comes from the dictionaries, in one format, "Page | つなぐ" /
// "Page | Tsunagu", in the language the page is shown in (the root loader's locale).
import type { MetaDescriptor } from "@remix-run/node";
import { formatFiscalYear } from "~/i18n/format";
import { isLocale, translator, type Locale, type MessageKey, type Params, type Translate } from "~/i18n";

interface MetaArgs {
  matches: readonly ({ id: string; data?: unknown } | undefined)[];
}

/** The language of the page: the root loader's locale (Japanese when the root has no data, e.g. on its own error). */
export function metaLocale(matches: MetaArgs["matches"]): Locale {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | undefined;
  return root && isLocale(root.locale) ? root.locale : "ja";
}

/** The <title> for a page whose name is `page` (already in the page's language). */
export function titleOf(page: string, locale: Locale): MetaDescriptor[] {
  return [{ title: translator(locale)("meta.title", { page }) }];
}

/** A route's `meta` for a page named by a message key. */
export function pageMeta(key: MessageKey, params?: Params) {
  return ({ matches }: MetaArgs): MetaDescriptor[] => {
    const locale = metaLocale(matches);
    return titleOf(translator(locale)(key, params), locale);
  };
}

/** A route's `meta` whose name depends on its loader's data (a session's title, a year). */
export function dataMeta<D>(name: (t: Translate, data: D, tools: { locale: Locale; fiscalYear: (fy: number) => string }) => string) {
  return ({ matches, data }: MetaArgs & { data?: unknown }): MetaDescriptor[] => {
    const locale = metaLocale(matches);
    const t = translator(locale);
    if (data === undefined || data === null) return [{ title: t("app.name") }];
    return titleOf(name(t, data as D, { locale, fiscalYear: (fy) => formatFiscalYear(fy, locale) }), locale);
  };
}
