// Every route of the app, who may open it, and a sample URL. tests/e2e/access.spec.ts fails when a
// file in app/routes is missing here, so each new route must say who reaches it.
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearOf } from "../../app/lib/fiscal-year";
import type { AccountName } from "./helpers";

// Sample years count from the server's clock (TSUNAGU_NOW when set): last year is fully submitted.
setClock(process.env.TSUNAGU_NOW || null);
const PREV = fiscalYearOf(now()) - 1;

export interface RouteAccess {
  /** The route file's name in app/routes, without the extension. */
  file: string;
  /** A URL to request (placeholders filled with demo data). */
  url: string;
  /** "public": anyone; "signed-in": any signed-in user; else the accounts allowed. */
  allow: "public" | "signed-in" | AccountName[];
  /** The answer for an allowed request, when not 200 (e.g. a redirect or an intentional 404). */
  okStatus?: number;
  /** The answer for a signed-in user, when it differs (the sign-in page sends them on). */
  signedInStatus?: number;
  /** Not a page (JSON, files, POST-only); no GET to scan with axe. */
  notPage?: boolean;
}

export const ROUTES: RouteAccess[] = [
  { file: "_index", url: "/", allow: "signed-in" },
  { file: "login", url: "/login", allow: "public", signedInStatus: 302 },
  { file: "logout", url: "/logout", allow: "public", okStatus: 302, notPage: true },
  { file: "lang", url: "/lang", allow: "public", okStatus: 302, notPage: true },
  { file: "healthz", url: "/healthz", allow: "public", notPage: true },
  { file: "readyz", url: "/readyz", allow: "public", notPage: true },
  { file: "$", url: "/no-such-page", allow: "public", okStatus: 404 },
  { file: "invite.$token", url: "/invite/notarealtokennotarealtoken", allow: "public" },
  { file: "account", url: "/account", allow: "signed-in" },
  // Privacy and accessibility (issue 19).
  { file: "privacy", url: "/privacy", allow: "public" },
  { file: "accessibility", url: "/accessibility", allow: "public" },
  { file: "account_.security", url: "/account/security", allow: "signed-in" },
  // A person's data (issue 19, "personal"): disclosure to the person and, on request, by the secretariat.
  { file: "account_.data", url: "/account/data", allow: "signed-in" },
  { file: "account_.data[.json]", url: "/account/data.json", allow: "signed-in", notPage: true },
  { file: "admin.users.$userId_.data", url: "/admin/users/1/data", allow: ["admin"] },
  { file: "admin.users.$userId_.data[.json]", url: "/admin/users/1/data.json", allow: ["admin"], notPage: true },
  // Without a password-checked sign-in in progress, the second step sends back to /login.
  { file: "login_.two-factor", url: "/login/two-factor", allow: "public", okStatus: 302, notPage: true },
  // Single sign-on (issue 19): the flow starts by POST; off here (no OIDC_ISSUER), the callback sends back to /login.
  { file: "login_.sso", url: "/login/sso", allow: "public", okStatus: 302, notPage: true },
  { file: "login_.sso.callback", url: "/login/sso/callback?code=x&state=y", allow: "public", okStatus: 302, notPage: true },
  { file: "admin.users._index", url: "/admin/users", allow: ["admin"] },
  { file: "admin.users.new", url: "/admin/users/new", allow: ["admin"] },
  { file: "admin.users.$userId", url: "/admin/users/1", allow: ["admin"] },
  { file: "admin.offices._index", url: "/admin/offices", allow: ["admin"] },
  { file: "admin.offices.new", url: "/admin/offices/new", allow: ["admin"] },
  { file: "admin.offices.$officeId", url: "/admin/offices/1", allow: ["admin"] },
  { file: "admin.audit", url: "/admin/audit", allow: ["admin", "sysadmin"] },
  { file: "admin.audit[.csv]", url: "/admin/audit.csv", allow: ["admin", "sysadmin"], notPage: true },
  { file: "admin.outbox", url: "/admin/outbox", allow: ["admin"] },
  { file: "admin.jobs", url: "/admin/jobs", allow: ["admin", "sysadmin"] },
  { file: "admin.retention", url: "/admin/retention", allow: ["admin", "sysadmin"] },
  // Emergency access (issue 19): the system administrator opens it; the secretariat and the subcommittee oversee it.
  { file: "emergency-access", url: "/emergency-access", allow: ["sysadmin", "admin", "subcommittee"] },
  { file: "admin.certificate-issuer", url: "/admin/certificate-issuer", allow: ["admin"] },
  { file: "training._index", url: "/training", allow: ["trainee", "committee"] },
  { file: "training.modules.$slug", url: "/training/modules/person-centred-assessment", allow: ["trainee", "committee"] },
  { file: "committee.curriculum", url: "/committee/curriculum", allow: ["committee", "admin"] },
  { file: "committee.progress", url: "/committee/progress", allow: ["committee", "admin"] },
  // Video lectures (issue 9). No video has this id, so its URLs answer 404.
  { file: "committee.videos._index", url: "/committee/videos", allow: ["committee", "admin"] },
  { file: "committee.videos.$id", url: "/committee/videos/999999", allow: ["committee", "admin"], okStatus: 404 },
  {
    file: "committee.videos.uploads.$",
    url: "/committee/videos/uploads/nosuchupload",
    allow: ["committee", "admin"],
    okStatus: 404,
    notPage: true,
  },
  { file: "media.videos.$id.$", url: "/media/videos/999999/master.m3u8", allow: "signed-in", okStatus: 404, notPage: true },
  { file: "videos.$id.progress", url: "/videos/999999/progress", allow: "signed-in", okStatus: 405, notPage: true },
  { file: "committee.progress[.csv]", url: "/committee/progress.csv", allow: ["committee", "admin"], notPage: true },
  { file: "sessions._index", url: "/sessions", allow: ["trainee", "committee"] },
  { file: "sessions.$id", url: "/sessions/2", allow: ["trainee", "committee"] },
  { file: "sessions.$id_.ics", url: "/sessions/2/ics", allow: "signed-in", notPage: true },
  { file: "calendar.$token", url: "/calendar/notarealtokennotarealtoken.ics", allow: "public", okStatus: 404, notPage: true },
  { file: "notifications", url: "/notifications", allow: "signed-in" },
  { file: "certificates.$id", url: "/certificates/1", allow: ["trainee", "committee", "admin"], notPage: true },
  { file: "verify.$code", url: "/verify/TSUNAGUDEMO1", allow: "public" },
  { file: "committee.sessions._index", url: "/committee/sessions", allow: ["committee", "admin"] },
  { file: "committee.sessions.new", url: "/committee/sessions/new", allow: ["committee", "admin"] },
  { file: "committee.sessions.$id", url: "/committee/sessions/1", allow: ["committee", "admin"] },
  { file: "committee.sessions.$id_.edit", url: "/committee/sessions/2/edit", allow: ["committee", "admin"] },
  { file: "committee.sessions.$id_.sign-in", url: "/committee/sessions/1/sign-in", allow: ["committee", "admin"] },
  { file: "committee.sessions.$id_.roster[.csv]", url: "/committee/sessions/1/roster.csv", allow: ["committee", "admin"], notPage: true },
  { file: "committee.certificates", url: "/committee/certificates", allow: ["committee", "admin"] },
  // Course surveys (issue 20, "attendance"). Session 5 is the demo's past two-day session the demo trainee attended;
  // session 1's survey has five answers (scripts/lib/seed-attendance.ts).
  { file: "surveys.$id", url: "/surveys/session-5", allow: ["trainee"] },
  { file: "committee.surveys._index", url: "/committee/surveys", allow: ["committee", "admin"] },
  { file: "committee.surveys.$id", url: "/committee/surveys/session-1", allow: ["committee", "admin"] },
  { file: "committee.surveys.$id[.csv]", url: "/committee/surveys/session-1.csv", allow: ["committee", "admin"], notPage: true },
  // Applications (issue 20). Round 1 is the demo's round; application 1 is not accepted yet, so its notice answers 404.
  { file: "apply", url: "/apply", allow: ["trainee"] },
  { file: "apply.$id.notice[.pdf]", url: "/apply/1/notice.pdf", allow: "signed-in", okStatus: 404, notPage: true },
  // The file attached to an application: nobody's application 999999, so 404 for every signed-in user.
  { file: "apply.$id.attachment", url: "/apply/999999/attachment", allow: "signed-in", okStatus: 404, notPage: true },
  { file: "office.applications", url: "/office/applications", allow: ["manager"] },
  // Staff (issue 20, part 2): the manager's own office (the secretariat chooses one); user 2 is the demo manager.
  { file: "office.staff._index", url: "/office/staff", allow: ["manager", "admin"] },
  { file: "office.staff.$userId", url: "/office/staff/2", allow: ["manager", "admin"] },
  { file: "account_.training-record", url: "/account/training-record", allow: ["trainee", "manager"] },
  // Office training (issue 17). Office 2 is けやき, the demo manager's own office.
  { file: "office.training", url: "/office/training?office=2", allow: ["manager", "subcommittee", "admin"] },
  { file: "office.training[.csv]", url: "/office/training.csv?office=2", allow: ["manager", "subcommittee", "admin"], notPage: true },
  { file: "office.training[.xlsx]", url: "/office/training.xlsx?office=2", allow: ["manager", "subcommittee", "admin"], notPage: true },
  { file: "committee.applications._index", url: "/committee/applications", allow: ["committee", "admin"] },
  { file: "committee.applications.$id", url: "/committee/applications/1", allow: ["committee", "admin"] },
  // Case work (issue 18). Session 3 is the demo's practical session; its facilitator is the committee account.
  // No demo account is enrolled in it (森 さくら is: tests/e2e/cases.spec.ts scans her page), so all refuse.
  { file: "sessions.$id_.case", url: "/sessions/3/case", allow: [] },
  { file: "sessions.$id_.cases", url: "/sessions/3/cases", allow: ["committee"] },
  // A case's file: the same readers as the group's cases (no such file in the demo data, so 404 for them, 403 for the rest).
  {
    file: "sessions.$id_.case_.attachments.$attachmentId",
    url: "/sessions/3/case/attachments/999999",
    allow: ["committee"],
    okStatus: 404,
    notPage: true,
  },
  { file: "committee.sessions.$id_.cases", url: "/committee/sessions/3/cases", allow: ["committee", "admin"] },
  { file: "committee.sessions.$id_.rubric[.csv]", url: "/committee/sessions/3/rubric.csv", allow: ["committee", "admin"], notPage: true },
  { file: "committee.sessions.$id_.rubric[.xlsx]", url: "/committee/sessions/3/rubric.xlsx", allow: ["committee", "admin"], notPage: true },
  { file: "evaluation._index", url: "/evaluation", allow: ["manager"] },
  { file: "evaluation.$year._index", url: `/evaluation/${PREV}`, allow: ["manager"] },
  { file: "evaluation.$year.results", url: `/evaluation/${PREV}/results`, allow: ["manager"] },
  { file: "evaluation.$year.export", url: `/evaluation/${PREV}/export`, allow: ["manager"], notPage: true },
  { file: "subcommittee.evaluations._index", url: `/subcommittee/evaluations?year=${PREV}`, allow: ["subcommittee", "admin"] },
  { file: "subcommittee.evaluations.$officeId.$year._index", url: `/subcommittee/evaluations/2/${PREV}`, allow: ["subcommittee", "admin"] },
  {
    file: "subcommittee.evaluations.$officeId.$year.export",
    url: `/subcommittee/evaluations/2/${PREV}/export`,
    allow: ["subcommittee", "admin"],
    notPage: true,
  },
  { file: "subcommittee.checklists._index", url: "/subcommittee/checklists", allow: ["subcommittee"] },
  { file: "subcommittee.results-import", url: "/subcommittee/results-import", allow: ["subcommittee"] },
  { file: "subcommittee.checklists.$version", url: "/subcommittee/checklists/1", allow: ["subcommittee"] },
  {
    file: "subcommittee.checklists.template[.xlsx]",
    url: "/subcommittee/checklists/template.xlsx",
    allow: ["subcommittee"],
    notPage: true,
  },
  // Improvement cycle (issue 6)
  { file: "action-plan", url: "/action-plan", allow: ["manager"] },
  { file: "meetings._index", url: "/meetings", allow: ["manager", "subcommittee", "admin"] },
  { file: "meetings.$meetingId", url: "/meetings/1", allow: ["manager", "subcommittee", "admin"] },
  { file: "peer", url: "/peer", allow: ["manager"] },
  { file: "subcommittee._index", url: `/subcommittee?year=${PREV}`, allow: ["subcommittee", "admin"] },
  { file: "subcommittee.action-plans._index", url: `/subcommittee/action-plans?year=${PREV}`, allow: ["subcommittee", "admin"] },
  { file: "subcommittee.action-plans.$planId", url: "/subcommittee/action-plans/1", allow: ["subcommittee", "admin"] },
  { file: "subcommittee.peer-groups", url: "/subcommittee/peer-groups", allow: ["subcommittee", "admin"] },
  { file: "subcommittee.report.$year._index", url: `/subcommittee/report/${PREV}`, allow: ["subcommittee", "admin"] },
  { file: "subcommittee.report.$year.xlsx", url: `/subcommittee/report/${PREV}/xlsx`, allow: ["subcommittee", "admin"], notPage: true },
  { file: "subcommittee.report.$year.csv", url: `/subcommittee/report/${PREV}/csv`, allow: ["subcommittee", "admin"], notPage: true },
];
