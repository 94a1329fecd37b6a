// Both dictionaries ship to the browser (they are small); `t` picks one by locale.
import { ja, type MessageKey } from "./ja";
import { en } from "./en";
import { IntlMessageFormat } from "intl-messageformat";

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { ja, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** A message with ICU plural or select rules ("{count, plural, one {# seat} other {# seats}}"). */
const ICU = /\{\s*\w+\s*,\s*(plural|selectordinal|select)\s*,/;
const compiled = new Map<string, IntlMessageFormat>();

/**
 * The translator: plain messages have their {name} placeholders filled; a message with plural or select rules is
 * formatted by intl-messageformat (ICU MessageFormat, CLDR plural rules; decision 051), compiled once per text.
 */
export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => {
    const text = dict[key] ?? key;
    if (!params) return text;
    if (ICU.test(text)) {
      const id = `${locale}\u0000${text}`;
      let format = compiled.get(id);
      if (!format) compiled.set(id, (format = new IntlMessageFormat(text, locale === "ja" ? "ja-JP" : "en-GB")));
      return String(format.format(params));
    }
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** True when a string is a known message key (used to translate server-sent error codes). */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in ja;
}

/**
 * Text the database keeps in both languages (titles, item texts, names): the English when the reader reads English
 * and it was written, else the Japanese. The one place that choice is made.
 */
export function inLocale(locale: Locale | string, ja: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : ja;
}
