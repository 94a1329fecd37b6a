// Sharing meetings (自己評価を共有する会): scheduling, registrations, attendance, agenda and notes.
import { prisma } from "~/db.server";
import { claimFormKey } from "~/lib/form-key.server";
import { Prisma, type SharingMeeting } from "~/generated/prisma/client";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { deliver, notifyAll, type Db, inTransaction } from "~/mail/notify.server";
import type { SessionUser } from "~/auth/session.server";
import { can } from "~/auth/capabilities";
import { forbidden, notFound } from "~/auth/permissions.server";
import { audit } from "~/audit/audit.server";
import { now } from "~/lib/clock";
import { jstDateString, jstDateTimeString } from "~/lib/jst";
import { proposeAgenda, type ItemStat } from "./agenda";
import { itemTexts } from "./dashboard.server";

export interface MeetingInput {
  scope: "CITY" | "WARD";
  wardId: number | null;
  title: string;
  startsAt: Date;
  venue: string;
  onlineUrl: string;
}

/** The managers of the offices a meeting is for: every active office, or the ward's. */
async function managersInScope(db: Db, wardId: number | null): Promise<number[]> {
  const rows = await db.user.findMany({
    where: { active: true, roles: { has: "OFFICE_MANAGER" }, office: { active: true, ...(wardId ? { wardId } : {}) } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Schedules a sharing meeting; the managers of the offices it is for are told, in the same change. Null when
 * this form was already carried out (`once`: app/lib/form-key.server.ts), so a double submit schedules one.
 */
export async function scheduleMeeting(input: MeetingInput): Promise<SharingMeeting>;
export async function scheduleMeeting(
  input: MeetingInput,
  once: { formKey: string | null; userId: number },
): Promise<SharingMeeting | null>;
export async function scheduleMeeting(input: MeetingInput, once?: { formKey: string | null; userId: number }) {
  const result = await inTransaction(async (tx) => {
    if (once && !(await claimFormKey(tx, once.formKey, "meeting.create", once.userId))) return null;
    const meeting = await tx.sharingMeeting.create({ data: { ...input, fiscalYear: fiscalYearOf(input.startsAt) } });
    if (once)
      await audit(
        { actorId: once.userId, action: "meeting.create", entityType: "SharingMeeting", entityId: meeting.id, summary: input.title },
        tx,
      );
    const mails = await notifyAll(tx, await managersInScope(tx, input.scope === "WARD" ? input.wardId : null), {
      key: "notices.meetingScheduled",
      titleJa: input.title,
      when: input.startsAt,
      text: input.venue || input.onlineUrl,
      link: `/meetings/${meeting.id}`,
    });
    return { meeting, mails };
  });
  if (!result) return null;
  await deliver(result.mails);
  return result.meeting;
}

export type ScheduleResult = { ok: true; meeting: SharingMeeting | null } | { ok: false; reason: "unknownWard" };

/**
 * The subcommittee (or an administrator) schedules a meeting from the form: the ward must exist for a ward
 * meeting. `meeting` is null when this form was already carried out.
 */
export async function scheduleMeetingAs(user: SessionUser, input: MeetingInput, formKey: string | null): Promise<ScheduleResult> {
  requireScheduler(user);
  if (input.scope === "WARD" && !(input.wardId && (await prisma.ward.findUnique({ where: { id: input.wardId } }))))
    return { ok: false, reason: "unknownWard" };
  return { ok: true, meeting: await scheduleMeeting(input, { formKey, userId: user.id }) };
}

/** The meetings page (/meetings): the year's meetings, the wards to choose from, and whether the user may schedule. */
export async function meetingsPage(user: SessionUser, fiscalYear: number) {
  const [meetings, wards] = await Promise.all([listMeetings(fiscalYear), prisma.ward.findMany({ orderBy: { sortOrder: "asc" } })]);
  return { meetings, wards, canSchedule: can(user, "scheduleMeetings") };
}

/** 403 unless the user may manage meetings (the subcommittee or an administrator). */
function requireScheduler(user: SessionUser) {
  if (!can(user, "scheduleMeetings")) throw forbidden();
}

/** The meeting for a change by the subcommittee or an administrator: 403 for anyone else, 404 when there is none. */
async function meetingToManage(user: SessionUser, meetingId: number) {
  requireScheduler(user);
  const meeting = await prisma.sharingMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting) throw notFound();
  return meeting;
}

/**
 * Changes a meeting's title, time or place. Offices that registered (and, for a new time or place, every
 * office the meeting is for) are told what it is now.
 */
export async function changeMeeting(user: SessionUser, id: number, input: Omit<MeetingInput, "scope" | "wardId">) {
  requireScheduler(user);
  const mails = await inTransaction(async (tx) => {
    const before = await tx.sharingMeeting.findUnique({ where: { id }, include: { registrations: { select: { officeId: true } } } });
    if (!before) return null;
    const meeting = await tx.sharingMeeting.update({ where: { id }, data: { ...input, fiscalYear: fiscalYearOf(input.startsAt) } });
    await audit({ actorId: user.id, action: "meeting.change", entityType: "SharingMeeting", entityId: id, summary: input.title }, tx);
    const registered = await tx.user.findMany({
      where: { active: true, roles: { has: "OFFICE_MANAGER" }, officeId: { in: before.registrations.map((r) => r.officeId) } },
      select: { id: true },
    });
    const recipients = [...registered.map((r) => r.id), ...(await managersInScope(tx, before.wardId))];
    return notifyAll(tx, recipients, {
      key: "notices.meetingChanged",
      titleJa: meeting.title,
      when: meeting.startsAt,
      text: meeting.venue || meeting.onlineUrl,
      link: `/meetings/${id}`,
    });
  });
  if (mails === null) return false;
  await deliver(mails);
  return true;
}

export async function listMeetings(fiscalYear: number) {
  const meetings = await prisma.sharingMeeting.findMany({
    where: { fiscalYear },
    orderBy: { startsAt: "asc" },
    include: { ward: true, registrations: { select: { officeId: true, attendeeCount: true, attended: true, attendedCount: true } } },
  });
  return meetings.map((m) => {
    const totals = registrationTotals(m.registrations);
    return {
      ...meetingFacts(m),
      registeredOffices: totals.offices,
      registeredPeople: totals.people,
      attendedOffices: totals.attendedOffices,
      attendedPeople: totals.attendedPeople,
    };
  });
}

/** What a meeting is, as pages show it (its time as an ISO instant, its ward in both languages). */
function meetingFacts(m: SharingMeeting & { ward: { nameJa: string; nameEn: string } | null }) {
  return {
    id: m.id,
    title: m.title,
    scope: m.scope,
    wardJa: m.ward?.nameJa ?? null,
    wardEn: m.ward?.nameEn ?? null,
    startsAt: m.startsAt.toISOString(),
    venue: m.venue,
    onlineUrl: m.onlineUrl,
  };
}

/** Offices and people registered, and those who came. */
function registrationTotals(registrations: { attendeeCount: number; attended: boolean; attendedCount: number }[]) {
  const came = registrations.filter((r) => r.attended);
  return {
    offices: registrations.length,
    people: registrations.reduce((n, r) => n + r.attendeeCount, 0),
    attendedOffices: came.length,
    attendedPeople: came.reduce((n, r) => n + r.attendedCount, 0),
  };
}

export async function meetingDetail(id: number) {
  return prisma.sharingMeeting.findUnique({
    where: { id },
    include: {
      ward: true,
      registrations: {
        include: { office: { select: { name: true, ward: { select: { nameJa: true, nameEn: true } } } } },
        orderBy: { office: { name: "asc" } },
      },
      topics: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
    },
  });
}

export type RegistrationRefusal = "notManager" | "notYours" | "past";

/**
 * The meeting's rules for registering: an office manager of an office, for a city-wide meeting or one of
 * the office's own ward, before the meeting starts. The one rule for the page (whether to offer the form)
 * and the action (whether to save).
 */
export function registrationRefusal(
  user: Pick<SessionUser, "roles" | "officeId" | "office">,
  meeting: { scope: string; wardId: number | null; startsAt: Date },
): RegistrationRefusal | null {
  if (user.officeId === null || !user.office || !can(user, "workForOffice") || can(user, "scheduleMeetings")) return "notManager";
  if (meeting.scope !== "CITY" && meeting.wardId !== user.office.wardId) return "notYours";
  if (meeting.startsAt.getTime() <= now().getTime()) return "past";
  return null;
}

/** Registers (or updates) the user's office for a meeting, when the meeting's rules allow it. */
export async function registerForMeeting(
  user: SessionUser,
  meetingId: number,
  input: { attendeeNames: string; attendeeCount: number; attendeeNote?: string },
): Promise<{ ok: true } | { ok: false; reason: RegistrationRefusal | "notFound" }> {
  const meeting = await prisma.sharingMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting) return { ok: false, reason: "notFound" };
  const refusal = registrationRefusal(user, meeting);
  if (refusal) return { ok: false, reason: refusal };
  const officeId = user.officeId as number;
  await prisma.$transaction(async (tx) => {
    await tx.meetingRegistration.upsert({
      where: { meetingId_officeId: { meetingId, officeId } },
      create: { meetingId, officeId, ...input },
      update: input,
    });
    const summary = `${input.attendeeCount}`;
    await audit({ actorId: user.id, action: "meeting.register", entityType: "SharingMeeting", entityId: meetingId, summary }, tx);
  });
  return { ok: true };
}

/** Per-item statistics of the submitted checklists of a year (optionally one ward), aggregated in SQL. */
export async function itemStats(fiscalYear: number, wardId: number | null): Promise<ItemStat[]> {
  const rows = await prisma.$queryRaw<
    {
      code: string;
      rated: number;
      average: number;
      low: number;
      high: { officeId: number; name: string; agreesToBeNamed: boolean }[] | null;
    }[]
  >`
    SELECT a."itemCode" AS code, COUNT(*)::int AS rated, AVG(a.rating)::float8 AS average,
           COUNT(*) FILTER (WHERE a.rating <= 2)::int AS low,
           json_agg(json_build_object('officeId', o.id, 'name', o.name, 'agreesToBeNamed', o."agreesToBeNamed") ORDER BY o.name) FILTER (WHERE a.rating = 4) AS high
    FROM "Evaluation" e
    JOIN "Office" o ON o.id = e."officeId"
    JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
    WHERE e."fiscalYear" = ${fiscalYear} AND e.status = 'SUBMITTED' AND a.rating IS NOT NULL AND NOT a."notApplicable"
      ${wardId ? Prisma.sql`AND o."wardId" = ${wardId}` : Prisma.empty}
    GROUP BY a."itemCode"`;
  return rows.map((r) => ({ ...r, high: r.high ?? [] }));
}

/**
 * Proposed topics for a meeting: from the submitted checklists of the meeting's year, or of the year
 * before when none are in yet. Offices are named only where they agreed (see proposeAgenda).
 */
export async function agendaProposal(meeting: { fiscalYear: number; wardId: number | null }) {
  let year = meeting.fiscalYear;
  let stats = await itemStats(year, meeting.wardId);
  if (stats.length === 0) {
    year -= 1;
    stats = await itemStats(year, meeting.wardId);
  }
  const { weak, goodPractice } = proposeAgenda(stats);
  const texts = await itemTexts([...weak, ...goodPractice].map((t) => t.code));
  const text = (code: string) => ({ textJa: texts.get(code)?.textJa ?? "", textEn: texts.get(code)?.textEn ?? "" });
  return {
    sourceYear: stats.length ? year : null,
    weak: weak.map((w) => ({ ...w, average: Math.round(w.average * 100) / 100, ...text(w.code) })),
    goodPractice: goodPractice.map((g) => ({ ...g, average: Math.round(g.average * 100) / 100, ...text(g.code) })),
  };
}

// ---- The agenda builder: one topic per checklist item, removable and reorderable ----

export type TopicInput = { itemCode: string; kind: "WEAK" | "GOOD_PRACTICE"; title: string };

/** Adds a topic unless its item is already on the agenda (the meeting row is locked, so two clicks add one). */
export async function addTopic(
  user: SessionUser,
  meetingId: number,
  input: TopicInput,
): Promise<{ ok: true } | { ok: false; reason: "duplicate" }> {
  await meetingToManage(user, meetingId);
  const actorId = user.id;
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "SharingMeeting" WHERE id = ${meetingId} FOR UPDATE`;
    const topics = await tx.meetingTopic.findMany({ where: { meetingId }, select: { itemCodes: true, sortOrder: true } });
    if (topics.some((t) => t.itemCodes.includes(input.itemCode))) return { ok: false as const, reason: "duplicate" as const };
    const topic = await tx.meetingTopic.create({
      data: {
        meetingId,
        itemCodes: [input.itemCode],
        kind: input.kind,
        title: input.title,
        sortOrder: topics.reduce((m, t) => Math.max(m, t.sortOrder + 1), 0),
      },
    });
    await audit(
      {
        actorId,
        action: "meeting.topic.add",
        entityType: "SharingMeeting",
        entityId: meetingId,
        summary: `${input.itemCode} (#${topic.id})`,
      },
      tx,
    );
    return { ok: true as const };
  });
}

async function renumber(tx: Db, meetingId: number, ids: number[]) {
  for (const [i, id] of ids.entries()) await tx.meetingTopic.update({ where: { id }, data: { sortOrder: i } });
}

async function orderedTopicIds(tx: Db, meetingId: number) {
  const rows = await tx.meetingTopic.findMany({
    where: { meetingId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Removes a topic (and its notes) from the agenda. False when it is not this meeting's. */
export async function removeTopic(user: SessionUser, meetingId: number, topicId: number): Promise<boolean> {
  await meetingToManage(user, meetingId);
  const actorId = user.id;
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "SharingMeeting" WHERE id = ${meetingId} FOR UPDATE`;
    const gone = await tx.meetingTopic.deleteMany({ where: { id: topicId, meetingId } });
    if (gone.count === 0) return false;
    await audit({ actorId, action: "meeting.topic.remove", entityType: "SharingMeeting", entityId: meetingId, summary: `#${topicId}` }, tx);
    await renumber(tx, meetingId, await orderedTopicIds(tx, meetingId));
    return true;
  });
}

/** Moves a topic one place up or down. False when it is not this meeting's. */
export async function moveTopic(user: SessionUser, meetingId: number, topicId: number, direction: "up" | "down"): Promise<boolean> {
  await meetingToManage(user, meetingId);
  const actorId = user.id;
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "SharingMeeting" WHERE id = ${meetingId} FOR UPDATE`;
    const ids = await orderedTopicIds(tx, meetingId);
    const i = ids.indexOf(topicId);
    if (i < 0) return false;
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return true; // already first or last: nothing changes
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await renumber(tx, meetingId, ids);
    await audit(
      { actorId, action: "meeting.topic.move", entityType: "SharingMeeting", entityId: meetingId, summary: `#${topicId} ${direction}` },
      tx,
    );
    return true;
  });
}

/** Records whether a registered office came, and how many people (the subcommittee, after the meeting). */
export async function recordAttendance(
  user: SessionUser,
  meetingId: number,
  input: { registrationId: number; attended: boolean; attendedCount: number },
) {
  requireScheduler(user);
  const reg = await prisma.meetingRegistration.findUnique({ where: { id: input.registrationId } });
  if (!reg || reg.meetingId !== meetingId) throw notFound();
  const attended = { attended: input.attended, attendedCount: input.attended ? input.attendedCount : 0 };
  await prisma.$transaction(async (tx) => {
    await tx.meetingRegistration.update({ where: { id: reg.id }, data: attended });
    const summary = `office ${reg.officeId}: ${attended.attended ? attended.attendedCount : "absent"}`;
    await audit({ actorId: user.id, action: "meeting.attendance", entityType: "SharingMeeting", entityId: meetingId, summary }, tx);
  });
}

/** Saves the notes of one agenda topic (what was shared); 404 when the topic is not this meeting's. */
export async function saveTopicNotes(user: SessionUser, meetingId: number, input: { topicId: number; notes: string }) {
  requireScheduler(user);
  const topic = await prisma.meetingTopic.findUnique({ where: { id: input.topicId } });
  if (!topic || topic.meetingId !== meetingId) throw notFound();
  await prisma.$transaction(async (tx) => {
    await tx.meetingTopic.update({ where: { id: topic.id }, data: { notes: input.notes } });
    const summary = `#${topic.id}: ${input.notes.slice(0, 60)}`;
    await audit({ actorId: user.id, action: "meeting.notes", entityType: "SharingMeeting", entityId: meetingId, summary }, tx);
  });
  return topic.id;
}

/**
 * One meeting's page (/meetings/:id) as the user may see it: the subcommittee and administrators manage it
 * (registrations, agenda proposal, edit form); an office sees its own registration, and the notes only when it
 * took part (a registration counts only where the meeting's rules allowed the office). 404 when there is none.
 */
export async function meetingPage(user: SessionUser, id: number) {
  const meeting = await meetingDetail(id);
  if (!meeting) throw notFound();
  const manage = can(user, "scheduleMeetings");
  const own = user.officeId !== null ? meeting.registrations.find((r) => r.officeId === user.officeId) : undefined;
  const refusal = registrationRefusal(user, meeting);
  const participant = manage || (!!own && (refusal === null || refusal === "past"));
  const texts = await itemTexts(meeting.topics.flatMap((t) => t.itemCodes));
  return {
    meeting: { ...meetingFacts(meeting), fiscalYear: meeting.fiscalYear, past: meeting.startsAt < now() },
    manage,
    canRegister: refusal === null,
    own: own
      ? { attendeeNames: own.attendeeNames, attendeeCount: own.attendeeCount, attendeeNote: own.attendeeNote, attended: own.attended }
      : null,
    registrations: manage
      ? meeting.registrations.map((r) => ({
          id: r.id,
          officeName: r.office.name,
          attendeeNames: r.attendeeNames,
          attendeeCount: r.attendeeCount,
          attended: r.attended,
          attendedCount: r.attendedCount,
        }))
      : [],
    totals: registrationTotals(meeting.registrations),
    topics: meeting.topics.map((tp) => ({
      id: tp.id,
      kind: tp.kind,
      title: tp.title,
      itemCodes: tp.itemCodes.map((c) => ({ code: c, textJa: texts.get(c)?.textJa ?? "", textEn: texts.get(c)?.textEn ?? "" })),
      notes: participant ? tp.notes : null,
    })),
    proposal: manage ? await agendaProposal(meeting) : null,
    /** Checklist items already on the agenda: a suggestion for one of them is shown as added. */
    onAgenda: [...new Set(meeting.topics.flatMap((tp) => tp.itemCodes))],
    edit: manage
      ? {
          date: jstDateString(meeting.startsAt),
          time: jstDateTimeString(meeting.startsAt).slice(11, 16),
          title: meeting.title,
          venue: meeting.venue,
          onlineUrl: meeting.onlineUrl,
        }
      : null,
  };
}
