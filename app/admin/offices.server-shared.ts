// Office kinds, importable by both server modules and components.
export const OFFICE_KINDS = ["SPECIFIED_CONSULTATION", "COMMISSIONED_CONSULTATION", "CORE_CENTER"] as const;
export type OfficeKindName = (typeof OFFICE_KINDS)[number];

/** Digits of Japan's office designation numbers (事業所番号). */
export const OFFICE_NUMBER_DIGITS = 10;

/** An office number as stored: NFKC (full-width digits to ASCII), without spaces or hyphens. */
export function normaliseOfficeNumber(value: string): string {
  return value.normalize("NFKC").replace(/[\s\-‐－ー―]/g, "");
}

/** True when a text (already normalised) is an office number: exactly ten digits. */
export function isOfficeNumber(value: string): boolean {
  return new RegExp(`^\\d{${OFFICE_NUMBER_DIGITS}}$`).test(value);
}
