// Navigation by role. Later capabilities add their entries here.
import type { MessageKey } from "~/i18n";
import type { RoleName } from "~/auth/roles";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown to users with any of these roles; empty means every signed-in user. */
  roles: RoleName[];
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home", roles: [] },
  { to: "/training", label: "nav.training", roles: ["TRAINEE", "PLANNING_COMMITTEE"] },
  { to: "/committee/curriculum", label: "nav.trainingCurriculum", roles: ["PLANNING_COMMITTEE", "ADMINISTRATOR"] },
  { to: "/committee/progress", label: "nav.trainingProgress", roles: ["PLANNING_COMMITTEE", "ADMINISTRATOR"] },
  { to: "/committee/videos", label: "nav.videos", roles: ["PLANNING_COMMITTEE", "ADMINISTRATOR"] },
  { to: "/sessions", label: "nav.sessions", roles: ["TRAINEE", "PLANNING_COMMITTEE"] },
  { to: "/committee/sessions", label: "nav.committeeSessions", roles: ["PLANNING_COMMITTEE", "ADMINISTRATOR"] },
  { to: "/notifications", label: "nav.notifications", roles: ["TRAINEE"] },
  { to: "/evaluation", label: "nav.evaluation", roles: ["OFFICE_MANAGER"] },
  { to: "/subcommittee/evaluations", label: "nav.subEvaluations", roles: ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"] },
  { to: "/subcommittee/checklists", label: "nav.checklists", roles: ["EVALUATION_SUBCOMMITTEE"] },
  { to: "/action-plan", label: "nav.actionPlan", roles: ["OFFICE_MANAGER"] },
  { to: "/meetings", label: "nav.meetings", roles: ["OFFICE_MANAGER", "EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"] },
  { to: "/peer", label: "nav.peer", roles: ["OFFICE_MANAGER"] },
  { to: "/subcommittee", label: "nav.subcommittee", roles: ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"] },
  { to: "/subcommittee/peer-groups", label: "nav.peerGroups", roles: ["EVALUATION_SUBCOMMITTEE"] },
  { to: "/admin/users", label: "nav.adminUsers", roles: ["ADMINISTRATOR"] },
  { to: "/admin/offices", label: "nav.adminOffices", roles: ["ADMINISTRATOR"] },
  { to: "/admin/audit", label: "nav.adminAudit", roles: ["ADMINISTRATOR"] },
  { to: "/admin/outbox", label: "nav.adminOutbox", roles: ["ADMINISTRATOR"] },
  { to: "/account", label: "nav.account", roles: [] },
];

export function navFor(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.length === 0 || item.roles.some((r) => roles.includes(r)));
}
