// Office kinds, importable by both server modules and components.
export const OFFICE_KINDS = ["SPECIFIED_CONSULTATION", "COMMISSIONED_CONSULTATION", "CORE_CENTER"] as const;
export type OfficeKindName = (typeof OFFICE_KINDS)[number];
