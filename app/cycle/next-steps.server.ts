// Home-page next steps of the improvement cycle: the manager's action plan, the subcommittee's dashboard.
import type { SessionUser } from "~/auth/session.server";
import { can } from "~/auth/capabilities";
import { prisma } from "~/db.server";
import type { NextStep } from "~/home/next-step";
import { fiscalYearLabelEn, fiscalYearLabelJa } from "~/lib/fiscal-year";

export async function cycleNextSteps(user: SessionUser, fiscalYear: number): Promise<NextStep[]> {
  const steps: NextStep[] = [];
  const year = user.locale === "en" ? fiscalYearLabelEn(fiscalYear) : fiscalYearLabelJa(fiscalYear);
  if (can(user, "workForOffice") && user.officeId !== null) {
    const items = await prisma.actionPlanItem.groupBy({
      by: ["status"],
      where: { plan: { officeId: user.officeId, fiscalYear } },
      _count: { _all: true },
    });
    const total = items.reduce((n, r) => n + r._count._all, 0);
    const done = items.find((r) => r.status === "DONE")?._count._all ?? 0;
    steps.push({
      key: "action-plan",
      to: "/action-plan",
      title: "home.actionPlan.title",
      body: "home.actionPlan.body",
      params: { year, items: total, done },
    });
  }
  if (can(user, "viewSubcommittee")) {
    const [submitted, plans] = await Promise.all([
      prisma.evaluation.count({ where: { fiscalYear, status: "SUBMITTED" } }),
      prisma.actionPlan.count({ where: { fiscalYear, status: { not: "DRAFT" } } }),
    ]);
    steps.push({
      key: "subcommittee",
      to: "/subcommittee",
      title: "home.subcommittee.title",
      body: "home.subcommittee.body",
      params: { year, submitted, plans },
    });
  }
  return steps;
}
