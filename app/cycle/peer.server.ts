// Peer learning (ピア研修): the office's ward group, its activities, and suggestions of peers strong
// on the office's weak items (named only where they agreed).
import { prisma } from "~/db.server";
import { audit } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { deliver, notifyAll, officeManagers, subcommitteeMembers, inTransaction } from "~/mail/notify.server";
import { claimFormKey } from "~/lib/form-key.server";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { checklistItemChoices, latestSubmitted } from "./action-plan.server";
import type { PeerActivityKind } from "./peer-activity";
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
export async function requestIntroduction(officeId: number, itemCode: string, actorId: number | null = null) {
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
    await audit({ actorId, action: "peer.introductionRequest", entityType: "Office", entityId: officeId, summary: itemCode }, tx);
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

// ---- The subcommittee's peer groups (/subcommittee/peer-groups) ----

/** Every ward with its active offices and peer groups, and every introduction request, newest first. */
export async function peerGroupsPage(user: SessionUser) {
  if (!can(user, "usePeerGroups")) throw forbidden();
  const [wards, requests] = await Promise.all([
    prisma.ward.findMany({
      orderBy: { sortOrder: "asc" },
      include: {
        offices: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } },
        peerGroups: { orderBy: { id: "asc" }, include: { offices: { select: { id: true } }, _count: { select: { activities: true } } } },
      },
    }),
    prisma.introductionRequest.findMany({
      orderBy: { createdAt: "desc" },
      include: { fromOffice: { select: { name: true } }, targetOffice: { select: { name: true } } },
    }),
  ]);
  return {
    wards: wards.map((w) => ({
      id: w.id,
      nameJa: w.nameJa,
      nameEn: w.nameEn,
      offices: w.offices,
      groups: w.peerGroups.map((g) => ({ id: g.id, name: g.name, members: g.offices.map((o) => o.id), activities: g._count.activities })),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      from: r.fromOffice.name,
      target: r.targetOffice.name,
      itemCode: r.itemCode,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/**
 * Creates a ward's peer group, or renames one and sets its members (groupId given). Only offices of the ward can
 * join; others sent are ignored. False when the ward, or the group in that ward, does not exist.
 */
export async function savePeerGroup(
  user: SessionUser,
  input: { wardId: number; groupId: number | null; name: string; offices: number[] },
): Promise<boolean> {
  if (!can(user, "usePeerGroups")) throw forbidden();
  const ward = await prisma.ward.findUnique({ where: { id: input.wardId }, include: { offices: { select: { id: true } } } });
  if (!ward) return false;
  const wardOffices = new Set(ward.offices.map((o) => o.id));
  const members = input.offices.filter((id) => wardOffices.has(id)).map((id) => ({ id }));
  return prisma.$transaction(async (tx) => {
    let id: number;
    if (input.groupId !== null) {
      const group = await tx.peerGroup.findUnique({ where: { id: input.groupId } });
      if (!group || group.wardId !== input.wardId) return false;
      id = (await tx.peerGroup.update({ where: { id: group.id }, data: { name: input.name, offices: { set: members } } })).id;
    } else {
      id = (await tx.peerGroup.create({ data: { wardId: input.wardId, name: input.name, offices: { connect: members } } })).id;
    }
    await audit({ actorId: user.id, action: "peer.group", entityType: "PeerGroup", entityId: id, summary: input.name }, tx);
    return true;
  });
}

/** The subcommittee answers an office's introduction request (the capability's check, then the answer). */
export async function answerIntroductionAs(user: SessionUser, requestId: number, answer: "introduced" | "declined") {
  if (!can(user, "usePeerGroups")) throw forbidden();
  return answerIntroduction(requestId, answer, user.id);
}

// ---- The office's peer page (/peer) ----

/** The office's peer page: its ward group and activities, suggested peers, and what an activity can name. */
export async function peerPage(user: SessionUser, officeId: number, fiscalYear: number) {
  if (!can(user, "workForOffice") || user.officeId !== officeId) throw forbidden();
  const [group, suggestions, choices, planItems] = await Promise.all([
    groupOf(officeId),
    suggestionsFor(officeId),
    checklistItemChoices(fiscalYear),
    prisma.actionPlanItem.findMany({
      where: { plan: { officeId, fiscalYear } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, issue: true, itemCodes: true },
    }),
  ]);
  return {
    group: group
      ? {
          id: group.id,
          name: group.name,
          members: group.offices,
          activities: group.activities.map((a) => ({
            id: a.id,
            date: a.date.toISOString(),
            kind: a.kind,
            itemCodes: a.itemCodes,
            learned: a.learned,
            offices: a.offices.map((o) => o.name),
            ownPlanItems: a.planItems.filter((p) => p.plan.officeId === officeId).map((p) => p.issue),
          })),
        }
      : null,
    suggestions,
    choices,
    planItems,
  };
}

export interface PeerActivityInput {
  date: Date;
  kind: PeerActivityKind;
  offices: number[];
  itemCodes: string[];
  planItems: number[];
  learned: string;
}

/**
 * Logs a peer activity of the office's group: the other offices must be the group's, the items the checklist's,
 * the plan items the office's own (others are dropped). One activity per rendered form (`formKey`).
 */
export async function logPeerActivity(
  user: SessionUser,
  officeId: number,
  input: PeerActivityInput,
  formKey: string | null,
): Promise<{ ok: true } | { ok: false; reason: "noGroup" | "unknownItem" }> {
  if (!can(user, "workForOffice") || user.officeId !== officeId) throw forbidden();
  const group = await groupOf(officeId);
  if (!group) return { ok: false, reason: "noGroup" };
  const known = new Set((await checklistItemChoices(fiscalYearOf(now()))).map((c) => c.code));
  if (input.itemCodes.length === 0 || input.itemCodes.some((c) => !known.has(c))) return { ok: false, reason: "unknownItem" };
  const members = new Set(group.offices.map((o) => o.id));
  const ownPlanItems = await prisma.actionPlanItem.findMany({
    where: { id: { in: input.planItems }, plan: { officeId } },
    select: { id: true },
  });
  const officeIds = [...new Set([officeId, ...input.offices.filter((id) => members.has(id))])];
  await prisma.$transaction(async (tx) => {
    if (!(await claimFormKey(tx, formKey, `peer.activity:${group.id}`, user.id))) return;
    const activity = await tx.peerActivity.create({
      data: {
        groupId: group.id,
        fiscalYear: fiscalYearOf(input.date),
        date: input.date,
        kind: input.kind,
        itemCodes: input.itemCodes,
        learned: input.learned,
        loggedById: officeId,
        offices: { connect: officeIds.map((id) => ({ id })) },
        planItems: { connect: ownPlanItems.map((p) => ({ id: p.id })) },
      },
    });
    await audit({ actorId: user.id, action: "peer.activity", entityType: "PeerActivity", entityId: activity.id, summary: input.kind }, tx);
  });
  return { ok: true };
}
