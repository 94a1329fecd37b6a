// Demo data for scheduling (run after the training seed): this fiscal year's group and practical
// sessions — one nearly full, one with a waitlist, one past with attendance taken — and certificates.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { DEMO_PASSWORD } from "./demo-data.ts";
import { TRAINING_TRAINEES } from "./seed-training.ts";

/** More fictional trainees, to fill the sessions. */
export const SESSION_TRAINEES: { email: string; displayName: string; office: string }[] = [
  { email: "haruto.sasaki@example.jp", displayName: "佐々木 陽翔", office: "障害者相談支援事業所 みやぎの" },
  { email: "mio.abe@example.jp", displayName: "阿部 美桜", office: "障害者相談支援事業所 れんぼう" },
  { email: "sota.endo@example.jp", displayName: "遠藤 蒼太", office: "障害者相談支援事業所 ながまち" },
  { email: "rin.fujita@example.jp", displayName: "藤田 凛", office: "障害者相談支援事業所 いずみの" },
  { email: "yuto.okada@example.jp", displayName: "岡田 悠斗", office: "相談支援センター あおばの杜" },
  { email: "hina.goto@example.jp", displayName: "後藤 陽菜", office: "ひろせ川相談室" },
  { email: "kaito.murakami@example.jp", displayName: "村上 海斗", office: "相談支援事業所 はらまち" },
  { email: "saki.kondo@example.jp", displayName: "近藤 咲", office: "計画相談 あらはま" },
  { email: "riku.ishikawa@example.jp", displayName: "石川 陸", office: "相談室 やぎやま" },
  { email: "akari.maeda@example.jp", displayName: "前田 あかり", office: "てらおか相談室" },
];

const DAY = 24 * 60 * 60 * 1000;
/** An instant from a JST calendar date and time. */
const jst = (y: number, m: number, d: number, hh: number, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh - 9, mm));

export async function seedScheduling(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const fy = fiscalYearOf(now);
  const offices = new Map((await prisma.office.findMany()).map((o) => [o.name, o.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const t of SESSION_TRAINEES) {
    await prisma.user.upsert({
      where: { email: t.email },
      create: { email: t.email, displayName: t.displayName, roles: ["TRAINEE"], officeId: offices.get(t.office) ?? null, passwordHash },
      update: {},
    });
  }
  const byEmail = new Map((await prisma.user.findMany({ where: { roles: { has: "TRAINEE" } } })).map((u) => [u.email, u.id]));
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  const demo = byEmail.get("trainee@example.jp");
  const extra = SESSION_TRAINEES.map((t) => byEmail.get(t.email)!);
  const training = TRAINING_TRAINEES.map((t) => byEmail.get(t.email)!).filter(Boolean);
  const byId = committee?.id ?? null;

  // The demo trainee completed the basic training in an earlier year (certificate 1, a fixed code for the demo).
  if (demo) {
    await prisma.certificate.create({
      data: {
        userId: demo,
        track: "basic-group",
        fiscalYear: fy - 1,
        serial: `${fy - 1}-K2-00001`,
        verificationCode: "TSUNAGUDEMO1",
        issuedAt: jst(fy, 1, 28, 10),
        issuedById: byId,
      },
    });
  }

  // Dates relative to today keep the demo sensible whenever it is loaded.
  const day = (offset: number, hh: number, mm = 0) => {
    const d = new Date(now.getTime() + offset * DAY + 9 * 3600_000);
    return jst(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hh, mm);
  };
  const base = { fiscalYear: fy, createdById: byId, prerequisite: "default" } as const;

  // 1. Past group session (attendance taken).
  const past = await prisma.trainingSession.create({
    data: {
      ...base,
      track: "basic-group",
      titleJa: "基礎研修 後期 第1回：個別支援とアセスメントの演習",
      titleEn: "Basic training (group) 1: individual support and assessment practice",
      descriptionJa: "事例をもとに、本人中心のアセスメントとサービス等利用計画の作成をグループで演習します。",
      descriptionEn: "Group practice of person-centred assessment and service plans on a case.",
      pillars: ["individual"],
      goalCodes: [],
      venue: "仙台市青葉区 市民活動サポートセンター 研修室1",
      capacity: 15,
      opensAt: day(-70, 9),
      closesAt: day(-45, 17),
      facilitators: "鈴木 由美（障害者基幹相談支援センター）、高橋 誠",
      days: { create: [{ startsAt: day(-38, 9, 30), endsAt: day(-38, 16, 30) }] },
    },
    include: { days: true },
  });
  const pastPeople = [...training.slice(0, 6), ...extra.slice(0, 2)];
  for (const [i, userId] of pastPeople.entries()) {
    const e = await prisma.sessionEnrollment.create({
      data: { sessionId: past.id, userId, status: "enrolled", queuedAt: day(-60 + i, 10), enrolledAt: day(-60 + i, 10), noShow: i === 7 },
    });
    if (i < 7) {
      await prisma.sessionAttendance.create({
        data: { enrollmentId: e.id, dayId: past.days[0].id, checkedInAt: past.days[0].startsAt, checkedInById: byId },
      });
      await prisma.certificate.create({
        data: {
          userId,
          track: "basic-group",
          fiscalYear: fy,
          // Serials run in order from 1 in each year and track (later ones continue after them).
          serial: `${fy}-K2-${String(1 + i).padStart(5, "0")}`,
          verificationCode: `DEMOK2${String(100 + i)}ABCD`,
          issuedAt: day(-37, 10),
          issuedById: byId,
          sessionId: past.id,
        },
      });
    }
  }

  // 2. Nearly full group session (11 of 12).
  const nearlyFull = await prisma.trainingSession.create({
    data: {
      ...base,
      track: "basic-group",
      titleJa: "基礎研修 後期 第2回：地域のネットワークづくり",
      titleEn: "Basic training (group) 2: building local networks",
      descriptionJa: "自立支援協議会の部会活動や地域の社会資源とのつながり方を学び、地域課題の整理を演習します。",
      pillars: ["community"],
      goalCodes: [],
      venue: "仙台市宮城野区文化センター 第2会議室",
      capacity: 12,
      opensAt: day(-20, 9),
      closesAt: day(10, 17),
      facilitators: "障害者基幹相談支援センター 相談支援専門員",
      days: { create: [{ startsAt: day(17, 9, 30), endsAt: day(17, 16, 0) }] },
    },
  });
  const nearlyPeople = [...training.slice(2, 9), ...extra.slice(2, 6)];
  for (const [i, userId] of nearlyPeople.slice(0, 11).entries()) {
    await prisma.sessionEnrollment.create({
      data: { sessionId: nearlyFull.id, userId, status: "enrolled", queuedAt: day(-15 + i * 0.5, 11), enrolledAt: day(-15 + i * 0.5, 11) },
    });
  }

  // 3. Practical training, two days, full with a waitlist of 3.
  const practical = await prisma.trainingSession.create({
    data: {
      ...base,
      track: "practical",
      titleJa: "実践研修：事例検討とスーパービジョン",
      titleEn: "Practical training: case review and supervision",
      descriptionJa: "各自が担当事例を持ち寄り、スーパービジョンを受けながら支援の振り返りを行います（2日間）。",
      pillars: ["individual", "hr"],
      goalCodes: [],
      venue: "仙台市若林区 障害者福祉センター 大会議室",
      onlineUrl: "https://meet.example.jp/tsunagu-practical",
      capacity: 6,
      opensAt: day(-10, 9),
      closesAt: day(30, 17),
      facilitators: "企画委員会（主任相談支援専門員）",
      days: {
        create: [
          { startsAt: day(38, 13, 0), endsAt: day(38, 17, 0) },
          { startsAt: day(45, 13, 0), endsAt: day(45, 17, 0) },
        ],
      },
    },
  });
  const practicalPeople = [...training.slice(0, 5), ...extra.slice(6, 10)];
  for (const [i, userId] of practicalPeople.entries()) {
    const status = i < 6 ? "enrolled" : "waitlisted";
    await prisma.sessionEnrollment.create({
      data: {
        sessionId: practical.id,
        userId,
        status,
        queuedAt: day(-9 + i * 0.3, 9),
        enrolledAt: status === "enrolled" ? day(-9 + i * 0.3, 9) : null,
      },
    });
  }

  // 4. A later group session with free seats and no prerequisites (an open introductory day).
  await prisma.trainingSession.create({
    data: {
      ...base,
      track: "basic-group",
      titleJa: "基礎研修 後期 第3回：人材育成と相談支援の質",
      titleEn: "Basic training (group) 3: developing people and quality",
      descriptionJa: "事業所内の人材育成とセルフチェックの活用について意見交換します。",
      pillars: ["hr"],
      goalCodes: [],
      venue: "仙台市泉区 泉文化創造センター 会議室",
      capacity: 20,
      opensAt: day(-5, 9),
      closesAt: day(40, 17),
      facilitators: "障害者基幹相談支援センター",
      prerequisite: "none",
      days: { create: [{ startsAt: day(52, 10, 0), endsAt: day(52, 15, 0) }] },
    },
  });

  // On-demand certificates for the trainees who finished this year's modules.
  let k1 = 0;
  for (const t of TRAINING_TRAINEES.filter((t) => t.plan === "all")) {
    const userId = byEmail.get(t.email);
    if (!userId) continue;
    await prisma.certificate.create({
      data: {
        userId,
        track: "basic-ondemand",
        fiscalYear: fy,
        serial: `${fy}-K1-${String(++k1).padStart(5, "0")}`,
        verificationCode: `DEMOK1${userId}WXYZ`,
        issuedAt: day(-5, 10),
        issuedById: userId,
      },
    });
  }
  // The issuer printed on certificates (an administrator changes it at /admin/certificate-issuer).
  await prisma.certificateIssuer.upsert({
    where: { id: 1 },
    create: { id: 1, nameJa: "デモ市 健康福祉局 障害福祉部長", nameEn: "Director, Disability Welfare Department, Demo City" },
    update: {},
  });
  log(`Scheduling demo data: 4 sessions in FY${fy} (one past with attendance, one nearly full, one with a waitlist), certificates.`);
}
