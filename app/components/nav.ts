// Navigation. Each entry is shown to the users who hold its capability in the one permission table
// (app/auth/capabilities.ts), which the routes' access helpers read too. Later capabilities add entries here.
import type { MessageKey } from "~/i18n";
import { can, type Capability } from "~/auth/capabilities";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown to users holding this capability; absent means every signed-in user. */
  capability?: Capability;
  /** Gathered under one menu heading when a user has many entries (issue 14: the menu never wraps on a desktop). */
  group?: NavGroup;
}

export type NavGroup = "training" | "office" | "subcommittee" | "admin";

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/training", label: "nav.training", capability: "takeTraining" },
  { to: "/committee/curriculum", label: "nav.trainingCurriculum", capability: "runTraining", group: "training" },
  { to: "/committee/progress", label: "nav.trainingProgress", capability: "runTraining", group: "training" },
  { to: "/committee/videos", label: "nav.videos", capability: "runTraining", group: "training" },
  { to: "/sessions", label: "nav.sessions", capability: "joinSessions" },
  { to: "/committee/sessions", label: "nav.committeeSessions", capability: "runTraining", group: "training" },
  { to: "/committee/surveys", label: "nav.surveys", capability: "runTraining", group: "training" },
  { to: "/notifications", label: "nav.notifications" },
  { to: "/evaluation", label: "nav.evaluation", capability: "workForOffice" },
  { to: "/subcommittee/evaluations", label: "nav.subEvaluations", capability: "viewSubcommittee", group: "subcommittee" },
  { to: "/subcommittee/checklists", label: "nav.checklists", capability: "manageChecklists", group: "subcommittee" },
  { to: "/action-plan", label: "nav.actionPlan", capability: "workForOffice" },
  { to: "/office/training", label: "officeTraining.nav", capability: "viewOfficeTraining", group: "office" },
  { to: "/meetings", label: "nav.meetings", capability: "attendMeetings" },
  { to: "/peer", label: "nav.peer", capability: "workForOffice" },
  { to: "/office/staff", label: "staff.nav", capability: "manageStaff", group: "office" },
  { to: "/subcommittee", label: "nav.subcommittee", capability: "viewSubcommittee", group: "subcommittee" },
  { to: "/subcommittee/peer-groups", label: "nav.peerGroups", capability: "usePeerGroups", group: "subcommittee" },
  { to: "/admin/users", label: "nav.adminUsers", capability: "administer", group: "admin" },
  { to: "/admin/offices", label: "nav.adminOffices", capability: "administer", group: "admin" },
  { to: "/admin/audit", label: "nav.adminAudit", capability: "readAuditLog", group: "admin" },
  { to: "/admin/outbox", label: "nav.adminOutbox", capability: "administer", group: "admin" },
  { to: "/admin/jobs", label: "ops.nav.jobs", capability: "operateSystem", group: "admin" },
  { to: "/emergency-access", label: "emergency.nav", capability: "reviewEmergencyAccess", group: "admin" },
  { to: "/account", label: "nav.account" },
];

export function navFor(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.capability || can(roles, item.capability));
}

/** Above this many entries, the entries of a group with two or more share one disclosure. */
export const NAV_GROUP_ABOVE = 8;

export type NavEntry = { kind: "item"; item: NavItem } | { kind: "group"; group: NavGroup; items: NavItem[] };

/** The menu as drawn: single entries, and for users with many entries their groups (placed where the first member was). */
export function navEntriesFor(roles: readonly string[]): NavEntry[] {
  const items = navFor(roles);
  if (items.length <= NAV_GROUP_ABOVE) return items.map((item) => ({ kind: "item", item }));
  const entries: NavEntry[] = [];
  const seen = new Set<NavGroup>();
  for (const item of items) {
    const members = item.group ? items.filter((i) => i.group === item.group) : [];
    if (!item.group || members.length < 2) entries.push({ kind: "item", item });
    else if (!seen.has(item.group)) {
      seen.add(item.group);
      entries.push({ kind: "group", group: item.group, items: members });
    }
  }
  return entries;
}
