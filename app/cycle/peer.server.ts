// Peer learning (ピア研修): the office's ward group, its activities, and suggestions of peers strong
// on the office's weak items (named only where they agreed).
import { prisma } from "~/db.server";
import { audit } from "~/audit/audit.server";
import { deliver, notifyAll, officeManagers, subcommitteeMembers, inTransaction } from "~/mail/notify.server";
import { latestSubmitted } from "./action-plan.server";
import { peerSuggestions, introductionTarget, type PeerOffice } from "./peer-suggestions";

export async function peerContext(officeId: number) {
  const office = await prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { id: true, name: true, wardId: true, agreesToBeNamed: true },
  });
  const latest = await latestSubmitted(officeId, 9999);
  const own: PeerOffice = {
    officeId: office.id,
    name: office.name,
    wardId: office.wardId,
    agreesToBeNamed: office.agreesToBeNamed,
    ratings: latest
      ? Object.fromEntries([...latest.answers].filter(([, a]) => !a.notApplicable && a.rating !== null).map(([c, a]) => [c, a.rating!]))
      : {},
  };
  const others: PeerOffice[] = [];
  if (latest) {
    const rows = await prisma.evaluation.findMany({
      where: {
        fiscalYear: latest.fiscalYear,
        status: "SUBMITTED",
        office: { wardId: office.wardId, active: true },
        officeId: { not: officeId },
      },
      select: {
        office: { select: { id: true, name: true, wardId: true, agreesToBeNamed: true } },
        answers: { where: { rating: { not: null }, notApplicable: false }, select: { itemCode: true, rating: true } },
      },
    });
    for (const r of rows)
      others.push({
        officeId: r.office.id,
        name: r.office.name,
        wardId: r.office.wardId,
        agreesToBeNamed: r.office.agreesToBeNamed,
        ratings: Object.fromEntries(r.answers.map((a) => [a.itemCode, a.rating!])),
      });
  }
  return { office, own, others, sourceYear: latest?.fiscalYear ?? null, template: latest?.template ?? null };
}

export async function suggestionsFor(officeId: number) {
  const ctx = await peerContext(officeId);
  const text = new Map((ctx.template?.items ?? []).map((i) => [i.code, i]));
  const requested = await prisma.introductionRequest.findMany({
    where: { fromOfficeId: officeId },
    select: { itemCode: true, status: true },
  });
  return {
    sourceYear: ctx.sourceYear,
    suggestions: peerSuggestions(ctx.own, ctx.others).map((s) => ({
      ...s,
      textJa: text.get(s.code)?.textJa ?? "",
      textEn: text.get(s.code)?.textEn ?? "",
      requested: requested.find((r) => r.itemCode === s.code)?.status ?? null,
    })),
  };
}

/** Records an introduction request to an unnamed strong office; the office itself is never revealed. */
export async function requestIntroduction(officeId: number, itemCode: string) {
  const ctx = await peerContext(officeId);
  const target = introductionTarget(ctx.own, ctx.others, itemCode);
  if (target === null) return false;
  // The request and the notice to the subcommittee are one change; asking again sends nothing new.
  const mails = await inTransaction(async (tx) => {
    const created = await tx.introductionRequest.createMany({
      data: [{ fromOfficeId: officeId, itemCode, targetOfficeId: target }],
      skipDuplicates: true,
    });
    if (created.count === 0) return [];
    return notifyAll(tx, await subcommitteeMembers(tx), {
      key: "notices.introductionRequested",
      text: `${ctx.own.name}（${itemCode}）`,
      link: "/subcommittee/peer-groups#requests",
    });
  });
  await deliver(mails);
  return true;
}

/** The subcommittee's answer to an introduction request; the requesting office's managers are told. */
export async function answerIntroduction(requestId: number, answer: "introduced" | "declined", actorId: number | null) {
  const mails = await inTransaction(async (tx) => {
    const request = await tx.introductionRequest.findUnique({ where: { id: requestId } });
    if (!request) return null;
    const status = answer === "introduced" ? "INTRODUCED" : "DECLINED";
    if (request.status === status) return [];
    await tx.introductionRequest.update({ where: { id: requestId }, data: { status } });
    await audit(
      { actorId, action: `peer.introduction.${answer}`, entityType: "IntroductionRequest", entityId: requestId, summary: request.itemCode },
      tx,
    );
    return notifyAll(tx, await officeManagers(tx, request.fromOfficeId), {
      key: answer === "introduced" ? "notices.introductionMade" : "notices.introductionDeclined",
      text: request.itemCode,
      link: "/peer#suggestions",
    });
  });
  if (mails === null) return false;
  await deliver(mails);
  return true;
}

export async function groupOf(officeId: number) {
  return prisma.peerGroup.findFirst({
    where: { offices: { some: { id: officeId } } },
    orderBy: { id: "asc" },
    include: {
      ward: true,
      offices: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      activities: {
        orderBy: { date: "desc" },
        include: {
          offices: { select: { id: true, name: true } },
          planItems: { select: { id: true, issue: true, plan: { select: { officeId: true } } } },
        },
      },
    },
  });
}
