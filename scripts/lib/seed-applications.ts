// Demo data for applications (issue 20; run after the scheduling seed): one round for the third group
// session with more applicants than places — two of the office けやき's staff endorsed by their manager,
// one declined with a reason, three from offices without a manager on Tsunagu (straight to the committee).
// A third けやき trainee (空 高橋) has not applied: the end-to-end test applies as them.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { jstInstant, jstParts } from "../../app/lib/jst.ts";
import { DEMO_PASSWORD } from "./demo-data.ts";
import { DEMO_MANAGER_OFFICE } from "./seed-evaluation.ts";

export const APPLICATION_TRAINEES: { email: string; displayName: string; locale?: string }[] = [
  { email: "yuna.nakamura@example.jp", displayName: "中村 結菜" },
  { email: "haru.kobayashi@example.jp", displayName: "小林 陽", locale: "en" },
  { email: "kota.saito@example.jp", displayName: "斎藤 康太" },
  { email: "sora.takahashi@example.jp", displayName: "高橋 空" },
];

const DAY = 24 * 60 * 60 * 1000;

export async function seedApplications(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const office = await prisma.office.findFirst({ where: { name: DEMO_MANAGER_OFFICE } });
  const manager = await prisma.user.findUnique({ where: { email: "manager@example.jp" } });
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  const session = await prisma.trainingSession.findFirst({ where: { titleJa: { startsWith: "基礎研修 後期 第3回" } } });
  if (!office || !session) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff: number[] = [];
  for (const t of APPLICATION_TRAINEES) {
    const u = await prisma.user.upsert({
      where: { email: t.email },
      create: {
        email: t.email,
        displayName: t.displayName,
        roles: ["TRAINEE"],
        officeId: office.id,
        locale: t.locale ?? "ja",
        passwordHash,
      },
      update: {},
    });
    staff.push(u.id);
  }
  // The start of a JST day `offset` days from today.
  const day = (offset: number) => {
    const p = jstParts(new Date(now.getTime() + offset * DAY));
    return jstInstant(p.year, p.month, p.day);
  };
  const round = await prisma.applicationRound.create({
    data: {
      fiscalYear: session.fiscalYear,
      track: session.track,
      sessionId: session.id,
      titleJa: "基礎研修 後期 第3回 受講者募集",
      titleEn: "Basic training (group) 3 — call for applications",
      opensAt: day(-7),
      closesAt: day(6),
      endorseBy: day(10),
      places: 3,
      questions: ["experience", "role", "statutory", "learn", "attachment"],
      createdById: committee?.id ?? null,
    },
  });
  const answers = (years: number, role: string, statutory: string, learn: string) => ({
    yearsExperience: years,
    currentRole: role,
    statutoryTraining: statutory,
    wantToLearn: learn,
  });
  const at = (offset: number) => new Date(day(offset).getTime() + 10 * 3600_000);
  const endorsed = (rank: number) => ({ status: "endorsed", endorsementRank: rank, endorsedById: manager?.id ?? null, endorsedAt: at(-1) });
  const rows = [
    { userId: staff[0], officeId: office.id, ...answers(4, "相談支援専門員", "initial", "地域の社会資源とのつなぎ方"), ...endorsed(1) },
    { userId: staff[1], officeId: office.id, ...answers(2, "相談支援専門員", "initial", "Person-centred assessment"), ...endorsed(2) },
    {
      userId: staff[2],
      officeId: office.id,
      ...answers(1, "生活支援員", "none", "計画相談の基本"),
      status: "declined",
      declineReason: "今年度は初任者研修の受講を優先します。",
      endorsedById: manager?.id ?? null,
      endorsedAt: at(-1),
    },
  ];
  const others = await prisma.user.findMany({
    where: { email: { in: ["haruto.sasaki@example.jp", "mio.abe@example.jp", "sota.endo@example.jp"] } },
    select: { id: true, officeId: true },
  });
  const direct = others.map((u, i) => ({
    userId: u.id,
    officeId: u.officeId,
    direct: true,
    status: "submitted",
    ...answers([6, 3, 9][i], "相談支援専門員", "refresher", "スーパービジョンの受け方"),
  }));
  for (const [i, r] of [...rows, ...direct].entries())
    await prisma.application.create({ data: { roundId: round.id, submittedAt: at(-6 + i * 0.5), ...r } });
  log(`Applications: 1 round with ${rows.length + direct.length} applicants for ${round.places} places.`);
}
