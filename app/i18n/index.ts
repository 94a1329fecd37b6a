// Both dictionaries ship to the browser (they are small); `t` picks one by locale.
import { ja, type MessageKey } from "./ja";
import { en } from "./en";

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { ja, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => {
    const text = dict[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** True when a string is a known message key (used to translate server-sent error codes). */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in ja;
}
