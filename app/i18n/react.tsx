import { useRouteLoaderData } from "@remix-run/react";
import { isLocale, translator, type Locale, type Translate } from "./index";
import { formatDate, formatDateTime, formatFiscalYear } from "./format";

interface RootData {
  locale: Locale;
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData | undefined;
  if (data && isLocale(data.locale)) return data.locale;
  if (typeof document !== "undefined" && isLocale(document.documentElement.lang)) return document.documentElement.lang;
  return "ja";
}

export function useT(): Translate {
  return translator(useLocale());
}

export function useFormat() {
  const locale = useLocale();
  return {
    date: (d: Date | string) => formatDate(d, locale),
    dateTime: (d: Date | string) => formatDateTime(d, locale),
    fiscalYear: (fy: number) => formatFiscalYear(fy, locale),
    number: (n: number) => n.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB"),
  };
}
