// Roles as stored on the user (see prisma/schema.prisma `Role`). Shared by server and browser.
export const ROLES = [
  "TRAINEE", // 受講者
  "OFFICE_MANAGER", // 事業所管理者
  "PLANNING_COMMITTEE", // 企画委員
  "EVALUATION_SUBCOMMITTEE", // 評価・研修部会委員
  "ADMINISTRATOR", // 事務局 (the council's secretariat: programmes, offices, accounts, requests)
  "SYSTEM_ADMIN", // システム管理者 (settings, jobs, audit; reads no personal content without emergency access)
] as const;
export type RoleName = (typeof ROLES)[number];

export function isRole(value: unknown): value is RoleName {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(user: { roles: readonly string[] } | null | undefined, roles: readonly RoleName[]): boolean {
  return !!user && user.roles.some((r) => (roles as readonly string[]).includes(r));
}
