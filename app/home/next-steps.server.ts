// What each person should do next, by role. Later capabilities add their steps here.
import type { SessionUser } from "~/auth/session.server";
import { can, mayManageStaff } from "~/auth/capabilities";
import { hasAnyRole } from "~/auth/roles";
import { prisma } from "~/db.server";
import { progressFor } from "~/evaluation/evaluation.server";
import { cycleNextSteps } from "~/cycle/next-steps.server";
import type { NextStep } from "./next-step";
import { applicationSteps } from "~/applications/applications.server";
import { fiscalYearLabelEn, fiscalYearLabelJa, currentFiscalYear } from "~/lib/fiscal-year";

export type { NextStep };

export async function nextStepsFor(user: SessionUser): Promise<{ fiscalYear: number; items: NextStep[] }> {
  const items: NextStep[] = [];
  const fiscalYear = currentFiscalYear();
  if (can(user, "workForOffice") && user.officeId !== null) {
    const progress = await progressFor(user.officeId, fiscalYear);
    if (progress) {
      // resolveLocale prefers the user's own setting, so the label follows the page's language.
      const ja = user.locale !== "en";
      items.push({
        key: "evaluation",
        to: `/evaluation/${fiscalYear}`,
        title: "home.evaluation.title",
        body: "home.evaluation.body",
        params: {
          year: ja ? fiscalYearLabelJa(fiscalYear) : fiscalYearLabelEn(fiscalYear),
          answered: progress.answered,
          total: progress.total,
        },
      });
    }
  }
  if (can(user, "recommendTraining") && user.officeId !== null) {
    items.push({
      key: "office-training",
      to: "/office/training",
      title: "officeTraining.home.next.title",
      body: "officeTraining.home.next.body",
    });
  }
  items.push(...(await cycleNextSteps(user, fiscalYear)));
  if (can(user, "manageStaff") && user.officeId !== null && mayManageStaff(user, user.officeId)) {
    items.push({ key: "office-staff", to: "/office/staff", title: "staff.home.title", body: "staff.home.body" });
  }
  if (can(user, "administer")) {
    const [pendingInvites, unsent] = await Promise.all([
      prisma.user.count({ where: { passwordHash: null, active: true } }),
      prisma.outboxMessage.count({ where: { sentAt: null } }),
    ]);
    items.push({
      key: "admin-users",
      to: "/admin/users",
      title: "home.admin.users.title",
      body: "home.admin.users.body",
      params: { count: pendingInvites },
    });
    items.push({
      key: "admin-outbox",
      to: "/admin/outbox",
      title: "home.admin.outbox.title",
      body: "home.admin.outbox.body",
      params: { count: unsent },
    });
    items.push({ key: "admin-audit", to: "/admin/audit", title: "home.admin.audit.title", body: "home.admin.audit.body" });
  }
  if (hasAnyRole(user, ["TRAINEE"])) {
    items.push({ key: "training", to: "/training", title: "home.training.title", body: "home.training.body" });
    items.push({
      key: "training-record",
      to: "/account/training-record",
      title: "staff.home.record.title",
      body: "staff.home.record.body",
    });
    items.push({ key: "sessions", to: "/sessions", title: "home.sessions.title", body: "home.sessions.body" });
  }
  if (hasAnyRole(user, ["PLANNING_COMMITTEE"])) {
    items.push({
      key: "training-curriculum",
      to: "/committee/curriculum",
      title: "home.trainingCurriculum.title",
      body: "home.trainingCurriculum.body",
    });
    items.push({
      key: "training-progress",
      to: "/committee/progress",
      title: "home.trainingProgress.title",
      body: "home.trainingProgress.body",
    });
    items.push({
      key: "committee-sessions",
      to: "/committee/sessions",
      title: "home.committeeSessions.title",
      body: "home.committeeSessions.body",
    });
  }
  items.push(...(await applicationSteps(user)));
  items.push({ key: "account", to: "/account", title: "home.account.title", body: "home.account.body" });
  return { fiscalYear, items };
}
