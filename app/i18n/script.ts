// Which language a piece of database or user text is written in, as far as `lang` needs to know (issue 14).
// In the English UI, office names, checklist texts without an English version, titles and what people wrote are
// often Japanese: marked lang="ja", a screen reader reads them with a Japanese voice and the browser picks
// Japanese glyphs. Pure so it can be unit tested and used on the server and in the browser alike.
import type { Locale } from "./index";

/** Hiragana, katakana (full and half width, with the prolonged sound mark) and kanji (Han), incl. 々 and 〆. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc\uff70\u3005\u3006]/u;

/** True when the text contains any Japanese script (kana or kanji); punctuation alone (「」、。・) does not count. */
export function hasJapanese(text: string | null | undefined): boolean {
  return typeof text === "string" && JAPANESE.test(text);
}

/**
 * The `lang` a text needs on a page in `locale`: "ja" for Japanese text on an English page, otherwise undefined
 * (the page's own `lang` is right; an attribute set to undefined is not rendered).
 */
export function langFor(text: string | null | undefined, locale: Locale): "ja" | undefined {
  return locale === "en" && hasJapanese(text) ? "ja" : undefined;
}
