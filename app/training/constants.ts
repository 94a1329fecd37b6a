// Pillars, levels and tracks: shared by the schema, the server and the pages (no dependencies, so
// pages can import it without pulling the schema's YAML parser into the browser bundle).
export const PILLARS = ["individual", "community", "hr"] as const;
export const LEVELS = ["new", "established", "lead"] as const;
export const TRACKS = ["basic-ondemand", "basic-group", "practical"] as const;
export type Pillar = (typeof PILLARS)[number];
export type Level = (typeof LEVELS)[number];
export type Track = (typeof TRACKS)[number];
