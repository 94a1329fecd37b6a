// Navigation. Each entry is shown to the users who hold its capability in the one permission table
// (app/auth/capabilities.ts), which the routes' access helpers read too. Later capabilities add entries here.
import type { MessageKey } from "~/i18n";
import { can, type Capability } from "~/auth/capabilities";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown to users holding this capability; absent means every signed-in user. */
  capability?: Capability;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/training", label: "nav.training", capability: "takeTraining" },
  { to: "/committee/curriculum", label: "nav.trainingCurriculum", capability: "runTraining" },
  { to: "/committee/progress", label: "nav.trainingProgress", capability: "runTraining" },
  { to: "/committee/videos", label: "nav.videos", capability: "runTraining" },
  { to: "/sessions", label: "nav.sessions", capability: "joinSessions" },
  { to: "/committee/sessions", label: "nav.committeeSessions", capability: "runTraining" },
  { to: "/committee/surveys", label: "nav.surveys", capability: "runTraining" },
  { to: "/notifications", label: "nav.notifications" },
  { to: "/evaluation", label: "nav.evaluation", capability: "workForOffice" },
  { to: "/subcommittee/evaluations", label: "nav.subEvaluations", capability: "viewSubcommittee" },
  { to: "/subcommittee/checklists", label: "nav.checklists", capability: "manageChecklists" },
  { to: "/action-plan", label: "nav.actionPlan", capability: "workForOffice" },
  { to: "/office/training", label: "officeTraining.nav", capability: "viewOfficeTraining" },
  { to: "/meetings", label: "nav.meetings", capability: "attendMeetings" },
  { to: "/peer", label: "nav.peer", capability: "workForOffice" },
  { to: "/office/staff", label: "staff.nav", capability: "manageStaff" },
  { to: "/subcommittee", label: "nav.subcommittee", capability: "viewSubcommittee" },
  { to: "/subcommittee/peer-groups", label: "nav.peerGroups", capability: "usePeerGroups" },
  { to: "/admin/users", label: "nav.adminUsers", capability: "administer" },
  { to: "/admin/offices", label: "nav.adminOffices", capability: "administer" },
  { to: "/admin/audit", label: "nav.adminAudit", capability: "readAuditLog" },
  { to: "/admin/outbox", label: "nav.adminOutbox", capability: "administer" },
  { to: "/admin/jobs", label: "ops.nav.jobs", capability: "operateSystem" },
  { to: "/emergency-access", label: "emergency.nav", capability: "reviewEmergencyAccess" },
  { to: "/account", label: "nav.account" },
];

export function navFor(roles: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.capability || can(roles, item.capability));
}
