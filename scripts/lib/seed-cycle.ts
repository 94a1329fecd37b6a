// Demo data for the improvement cycle (issue 6), loaded after the self-evaluation demo data:
// sharing meetings with registrations and notes, action plans at various stages (the demo manager's
// office けやき has a plan in progress for the current fiscal year linked to its weak items), peer groups
// for all five wards with activities. Deterministic. Every year counts from the current fiscal year of
// the application's clock (PREV = last year, CUR = this year); nothing of this year is dated in the future
// except what is meant to be upcoming (meetings, due dates).
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { now as clockNow } from "../../app/lib/clock.ts";
import { fiscalYearLabelJa, fiscalYearOf } from "../../app/lib/fiscal-year.ts";
import { DEMO_MANAGER_OFFICE } from "./seed-evaluation.ts";

const jst = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 9, min));

const ISSUES = [
  [
    "記録の様式が職員ごとに異なり、モニタリングの質にばらつきがある。",
    "記録様式を統一し、全ケースで月1回の確認を行う。",
    "様式案の作成、職員会議での検討、3か月の試行と見直し。",
  ],
  ["緊急時の対応手順が共有されていない。", "全職員が緊急時の連絡手順を説明できる。", "手順書の改訂、年2回の訓練、新任職員への説明。"],
  [
    "意思決定支援の取組が担当者によって異なる。",
    "意思決定支援の記録を全ケースで残す。",
    "ガイドラインの読み合わせ、事例検討会を四半期ごとに開催。",
  ],
  [
    "地域の関係機関との連携が一部に限られている。",
    "区の連絡会に毎回参加し、顔の見える関係をつくる。",
    "連絡会への参加、関係機関リストの更新、訪問。",
  ],
  ["職員の研修計画が立てられていない。", "職員ごとの年間研修計画を作成する。", "面談で希望を確認し、計画を作成、半期で振り返る。"],
];

export async function seedCycle(prisma: PrismaClient, log: (m: string) => void = () => {}, now = clockNow()) {
  const CUR = fiscalYearOf(now);
  const PREV = CUR - 1;
  /** A date of this year's records that has happened: never after yesterday. */
  const past = (d: Date) => (d.getTime() < now.getTime() - 86400_000 ? d : new Date(now.getTime() - 86400_000));
  /** A meeting meant to be upcoming: its usual date, or soon when that has passed. */
  const upcomingAt = (d: Date, daysAhead: number) => (d > now ? d : new Date(now.getTime() + daysAhead * 86400_000));
  const offices = await prisma.office.findMany({ orderBy: { id: "asc" }, include: { ward: true } });
  const wards = await prisma.ward.findMany({ orderBy: { sortOrder: "asc" } });
  const subcommittee = await prisma.user.findFirst({ where: { roles: { has: "EVALUATION_SUBCOMMITTEE" } } });

  // Weak items (rated 1–2) per office and year, from the self-evaluation demo data.
  const weakRows = await prisma.evaluationAnswer.findMany({
    where: { rating: { lte: 2 }, evaluation: { status: "SUBMITTED" } },
    select: { itemCode: true, rating: true, evaluation: { select: { officeId: true, fiscalYear: true } } },
    orderBy: [{ rating: "asc" }, { itemCode: "asc" }],
  });
  const weakOf = (officeId: number, fy: number) =>
    weakRows.filter((r) => r.evaluation.officeId === officeId && r.evaluation.fiscalYear === fy).map((r) => r.itemCode);
  const cityWeak = [
    ...weakRows
      .filter((r) => r.evaluation.fiscalYear === PREV)
      .reduce((m, r) => m.set(r.itemCode, (m.get(r.itemCode) ?? 0) + 1), new Map<string, number>()),
  ]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code]) => code);

  // Sharing meetings: last year's city-wide (held: 16 offices, 24 people), this year's city-wide (upcoming)
  // and one ward meeting.
  const held = await prisma.sharingMeeting.create({
    data: {
      fiscalYear: PREV,
      scope: "CITY",
      title: `${fiscalYearLabelJa(PREV)} 自己評価を共有する会`,
      startsAt: jst(CUR, 2, 12, 14),
      endsAt: jst(CUR, 2, 12, 16, 30),
      venue: "市役所本庁舎 8階 第1会議室",
    },
  });
  for (const [i, office] of offices.slice(0, 16).entries()) {
    const people = i < 8 ? 2 : 1;
    await prisma.meetingRegistration.create({
      data: {
        meetingId: held.id,
        officeId: office.id,
        attendeeNames: people === 2 ? "相談支援専門員 A\n相談支援専門員 B" : "管理者",
        attendeeCount: people,
        attended: true,
        attendedCount: people,
      },
    });
  }
  const notes = [
    "モニタリング記録の様式を統一した事業所から、導入の手順と職員の反応が紹介された。小規模事業所では様式の簡素化が課題。",
    "緊急時の連絡網を年度初めに見直す事業所が多い一方、訓練まで実施できている事業所は少数。合同訓練の提案があった。",
    "意思決定支援の記録について、本人の言葉をそのまま残す工夫が共有された。",
  ];
  for (const [i, code] of cityWeak.slice(0, 3).entries())
    await prisma.meetingTopic.create({
      data: { meetingId: held.id, itemCodes: [code], kind: "WEAK", title: `${code} について`, notes: notes[i], sortOrder: i },
    });
  await prisma.meetingTopic.create({
    data: {
      meetingId: held.id,
      itemCodes: [cityWeak.at(-1) ?? "OPS-01"],
      kind: "GOOD_PRACTICE",
      title: "好事例の紹介",
      notes: "基幹相談支援センターから、関係機関との定例会の運営方法が紹介された。",
      sortOrder: 3,
    },
  });
  const upcomingStart = upcomingAt(jst(CUR + 1, 2, 10, 14), 14);
  const upcoming = await prisma.sharingMeeting.create({
    data: {
      fiscalYear: fiscalYearOf(upcomingStart),
      scope: "CITY",
      title: `${fiscalYearLabelJa(fiscalYearOf(upcomingStart))} 自己評価を共有する会`,
      startsAt: upcomingStart,
      endsAt: new Date(upcomingStart.getTime() + 150 * 60_000),
      venue: "市役所本庁舎 8階 第1会議室",
      onlineUrl: `https://meet.example.jp/tsunagu-${CUR}`,
    },
  });
  for (const office of offices.slice(0, 5))
    await prisma.meetingRegistration.create({
      data: { meetingId: upcoming.id, officeId: office.id, attendeeNames: "管理者", attendeeCount: 1 },
    });
  const wardStart = upcomingAt(jst(CUR, 12, 8, 10), 7);
  await prisma.sharingMeeting.create({
    data: {
      fiscalYear: fiscalYearOf(wardStart),
      scope: "WARD",
      wardId: wards[0].id,
      title: "青葉区 自己評価を共有する会",
      startsAt: wardStart,
      endsAt: new Date(wardStart.getTime() + 120 * 60_000),
      venue: "青葉区役所 4階 会議室",
    },
  });

  // Action plans: last year's for most offices (submitted or reviewed, many items done); this year's at various stages.
  let plans = 0;
  for (const [index, office] of offices.entries()) {
    for (const fy of [PREV, CUR]) {
      const demo = office.name === DEMO_MANAGER_OFFICE;
      if (fy === PREV && index % 4 === 3) continue;
      if (fy === CUR && !demo && index % 3 === 2) continue;
      const weak = weakOf(office.id, fy - 1);
      if (weak.length === 0) continue;
      const status = fy === PREV ? (index % 2 ? "REVIEWED" : "SUBMITTED") : demo ? "SUBMITTED" : index % 3 === 0 ? "SUBMITTED" : "DRAFT";
      const plan = await prisma.actionPlan.create({
        data: {
          officeId: office.id,
          fiscalYear: fy,
          status,
          createdAt: past(jst(fy, 5, 15)),
          submittedAt: status === "DRAFT" ? null : past(jst(fy, 6, 10 + (index % 15))),
          reviewedAt: status === "REVIEWED" ? past(jst(fy, 7, 20)) : null,
        },
      });
      plans++;
      const count = demo ? 3 : 2;
      for (let k = 0; k < count; k++) {
        const [issue, goal, actions] = ISSUES[(index + k) % ISSUES.length];
        const codes = weak.slice(k * 2, k * 2 + (k === 0 ? 2 : 1));
        if (codes.length === 0) break;
        const itemStatus =
          fy === PREV
            ? k === 0 || index % 2
              ? "DONE"
              : "IN_PROGRESS"
            : demo
              ? k === 0
                ? "IN_PROGRESS"
                : k === 1
                  ? "IN_PROGRESS"
                  : "PLANNED"
              : k === 0
                ? "IN_PROGRESS"
                : "PLANNED";
        const created = past(jst(fy, 5, 20 + k));
        const item = await prisma.actionPlanItem.create({
          data: {
            planId: plan.id,
            itemCodes: codes,
            issue,
            goal,
            actions,
            owner: k === 0 ? "管理者" : "相談支援専門員",
            startDate: jst(fy, 6, 1),
            dueDate: jst(fy + 1, 2, 28),
            status: itemStatus,
            statusAt: created,
            sortOrder: k,
            createdAt: created,
          },
        });
        if (itemStatus !== "PLANNED") {
          await prisma.actionPlanUpdate.create({
            data: {
              itemId: item.id,
              date: past(jst(fy, 7, 15)),
              note: "職員会議で取組を説明し、試行を始めた。",
              evidence: "職員会議録",
              status: "IN_PROGRESS",
            },
          });
          await prisma.actionPlanUpdate.create({
            data: {
              itemId: item.id,
              date: past(jst(fy, 10, 1)),
              note: "試行の結果を振り返り、手順を一部修正した。",
              evidence: "振り返りシート",
            },
          });
        }
        if (itemStatus === "DONE")
          await prisma.actionPlanUpdate.create({
            data: {
              itemId: item.id,
              date: past(jst(fy + 1, 1, 20)),
              note: "全職員で運用を開始した。",
              evidence: "運用開始の通知",
              status: "DONE",
            },
          });
        if (status !== "DRAFT" && subcommittee && k === 0)
          await prisma.actionPlanComment.create({
            data: {
              itemId: item.id,
              authorId: subcommittee.id,
              text: "具体的な取組になっています。進捗を共有する会でも紹介してください。",
              createdAt: past(jst(fy, 7, 1)),
            },
          });
      }
    }
  }

  // Peer groups: one per ward, all its offices; activities last year and this year.
  const kinds = ["VISIT", "EXCHANGE", "STUDY", "SHADOWING"] as const;
  const learned = [
    "訪問先の記録様式とファイリングの工夫を見学し、自事業所の様式見直しに活かすことにした。",
    "緊急時の連絡網の作り方について意見交換した。",
    "意思決定支援ガイドラインの勉強会を合同で開催した。",
    "経験の長い相談支援専門員のモニタリング訪問に同行した。",
  ];
  let activities = 0;
  for (const [w, ward] of wards.entries()) {
    const members = offices.filter((o) => o.wardId === ward.id);
    const group = await prisma.peerGroup.create({
      data: { wardId: ward.id, name: `${ward.nameJa} ピア研修グループ`, offices: { connect: members.map((o) => ({ id: o.id })) } },
    });
    for (let a = 0; a < 3; a++) {
      const fy = a === 0 ? PREV : CUR;
      const participants = members.filter((_, i) => (i + a) % 2 === 0 || i === 0);
      const demoOffice = participants.find((o) => o.name === DEMO_MANAGER_OFFICE);
      const planItems = demoOffice
        ? await prisma.actionPlanItem.findMany({
            where: { plan: { officeId: demoOffice.id, fiscalYear: fy } },
            take: 1,
            select: { id: true, itemCodes: true },
          })
        : [];
      await prisma.peerActivity.create({
        data: {
          groupId: group.id,
          fiscalYear: fy,
          date: fy === PREV ? jst(PREV, 9 + w, 10) : past(jst(CUR, 6 + a + (w % 3), 5 + w)),
          kind: kinds[(w + a) % kinds.length],
          itemCodes: planItems[0]?.itemCodes ?? cityWeak.slice(a, a + 1),
          learned: learned[(w + a) % learned.length],
          loggedById: participants[0]?.id ?? null,
          offices: { connect: participants.map((o) => ({ id: o.id })) },
          planItems: { connect: planItems.map((i) => ({ id: i.id })) },
        },
      });
      activities++;
    }
  }
  log(
    `Improvement-cycle demo data: 3 sharing meetings, ${plans} action plans, ${wards.length} peer groups, ${activities} peer activities.`,
  );
}
