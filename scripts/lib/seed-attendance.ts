// Demo data for attendance and the course survey (issue 20, run last): a past two-day group session with late
// arrivals and early leaves and one make-up (補講) assigned, the demo trainee among those who attended (so they
// can answer its survey); and enough anonymous answers to the first past session's survey to show its results.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { SESSION_TRAINEES } from "./seed-scheduling.ts";

const DAY = 24 * 60 * 60 * 1000;
const jst = (y: number, m: number, d: number, hh: number, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh - 9, mm));

export async function seedAttendance(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const fy = fiscalYearOf(now);
  const day = (offset: number, hh: number, mm = 0) => {
    const d = new Date(now.getTime() + offset * DAY + 9 * 3600_000);
    return jst(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hh, mm);
  };
  const committee = await prisma.user.findUnique({ where: { email: "committee@example.jp" } });
  const byId = committee?.id ?? null;
  const emails = ["trainee@example.jp", ...SESSION_TRAINEES.slice(2, 6).map((t) => t.email)];
  const people = await prisma.user.findMany({ where: { email: { in: emails } } });
  const ids = emails.flatMap((e) => people.find((p) => p.email === e)?.id ?? []);
  if (ids.length < 3) return;

  // A two-day session (9:30–16:30, 420 minutes a day: 84 minutes may be missed by default), held two weeks ago.
  const s = await prisma.trainingSession.create({
    data: {
      // The fiscal year it was held in (two weeks ago may be the last year, in early April).
      fiscalYear: fiscalYearOf(day(-15, 9, 30)),
      createdById: byId,
      prerequisite: "none",
      track: "basic-group",
      titleJa: "基礎研修 後期 第5回：モニタリングと計画の見直し（2日間）",
      titleEn: "Basic training (group) 5: monitoring and reviewing plans (two days)",
      descriptionJa: "モニタリングの視点と、サービス等利用計画の見直しを2日間で演習します。",
      descriptionEn: "Two days of practice in monitoring and reviewing service plans.",
      pillars: ["individual"],
      goalCodes: [],
      venue: "仙台市若林区文化センター 会議室",
      capacity: 10,
      opensAt: day(-50, 9),
      closesAt: day(-25, 17),
      facilitators: "障害者基幹相談支援センター",
      days: {
        create: [
          { startsAt: day(-15, 9, 30), endsAt: day(-15, 16, 30) },
          { startsAt: day(-14, 9, 30), endsAt: day(-14, 16, 30) },
        ],
      },
    },
    include: { days: { orderBy: { startsAt: "asc" } } },
  });
  // Minutes late and left early per person and day; the third person left two hours early on day 2.
  const minutes: [number, number][][] = [
    [
      [20, 0],
      [0, 0],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [
      [0, 0],
      [0, 120],
    ],
    [
      [45, 0],
      [0, 15],
    ],
    [
      [0, 0],
      [0, 0],
    ],
  ];
  for (const [i, userId] of ids.entries()) {
    const e = await prisma.sessionEnrollment.create({
      data: { sessionId: s.id, userId, status: "enrolled", queuedAt: day(-45 + i, 10), enrolledAt: day(-45 + i, 10) },
    });
    for (const [j, d] of s.days.entries()) {
      const [lateMinutes, earlyMinutes] = minutes[i]?.[j] ?? [0, 0];
      await prisma.sessionAttendance.create({
        data: { enrollmentId: e.id, dayId: d.id, checkedInAt: d.startsAt, checkedInById: byId, lateMinutes, earlyMinutes },
      });
    }
    if (i === 2)
      await prisma.makeUp.create({
        data: {
          enrollmentId: e.id,
          what: "第2日午後の演習（録画視聴とレポート提出）",
          minutes: 60,
          dueOn: day(30, 0),
          carried: fiscalYearOf(day(30, 0)) > s.fiscalYear,
          createdById: byId,
        },
      });
  }

  // Five anonymous answers to the survey of the first past session (the one with attendance taken).
  const first = await prisma.trainingSession.findFirst({
    where: { fiscalYear: fy, enrollments: { some: { attendance: { some: {} } } }, id: { not: s.id } },
    orderBy: { id: "asc" },
    include: { enrollments: { where: { attendance: { some: {} } }, orderBy: { id: "asc" } } },
  });
  const questions = await prisma.surveyQuestion.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" } });
  if (first && questions.length) {
    const target = `session:${first.id}`;
    const ratings = [
      [5, 5, 4, 4],
      [4, 5, 4, 3],
      [5, 4, 5, 4],
      [3, 4, 4, 2],
      [4, 5, 3, 3],
    ];
    const texts = [
      "事例検討のグループワークが実務に役立ちました。",
      "",
      "休憩をもう少し多くしてほしいです。",
      "",
      "他区の事業所の方と話せてよかったです。",
    ];
    for (const [i, e] of first.enrollments.slice(0, 5).entries()) {
      await prisma.surveyParticipation.create({ data: { userId: e.userId, target, answeredAt: day(-37, 12) } });
      let r = 0;
      await prisma.surveyResponse.create({
        data: {
          target,
          answers: {
            create: questions.flatMap((q): { questionId: number; rating: number | null; text: string }[] =>
              q.kind === "rating"
                ? [{ questionId: q.id, rating: ratings[i][r++ % 4], text: "" }]
                : texts[i]
                  ? [{ questionId: q.id, rating: null, text: texts[i] }]
                  : [],
            ),
          },
        },
      });
    }
  }
  log(`Attendance demo: session ${s.id} with late and early minutes and one make-up; survey answers for session ${first?.id ?? "—"}.`);
}
