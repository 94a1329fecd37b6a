// The one permission table: what each role may do. The menu (app/components/nav.ts), every link a page
// offers (`useCan`) and every route's access helper (`requireCapability`) read this table, so a link is
// never shown for a page that would answer 403, and a page is never hidden from someone it lets in.
// Shared by server and browser (no server-only imports).
import { hasAnyRole, type RoleName } from "./roles";

export const CAPABILITIES = {
  /** Open the training catalogue and modules, as a learner (/training). */
  takeTraining: ["TRAINEE", "PLANNING_COMMITTEE"],
  /** Group sessions and practical training as a participant (/sessions). */
  joinSessions: ["TRAINEE", "PLANNING_COMMITTEE"],
  /** Enrol in a session or cancel, and write one's own case for it, as a trainee (/sessions/:id, /sessions/:id/case). */
  enrolInSessions: ["TRAINEE"],
  /** Run the training: curriculum, progress, sessions, certificates, case assignments, video lectures (/committee/*). */
  runTraining: ["PLANNING_COMMITTEE", "ADMINISTRATOR"],
  /** Give feedback on the cases of a session one is named facilitator of (/sessions/:id/cases); see `isFacilitator`. */
  facilitateCases: ["PLANNING_COMMITTEE"],
  /** Watch video lectures: trainees the published ones, the committee and secretariat every ready one. */
  watchLectures: ["TRAINEE", "PLANNING_COMMITTEE", "ADMINISTRATOR"],
  /** The office's own checklist, results, action plan and peer learning (/evaluation, /action-plan, /peer). */
  workForOffice: ["OFFICE_MANAGER"],
  /** The subcommittee's view of every office: submissions, dashboard, plans, report (/subcommittee). */
  viewSubcommittee: ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"],
  /** Edit peer groups and handle introduction requests (/subcommittee/peer-groups). */
  usePeerGroups: ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"],
  /** Import, edit and publish checklist versions (/subcommittee/checklists). */
  manageChecklists: ["EVALUATION_SUBCOMMITTEE"],
  /** Import past years' results from the city's files (/subcommittee/results-import). */
  importResults: ["EVALUATION_SUBCOMMITTEE"],
  /** See sharing meetings and register for them (/meetings). */
  attendMeetings: ["OFFICE_MANAGER", "EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"],
  /** Schedule sharing meetings, record attendance, write notes. */
  scheduleMeetings: ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"],
  /** Apply to the committee's application rounds and follow one's applications (/apply). */
  applyForTraining: ["TRAINEE"],
  /** Endorse or decline one's own office staff's applications (/office/applications); see `mayEndorse`. */
  endorseApplications: ["OFFICE_MANAGER"],
  /** Keep an office's staff: invite, transfers and leaving, hand-over, their training records (/office/staff); see `mayManageStaff`. */
  manageStaff: ["OFFICE_MANAGER", "ADMINISTRATOR"],
  /** Keep one's own statutory training record (/account/training-record). */
  keepTrainingRecord: ["TRAINEE", "OFFICE_MANAGER"],
  /** The office's staff training records (/office/training): managers their own office, the subcommittee and secretariat any. */
  viewOfficeTraining: ["OFFICE_MANAGER", "EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"],
  /** Recommend a module or session to a member of one's own office's staff (/office/training). */
  recommendTraining: ["OFFICE_MANAGER"],
  /** The secretariat's administration: users, offices, the mail outbox, the certificates' issuer (/admin). */
  administer: ["ADMINISTRATOR"],
  /** The audit log (/admin/audit): the system administrator keeps it, the secretariat answers from it. */
  readAuditLog: ["ADMINISTRATOR", "SYSTEM_ADMIN"],
  /** Background jobs: queue counts, failed jobs, retry (/admin/jobs). */
  operateSystem: ["ADMINISTRATOR", "SYSTEM_ADMIN"],
  /** Open an emergency access with a reason: time-limited, read-only, audited (/emergency-access). */
  openEmergencyAccess: ["SYSTEM_ADMIN"],
  /** See every emergency access opened, its reason and its uses (/emergency-access): oversight. */
  reviewEmergencyAccess: ["ADMINISTRATOR", "SYSTEM_ADMIN", "EVALUATION_SUBCOMMITTEE"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The roles that hold a capability. */
export function rolesFor(capability: Capability): readonly RoleName[] {
  return CAPABILITIES[capability];
}

/** Whether a user (or a list of roles) holds a capability. */
export function can(who: { roles: readonly string[] } | readonly string[] | null | undefined, capability: Capability): boolean {
  if (!who) return false;
  const roles = Array.isArray(who) ? (who as readonly string[]) : (who as { roles: readonly string[] }).roles;
  return hasAnyRole({ roles }, CAPABILITIES[capability]);
}

/**
 * The roles that must sign in with a second factor (TOTP or passkey, issue 19); optional for every other role.
 * The one list: sign-in, the security page and the set-up redirect all read it. The secretariat role, when it
 * (ADMINISTRATOR) and the system administrator (SYSTEM_ADMIN) are both here.
 */
export const TWO_FACTOR_REQUIRED_ROLES: readonly RoleName[] = ["EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR", "SYSTEM_ADMIN"];

/** Whether a user (or a list of roles) must use two-factor sign-in. */
export function mustUseTwoFactor(who: { roles: readonly string[] } | readonly string[]): boolean {
  const roles = Array.isArray(who) ? (who as readonly string[]) : (who as { roles: readonly string[] }).roles;
  return hasAnyRole({ roles }, TWO_FACTOR_REQUIRED_ROLES);
}

/**
 * Whether a user may endorse or decline an application: an office manager of the applicant's own office
 * (the office recorded on the application), and nobody else — not another office's manager, not the committee.
 */
export function mayEndorse(
  who: { roles: readonly string[]; officeId: number | null } | null | undefined,
  application: { officeId: number | null; direct: boolean },
): boolean {
  if (!who || !can(who, "endorseApplications")) return false;
  return !application.direct && application.officeId !== null && who.officeId === application.officeId;
}

/**
 * Whether a user may download the file attached to an application (issue 20): the applicant, the manager who
 * endorses it (their own office, see `mayEndorse`), and the planning committee that selects.
 */
export function mayReadApplicationFile(
  who: { id: number; roles: readonly string[]; officeId: number | null } | null | undefined,
  application: { userId: number; officeId: number | null; direct: boolean },
): boolean {
  if (!who) return false;
  if (application.userId === who.id && can(who, "applyForTraining")) return true;
  return mayEndorse(who, application) || can(who, "runTraining");
}

/**
 * Whether a user may keep an office's staff (issue 20, part 2): an office manager their own office only, the
 * secretariat (ADMINISTRATOR) any office.
 */
export function mayManageStaff(
  who: { roles: readonly string[]; officeId: number | null } | null | undefined,
  officeId: number | null,
): boolean {
  if (!who || officeId === null || !can(who, "manageStaff")) return false;
  return can(who, "administer") || (hasAnyRole({ roles: who.roles }, ["OFFICE_MANAGER"]) && who.officeId === officeId);
}

/**
 * Whether a user may edit a person's statutory training record: the person themself (holding
 * `keepTrainingRecord`), or whoever may keep the staff of the person's current office.
 */
export function mayEditTrainingRecord(
  who: { id: number; roles: readonly string[]; officeId: number | null } | null | undefined,
  person: { id: number; officeId: number | null },
): boolean {
  if (!who) return false;
  if (who.id === person.id) return can(who, "keepTrainingRecord");
  return mayManageStaff(who, person.officeId);
}
