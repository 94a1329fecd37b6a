// Demo data for staff and statutory training (issue 20, part 2; run after the applications seed). The office
// けやき keeps its staff on Tsunagu: each member's time at the office, their statutory training records — one
// (中村 結菜) whose refresher deadline falls in the current fiscal year (near), one (小林 陽) with a refresher
// taken, one without a record — and one person (木村 拓也) who transferred to あおばの杜 earlier this year, in
// the history. One of the office's open action-plan items names 中村 結菜 as responsible (for a hand-over).
// Years count from the clock's fiscal year.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { jstInstant } from "../../app/lib/jst.ts";
import { DEMO_PASSWORD } from "./demo-data.ts";
import { DEMO_MANAGER_OFFICE } from "./seed-evaluation.ts";

export const TRANSFERRED_STAFF = { email: "takuya.kimura@example.jp", displayName: "木村 拓也" };
export const NEAR_DEADLINE_STAFF = "yuna.nakamura@example.jp";
const OTHER_OFFICE = "相談支援センター あおばの杜";

export async function seedStaff(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const FY = fiscalYearOf(now);
  const office = await prisma.office.findFirst({ where: { name: DEMO_MANAGER_OFFICE } });
  const other = await prisma.office.findFirst({ where: { name: OTHER_OFFICE } });
  const manager = await prisma.user.findUnique({ where: { email: "manager@example.jp" } });
  if (!office || !other || !manager) return;
  const byEmail = async (email: string) => prisma.user.findUnique({ where: { email } });

  // Who is at けやき, and since when (the manager for years, the trainees more recently).
  const staff = await prisma.user.findMany({ where: { officeId: office.id }, orderBy: { id: "asc" } });
  for (const [i, u] of staff.entries()) {
    await prisma.staffMembership.create({
      data: {
        userId: u.id,
        officeId: office.id,
        startedOn: jstInstant(FY - (u.id === manager.id ? 8 : 1 + (i % 3)), 4, 1),
        recordedById: manager.id,
      },
    });
  }
  const record = async (
    email: string,
    initialFiscalYear: number | null,
    chief: "none" | "training" | "certified",
    refreshers: Date[] = [],
  ) => {
    const u = await byEmail(email);
    if (!u) return;
    await prisma.statutoryTrainingRecord.upsert({
      where: { userId: u.id },
      create: {
        userId: u.id,
        initialFiscalYear,
        initialEvidence: initialFiscalYear ? `宮城県 相談支援従事者初任者研修 修了証書 第${initialFiscalYear}-${100 + u.id}号` : "",
        chiefStatus: chief,
        chiefEvidence: chief === "certified" ? `宮城県 主任相談支援専門員研修 修了証書 第${FY - 2}-0${u.id}号` : "",
        updatedById: u.id,
      },
      update: {},
    });
    for (const d of refreshers)
      await prisma.refresherTraining.create({
        data: {
          userId: u.id,
          completedOn: d,
          evidence: `宮城県 相談支援従事者現任研修 修了証書 第${fiscalYearOf(d)}-2${u.id}号`,
          recordedById: u.id,
        },
      });
  };
  // The manager: initial training long ago, a refresher three years ago; a certified chief specialist.
  await record("manager@example.jp", FY - 8, "certified", [jstInstant(FY - 3, 11, 12)]);
  // Near: initial training five fiscal years ago and no refresher since — due by the end of this fiscal year.
  await record(NEAR_DEADLINE_STAFF, FY - 5, "none");
  // A refresher taken in time: the next window counts from it.
  await record("haru.kobayashi@example.jp", FY - 7, "none", [jstInstant(FY - 3, 9, 5)]);
  // The demo trainee of あおばの杜: initial training last year.
  await record("trainee@example.jp", FY - 1, "none");

  // One transfer in the history: 木村 拓也 moved from けやき to あおばの杜 on 1 October of this fiscal year (1 April
  // when October has not come yet), their record going with them.
  const transferOn = jstInstant(FY, 10, 1) <= now ? jstInstant(FY, 10, 1) : jstInstant(FY, 4, 1);
  const moved = await prisma.user.upsert({
    where: { email: TRANSFERRED_STAFF.email },
    create: {
      email: TRANSFERRED_STAFF.email,
      displayName: TRANSFERRED_STAFF.displayName,
      roles: ["TRAINEE"],
      officeId: other.id,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
    update: {},
  });
  await prisma.staffMembership.create({
    data: {
      userId: moved.id,
      officeId: office.id,
      startedOn: jstInstant(FY - 4, 4, 1),
      endedOn: transferOn,
      endKind: "transfer",
      toOfficeId: other.id,
      recordedById: manager.id,
      // Recorded on the day (a move dated ahead would stay null until the staff-moves job applies it).
      appliedAt: transferOn,
    },
  });
  await prisma.staffMembership.create({ data: { userId: moved.id, officeId: other.id, startedOn: transferOn, recordedById: manager.id } });
  await record(TRANSFERRED_STAFF.email, FY - 3, "training");

  // An open action-plan item of the office names 中村 結菜 as responsible.
  const item = await prisma.actionPlanItem.findFirst({
    where: { plan: { officeId: office.id, fiscalYear: FY }, status: { in: ["PLANNED", "IN_PROGRESS"] } },
    orderBy: [{ sortOrder: "desc" }, { id: "desc" }],
  });
  if (item) await prisma.actionPlanItem.update({ where: { id: item.id }, data: { owner: "中村 結菜" } });
  log(`Staff: ${staff.length} at ${office.name}, 5 statutory records, 1 transfer in the history.`);
}
