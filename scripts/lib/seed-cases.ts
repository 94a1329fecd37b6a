// Demo data for case work (run after the scheduling seed): the practical session gets a case assignment
// (due yesterday, facilitated by the demo committee member), three submitted, anonymised cases and
// feedback (a comment and a rubric) on one. The first enrolled trainee (森 さくら) has not started.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";

const DAY = 24 * 60 * 60 * 1000;

const CASES: Record<string, string>[] = [
  {
    ageBand: "40代",
    disability: "知的障害（療育手帳B）",
    living: "〇〇区内のグループホームで暮らしている。平日は就労継続支援B型事業所に通い、週末は実家に帰ることが多い。",
    assessment:
      "Aさんは「自分でお金を管理してみたい」と話す。作業所では丁寧な仕事ぶりが評価されている。\n金銭管理は世話人が行っており、本人が使えるお金は週ごとに渡されている。",
    planGoals: "長期：自分で選んだ暮らしを続ける。\n短期：1か月の小遣いを自分で管理できる。",
    planServices: "共同生活援助（毎日）、就労継続支援B型（週5日）、日常生活自立支援事業の利用を検討。",
    question: "本人の「やってみたい」を支えながら、失敗したときの安心をどう用意すればよいか。",
  },
  {
    ageBand: "20代",
    disability: "精神障害（統合失調症）",
    living: "母親（70代）と二人暮らし。日中は自宅で過ごすことが多く、月2回通院している。",
    assessment: "Bさんは「働いてみたい」と話す一方、人の多い場所が苦手。母親は本人の将来を心配している。",
    planGoals: "長期：自分に合った働き方を見つける。\n短期：週2回、地域活動支援センターに通う。",
    planServices: "地域活動支援センター（週2回）、計画相談支援（毎月モニタリング）、訪問看護（週1回）。",
    question: "母親の心配と本人の希望がずれているとき、どのように話し合いの場をつくるとよいか。",
  },
  {
    ageBand: "60代",
    disability: "身体障害（肢体不自由）",
    living: "一人暮らし。ヘルパーの支援を受けながら自宅で生活している。65歳を前に介護保険への移行が話題になっている。",
    assessment: "Cさんは今のヘルパーとの関係を大切にしており、サービスが変わることに不安を持っている。",
    planGoals: "長期：住み慣れた家での生活を続ける。\n短期：介護保険への移行について、本人が納得して選べる。",
    planServices: "居宅介護（週5日）、重度訪問介護の検討、地域包括支援センターとの連携会議（移行前）。",
    question: "介護保険への移行で、これまでの支援の質をどう引き継ぐか。",
  },
];

export async function seedCases(prisma: PrismaClient, log: (m: string) => void = () => {}, now = new Date()) {
  const session = await prisma.trainingSession.findFirst({
    where: { track: "practical" },
    orderBy: { id: "asc" },
    include: { days: true },
  });
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  if (!session || !committee) return;
  const enrolled = await prisma.sessionEnrollment.findMany({
    where: { sessionId: session.id, status: "enrolled" },
    orderBy: { queuedAt: "asc" },
  });
  // Due yesterday at 17:00 JST (before the first day, which is weeks away), so the group can read.
  const y = new Date(now.getTime() - DAY + 9 * 3600_000);
  const dueAt = new Date(Date.UTC(y.getUTCFullYear(), y.getUTCMonth(), y.getUTCDate(), 17 - 9, 0));
  const assignment = await prisma.caseAssignment.create({
    data: {
      sessionId: session.id,
      instructionsJa:
        "担当している事例を1つ選び、テンプレートに沿ってまとめてください。個人が特定される情報は書かず、年齢は年代、住所は区までとしてください。研修当日はグループで検討します。",
      instructionsEn:
        "Choose one case you support and write it up with the template. Write nothing that identifies a person: give decades, not ages, and the ward at most. The group reviews the cases at the session.",
      dueAt,
      goalCodes: ["IND-1-1", "IND-1-2", "IND-2-1"],
      retentionDays: 90,
      createdById: committee.id,
      facilitators: { create: [{ userId: committee.id }] },
    },
  });
  const writers = enrolled.slice(1, 4);
  for (const [i, e] of writers.entries()) {
    const fields = CASES[i];
    const at = new Date(dueAt.getTime() - (3 - i) * DAY);
    const sub = await prisma.caseSubmission.create({
      data: {
        assignmentId: assignment.id,
        userId: e.userId,
        draft: fields,
        revision: 3,
        status: "submitted",
        firstSubmittedAt: at,
        lastSubmittedAt: at,
        versions: { create: [{ number: 1, fields, submittedAt: at }] },
      },
    });
    if (i === 0) {
      const quote = "金銭管理は世話人が行っており";
      await prisma.caseComment.create({
        data: {
          submissionId: sub.id,
          versionNumber: 1,
          authorId: committee.id,
          field: "assessment",
          start: fields.assessment.indexOf(quote),
          end: fields.assessment.indexOf(quote) + quote.length,
          quote,
          body: "本人が管理できている場面（作業所での買い物など）もアセスメントに書くと、短期目標の根拠がはっきりします。",
        },
      });
      await prisma.caseRating.createMany({
        data: [
          { submissionId: sub.id, goalCode: "IND-1-1", level: 3, raterId: committee.id, versionNumber: 1 },
          { submissionId: sub.id, goalCode: "IND-1-2", level: 2, raterId: committee.id, versionNumber: 1 },
          { submissionId: sub.id, goalCode: "IND-2-1", level: 3, raterId: committee.id, versionNumber: 1 },
        ],
      });
      await prisma.caseSubmission.update({
        where: { id: sub.id },
        data: { review: "revise", reviewedAt: new Date(dueAt.getTime() + 3600_000) },
      });
    }
  }
  log(`Case work demo data: an assignment on "${session.titleJa}", ${writers.length} submitted cases, feedback on one.`);
}
