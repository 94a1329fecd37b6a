// A person's requests (issue 19: 本人開示・訂正・利用停止/削除, decision 019): everything the platform holds about
// one person (for the person at /account/data, for the secretariat at /admin/users/:id/data), correcting the
// profile, and erasure by the secretariat — personal data deleted or pseudonymised, table by table as
// docs/personal-information.md says, while the records the council must keep stay consistent. Each step audited.
import { z } from "zod";
import { audit, describeChanges, logRead } from "~/audit/audit.server";
import { can } from "~/auth/capabilities";
import { forbidden, notFound } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { removeApplicationFiles } from "~/applications/attachment.server";
import { removeAttachmentFiles } from "~/cases/cases.server";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n";
import { now } from "~/lib/clock";
import { queueMail } from "~/mail/outbox.server";

/** The version of the export's shape (raise it when a section changes). */
export const PERSONAL_DATA_FORMAT = 1;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Everything held about one person, as plain JSON-ready sections (each a list of rows or one object). */
async function collect(userId: number) {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { office: { select: { name: true } } } });
  if (!user) throw notFound();
  const [
    sessions,
    acknowledgements,
    totp,
    passkeys,
    recoveryCodes,
    enrolments,
    progress,
    attempts,
    reflections,
    sessionEnrolments,
    certificates,
    exemptions,
    notifications,
    feeds,
    cases,
    questions,
    watches,
    answers,
    planComments,
    actions,
    readsOfMe,
    mail,
    statutoryRecord,
    refreshers,
    memberships,
    statutoryReminders,
  ] = await Promise.all([
    prisma.session.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.privacyAcknowledgement.findMany({ where: { userId }, orderBy: { version: "asc" } }),
    prisma.totpCredential.findUnique({ where: { userId } }),
    prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.recoveryCode.findMany({ where: { userId } }),
    prisma.trainingEnrollment.findMany({ where: { userId }, orderBy: { fiscalYear: "asc" } }),
    prisma.moduleProgress.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.checkAttempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.reflectionAnswer.findMany({ where: { userId }, orderBy: { updatedAt: "asc" } }),
    prisma.sessionEnrollment.findMany({
      where: { userId },
      include: { session: { select: { titleJa: true, fiscalYear: true, track: true } }, attendance: true, makeUps: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.certificate.findMany({ where: { userId }, orderBy: { issuedAt: "asc" } }),
    prisma.prerequisiteExemption.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.calendarFeedToken.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.caseSubmission.findMany({
      where: { userId },
      include: { versions: { orderBy: { number: "asc" } }, comments: true, ratings: true, questions: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.caseQuestion.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.videoWatch.findMany({ where: { userId }, include: { video: { select: { titleJa: true } } } }),
    prisma.evaluationAnswer.findMany({
      where: { updatedById: userId },
      include: { evaluation: { select: { fiscalYear: true, office: { select: { name: true } } } } },
    }),
    prisma.actionPlanComment.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.auditLog.findMany({ where: { actorId: userId }, orderBy: { createdAt: "asc" }, take: 10_000 }),
    prisma.auditLog.findMany({ where: { subjectUserId: userId, isRead: true }, orderBy: { createdAt: "asc" }, take: 10_000 }),
    prisma.outboxMessage.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } }),
    prisma.statutoryTrainingRecord.findUnique({ where: { userId } }),
    prisma.refresherTraining.findMany({ where: { userId }, orderBy: { completedOn: "asc" } }),
    prisma.staffMembership.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    prisma.statutoryReminder.findMany({ where: { userId }, orderBy: { sentAt: "asc" } }),
  ]);
  const membershipOffices = await prisma.office.findMany({
    where: { id: { in: memberships.flatMap((m) => [m.officeId, ...(m.toOfficeId ? [m.toOfficeId] : [])]) } },
    select: { id: true, name: true },
  });
  const officeName = (id: number | null) => (id === null ? null : (membershipOffices.find((o) => o.id === id)?.name ?? `#${id}`));
  // Applications for training (issue 20), with the round and the attached file's name.
  const applications = await prisma.application.findMany({
    where: { userId },
    include: { round: { select: { titleJa: true, fiscalYear: true, track: true } }, attachment: true },
    orderBy: { createdAt: "asc" },
  });
  // Training recommendations (issue 17): those made to the person by their office, and those the person made as a manager.
  const [recommendedToThem, recommendedByThem] = await Promise.all([
    prisma.trainingRecommendation.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.trainingRecommendation.findMany({ where: { recommendedById: userId }, orderBy: { createdAt: "asc" } }),
  ]);
  const recommendationRows = [...recommendedToThem, ...recommendedByThem];
  const [recommendedSessions, recommendationOffices, recommendationPeople] = await Promise.all([
    prisma.trainingSession.findMany({
      where: { id: { in: recommendationRows.flatMap((r) => (r.sessionId ? [r.sessionId] : [])) } },
      select: { id: true, titleJa: true },
    }),
    prisma.office.findMany({ where: { id: { in: recommendationRows.map((r) => r.officeId) } }, select: { id: true, name: true } }),
    prisma.user.findMany({
      where: { id: { in: recommendationRows.flatMap((r) => [r.userId, ...(r.recommendedById ? [r.recommendedById] : [])]) } },
      select: { id: true, displayName: true },
    }),
  ]);
  const recommendation = (r: (typeof recommendationRows)[number]) => ({
    fiscalYear: r.fiscalYear,
    kind: r.kind,
    module: r.moduleSlug,
    session: r.sessionId ? (recommendedSessions.find((x) => x.id === r.sessionId)?.titleJa ?? `#${r.sessionId}`) : null,
    category: r.categoryCode || null,
    office: recommendationOffices.find((o) => o.id === r.officeId)?.name ?? null,
    at: iso(r.createdAt),
  });
  const personName = (id: number | null) => (id === null ? null : (recommendationPeople.find((p) => p.id === id)?.displayName ?? null));
  const readers = await prisma.user.findMany({
    where: { id: { in: [...new Set(readsOfMe.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } },
    select: { id: true, displayName: true },
  });
  const readerName = new Map(readers.map((r) => [r.id, r.displayName]));
  return {
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      office: user.office?.name ?? null,
      roles: user.roles,
      locale: user.locale,
      active: user.active,
      hasPassword: user.passwordHash !== null,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    signIn: {
      sessions: sessions.map((s) => ({
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastVerifiedAt),
        userAgent: s.userAgent,
        ipAddress: s.ipAddress,
      })),
      authenticatorApp: totp ? { confirmedAt: iso(totp.confirmedAt) } : null,
      passkeys: passkeys.map((p) => ({ name: p.name, createdAt: iso(p.createdAt), lastUsedAt: iso(p.lastUsedAt) })),
      recoveryCodes: { total: recoveryCodes.length, used: recoveryCodes.filter((c) => c.usedAt).length },
      privacyNoticeAcknowledged: acknowledgements.map((a) => ({ version: a.version, at: iso(a.acknowledgedAt) })),
    },
    training: {
      enrolments: enrolments.map((e) => ({ fiscalYear: e.fiscalYear, at: iso(e.createdAt) })),
      modules: progress.map((p) => ({
        module: p.slug,
        sectionsReached: p.sectionsReached,
        completedAt: iso(p.completedAt),
        startedAt: iso(p.createdAt),
      })),
      knowledgeChecks: attempts.map((a) => ({
        module: a.slug,
        score: a.score,
        passed: a.passed,
        answers: a.answers,
        at: iso(a.createdAt),
      })),
      reflections: reflections.map((r) => ({ module: r.slug, prompt: r.reflectionId, text: r.text, at: iso(r.updatedAt) })),
      sessions: sessionEnrolments.map((e) => ({
        session: e.session.titleJa,
        fiscalYear: e.session.fiscalYear,
        track: e.session.track,
        status: e.status,
        noShow: e.noShow,
        daysAttended: e.attendance.length,
        minutesLate: e.attendance.reduce((sum, a) => sum + a.lateMinutes, 0),
        minutesLeftEarly: e.attendance.reduce((sum, a) => sum + a.earlyMinutes, 0),
        makeUps: e.makeUps.map((m) => ({
          what: m.what,
          minutes: m.minutes,
          dueOn: iso(m.dueOn),
          carried: m.carried,
          doneAt: iso(m.doneAt),
        })),
        enrolledAt: iso(e.enrolledAt),
        cancelledAt: iso(e.cancelledAt),
      })),
      certificates: certificates.map((c) => ({
        serial: c.serial,
        verificationCode: c.verificationCode,
        track: c.track,
        fiscalYear: c.fiscalYear,
        issuedAt: iso(c.issuedAt),
        revokedAt: iso(c.revokedAt),
        revokeReason: c.revokeReason,
      })),
      exemptions: exemptions.map((x) => ({ kind: x.kind, reason: x.reason, at: iso(x.createdAt), revokedAt: iso(x.revokedAt) })),
      videos: watches.map((w) => ({ video: w.video.titleJa, playedSeconds: w.playedSeconds, watchedAt: iso(w.watchedAt) })),
      recommendationsReceived: recommendedToThem.map((r) => ({ ...recommendation(r), recommendedBy: personName(r.recommendedById) })),
      recommendationsMade: recommendedByThem.map((r) => ({ ...recommendation(r), to: personName(r.userId) })),
    },
    statutoryTraining: {
      record: statutoryRecord
        ? {
            initialFiscalYear: statutoryRecord.initialFiscalYear,
            initialEvidence: statutoryRecord.initialEvidence,
            chiefStatus: statutoryRecord.chiefStatus,
            chiefEvidence: statutoryRecord.chiefEvidence,
            updatedAt: iso(statutoryRecord.updatedAt),
          }
        : null,
      refreshers: refreshers.map((r) => ({ completedOn: iso(r.completedOn), evidence: r.evidence, recordedAt: iso(r.createdAt) })),
      remindersSent: statutoryReminders.map((r) => ({ deadlineFiscalYear: r.deadlineFiscalYear, stage: r.stage, sentAt: iso(r.sentAt) })),
      offices: memberships.map((m) => ({
        office: officeName(m.officeId),
        startedOn: iso(m.startedOn),
        endedOn: iso(m.endedOn),
        endKind: m.endKind,
        toOffice: officeName(m.toOfficeId),
      })),
    },
    applications: {
      applications: applications.map((a) => ({
        round: a.round.titleJa,
        fiscalYear: a.round.fiscalYear,
        track: a.round.track,
        status: a.status,
        direct: a.direct,
        yearsExperience: a.yearsExperience,
        currentRole: a.currentRole,
        statutoryTraining: a.statutoryTraining,
        wantToLearn: a.wantToLearn,
        endorsementRank: a.endorsementRank,
        declineReason: a.declineReason,
        selectionReason: a.selectionReason,
        submittedAt: iso(a.submittedAt),
        withdrawnAt: iso(a.withdrawnAt),
        decidedAt: iso(a.decidedAt),
        waitlistPosition: a.waitlistPosition,
        file: a.attachment ? { name: a.attachment.originalName, kind: a.attachment.kind, sizeBytes: a.attachment.sizeBytes } : null,
      })),
    },
    caseWork: {
      submissions: cases.map((c) => ({
        id: c.id,
        status: c.status,
        review: c.review,
        firstSubmittedAt: iso(c.firstSubmittedAt),
        textsDeletedAt: iso(c.textsDeletedAt),
        draft: c.draft,
        versions: c.versions.map((v) => ({ number: v.number, fields: v.fields, submittedAt: iso(v.submittedAt) })),
        comments: c.comments.map((m) => ({ field: m.field, quote: m.quote, body: m.body, at: iso(m.createdAt) })),
        ratings: c.ratings.map((r) => ({ goal: r.goalCode, level: r.level })),
        questions: c.questions.map((q) => ({ body: q.body, at: iso(q.createdAt) })),
      })),
      questionsAsked: questions.map((q) => ({ submission: q.submissionId, body: q.body, at: iso(q.createdAt) })),
    },
    officeWork: {
      answersLastChanged: answers.map((a) => ({
        office: a.evaluation.office.name,
        fiscalYear: a.evaluation.fiscalYear,
        item: a.itemCode,
        at: iso(a.updatedAt),
      })),
      planComments: planComments.map((c) => ({ item: c.itemId, text: c.text, at: iso(c.createdAt) })),
    },
    notices: {
      notifications: notifications.map((n) => ({ kind: n.kind, payload: n.payload, at: iso(n.createdAt), readAt: iso(n.readAt) })),
      calendarFeeds: feeds.map((f) => ({ createdAt: iso(f.createdAt), revokedAt: iso(f.revokedAt) })),
      mail: mail.map((m) => ({ subject: m.subject, body: m.body, at: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    },
    audit: {
      actions: actions.map((a) => ({
        at: iso(a.createdAt),
        action: a.action,
        record: `${a.entityType} #${a.entityId}`,
        summary: a.summary,
      })),
      whoReadMyData: readsOfMe.map((r) => ({
        at: iso(r.createdAt),
        reader: r.actorId ? (readerName.get(r.actorId) ?? `#${r.actorId}`) : null,
        action: r.action,
        summary: r.summary,
      })),
    },
  };
}

export type PersonalData = { format: number; exportedAt: string; person: Awaited<ReturnType<typeof collect>> };

/** Whose data the signed-in user may export: their own, or anyone's for the secretariat (administrators). */
function mayActFor(user: SessionUser, userId: number) {
  return user.id === userId || can(user, "administer");
}

/**
 * Everything held about a person (the person, or the secretariat on the person's request). The secretariat's
 * export is an access-log read of that person (decision 016); the person's own is not.
 */
export async function personalData(user: SessionUser, userId: number): Promise<PersonalData> {
  if (!mayActFor(user, userId)) throw forbidden();
  const person = await collect(userId);
  await logRead(user, "privacy.export", [{ entityType: "User", entityId: userId, subjectUserId: userId, summary: "personal data export" }]);
  return { format: PERSONAL_DATA_FORMAT, exportedAt: now().toISOString(), person };
}

/** Rows per table on the readable page; the JSON file has them all. */
export const READABLE_ROWS = 100;

/** The sections as titled tables for the readable page: each row's keys are the columns (the first 100 rows). */
export function personalTables(data: PersonalData) {
  const tables: { id: string; rows: Record<string, string>[]; total: number }[] = [];
  const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  for (const [section, value] of Object.entries(data.person)) {
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      const id = `${section}.${name}`;
      if (Array.isArray(inner))
        tables.push({
          id,
          total: inner.length,
          rows: inner.slice(0, READABLE_ROWS).map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, cell(v)]))),
        });
      else if (section === "account") continue;
      else if (inner && typeof inner === "object")
        tables.push({ id, total: 1, rows: [Object.fromEntries(Object.entries(inner as object).map(([k, v]) => [k, cell(v)]))] });
      else tables.push({ id, total: inner === null ? 0 : 1, rows: inner === null ? [] : [{ value: cell(inner) }] });
    }
  }
  const account = Object.fromEntries(Object.entries(data.person.account).map(([k, v]) => [k, cell(v)]));
  return { account, tables };
}

// ---- Correction (the person's own profile) ----

export const profileSchema = z.object({ displayName: z.string().trim().min(1).max(100) });

/** The person corrects their own name (e-mail, office and roles are corrected by the secretariat); audited. */
export async function correctProfile(user: SessionUser, input: z.infer<typeof profileSchema>) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { displayName: true } });
    await tx.user.update({ where: { id: user.id }, data: { displayName: input.displayName } });
    await audit(
      {
        actorId: user.id,
        action: "privacy.correct",
        entityType: "User",
        entityId: user.id,
        summary: describeChanges(before, { displayName: input.displayName }),
      },
      tx,
    );
  });
}

// ---- Erasure (the secretariat, on the person's request or when they have left) ----

export const eraseSchema = z.object({
  /** The person's e-mail address typed again, so nobody is erased by a slip. */
  confirmEmail: z.string().trim().toLowerCase().email(),
  reason: z.string().trim().min(1).max(1000),
});

export type EraseResult = { ok: true; counts: Record<string, number> } | { ok: false; reason: "self" | "mismatch" | "erased" };

/** The pseudonym an erased account keeps, so records that refer to it stay consistent. */
export const erasedName = (id: number) => `削除された利用者 #${id}`;
export const erasedEmail = (id: number) => `erased-${id}@invalid`;

/**
 * Erases a person (decision 019, docs/personal-information.md "Erasure"): deletes their sign-in data, reflections,
 * notifications, feeds, mail and the texts of their cases; copies their name onto the certificates they were
 * issued; pseudonymises the account. Enrolments, progress, attendance, ratings, certificates and the audit log stay
 * for the council's figures and registers. One transaction; audited; the person is told by mail first.
 */
export async function eraseUser(
  admin: SessionUser,
  userId: number,
  input: z.infer<typeof eraseSchema>,
  locale: Locale,
): Promise<EraseResult> {
  if (!can(admin, "administer")) throw forbidden();
  if (admin.id === userId) return { ok: false, reason: "self" };
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound();
  if (user.email === erasedEmail(userId)) return { ok: false, reason: "erased" };
  if (user.email !== input.confirmEmail) return { ok: false, reason: "mismatch" };
  const at = now();
  // Told first, at the address that is about to go; this one message is kept as the record that they were told.
  const told = await queueMail({
    to: user.email,
    subject: locale === "en" ? "Your Tsunagu account has been erased" : "つなぐ：アカウントの個人情報を削除しました",
    body:
      locale === "en"
        ? `Dear ${user.displayName},\n\nAt your request (or as you have left), the secretariat erased the personal information of your Tsunagu account. Certificates issued to you stay in the register under your name; training figures are kept without your name.\n`
        : `${user.displayName} 様\n\nご請求（または退職等）により、事務局が つなぐ のアカウントの個人情報を削除しました。発行済みの修了証は、お名前とともに台帳に残ります。研修の集計は、お名前を除いて残ります。\n`,
  });
  // The files attached to the person's cases leave the storage first (as the retention job does): a row is only
  // removed once its file is gone.
  await removeAttachmentFiles((await prisma.caseSubmission.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id));
  await removeApplicationFiles((await prisma.application.findMany({ where: { userId }, select: { id: true } })).map((a) => a.id));
  const counts = await prisma.$transaction(async (tx) => {
    const subs = await tx.caseSubmission.findMany({ where: { userId }, select: { id: true } });
    const subIds = subs.map((s) => s.id);
    const c: Record<string, number> = {};
    const n = async (name: string, p: Promise<{ count: number }>) => {
      c[name] = (await p).count;
    };
    await n("sessions", tx.session.deleteMany({ where: { userId } }));
    await n("invitations", tx.invitation.deleteMany({ where: { userId } }));
    await n("signInThrottle", tx.signInThrottle.deleteMany({ where: { key: `email:${user.email}` } }));
    await n("privacyAcknowledgements", tx.privacyAcknowledgement.deleteMany({ where: { userId } }));
    await n("totp", tx.totpCredential.deleteMany({ where: { userId } }));
    await n("recoveryCodes", tx.recoveryCode.deleteMany({ where: { userId } }));
    await n("twoFactorChallenges", tx.twoFactorChallenge.deleteMany({ where: { userId } }));
    await n("passkeys", tx.passkey.deleteMany({ where: { userId } }));
    await n("passkeyRegistrations", tx.passkeyRegistration.deleteMany({ where: { userId } }));
    await n("demoExemptions", tx.twoFactorDemoExemption.deleteMany({ where: { userId } }));
    await n("formSubmissions", tx.formSubmission.deleteMany({ where: { userId } }));
    await n("reflections", tx.reflectionAnswer.deleteMany({ where: { userId } }));
    await n("notifications", tx.notification.deleteMany({ where: { userId } }));
    await n("trainingRecommendations", tx.trainingRecommendation.deleteMany({ where: { userId } }));
    await n("calendarFeeds", tx.calendarFeedToken.deleteMany({ where: { userId } }));
    await n("mail", tx.outboxMessage.deleteMany({ where: { to: user.email, id: { not: told.id } } }));
    // The statutory training record and office history (issue 20, part 2) go with the person.
    await n("statutoryRecord", tx.statutoryTrainingRecord.deleteMany({ where: { userId } }));
    await n("refresherTrainings", tx.refresherTraining.deleteMany({ where: { userId } }));
    await n("statutoryReminders", tx.statutoryReminder.deleteMany({ where: { userId } }));
    await n("staffMemberships", tx.staffMembership.deleteMany({ where: { userId } }));
    await n("caseQuestionsWritten", tx.caseQuestion.deleteMany({ where: { authorId: userId } }));
    await n("caseQuestionsOnCases", tx.caseQuestion.deleteMany({ where: { submissionId: { in: subIds } } }));
    await n("caseComments", tx.caseComment.deleteMany({ where: { submissionId: { in: subIds } } }));
    await n("caseAttachments", tx.caseAttachment.deleteMany({ where: { submissionId: { in: subIds } } }));
    // Applications stay (the round's selection and places must add up); what the person and their manager wrote goes.
    await n("applicationFiles", tx.applicationAttachment.deleteMany({ where: { application: { userId } } }));
    await n(
      "applicationTexts",
      tx.application.updateMany({ where: { userId }, data: { currentRole: "", wantToLearn: "", declineReason: "", selectionReason: "" } }),
    );
    await n("caseVersions", tx.caseVersion.updateMany({ where: { submissionId: { in: subIds } }, data: { fields: {} } }));
    await n(
      "caseTexts",
      tx.caseSubmission.updateMany({ where: { id: { in: subIds } }, data: { draft: {}, confirmations: [], textsDeletedAt: at } }),
    );
    await n("certificatesNamed", tx.certificate.updateMany({ where: { userId, holderName: "" }, data: { holderName: user.displayName } }));
    await tx.user.update({
      where: { id: userId },
      data: { displayName: erasedName(userId), email: erasedEmail(userId), passwordHash: null, roles: [], officeId: null, active: false },
    });
    await audit(
      {
        actorId: admin.id,
        action: "privacy.erase",
        entityType: "User",
        entityId: userId,
        summary: `${input.reason} — ${Object.entries(c)
          .filter(([, v]) => v)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ")}`,
      },
      tx,
    );
    return c;
  });
  return { ok: true, counts };
}

// ---- Telling the person (issue 19: "each step audited and the person told by mail") ----

const FIELD_NAMES: Record<string, { ja: string; en: string }> = {
  displayName: { ja: "氏名（表示名）", en: "name" },
  email: { ja: "メールアドレス", en: "e-mail address" },
  officeId: { ja: "所属事業所", en: "office" },
  roles: { ja: "役割", en: "roles" },
  locale: { ja: "表示言語", en: "language" },
};

/**
 * After the secretariat corrected a person's account (name, e-mail, office, roles, language): a mail to the person,
 * in their language, naming what changed — at the new address and, when the address itself changed, the old one too.
 * Nothing is sent when nothing changed or the person corrected it themselves.
 */
export async function tellCorrected(
  before: { id: number; email: string; displayName: string; locale: string } & Record<string, unknown>,
  after: { email: string; displayName: string; locale: string } & Record<string, unknown>,
  actorId: number,
): Promise<number> {
  if (actorId === before.id) return 0;
  const changed = Object.keys(FIELD_NAMES).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  if (changed.length === 0) return 0;
  const en = after.locale === "en";
  const fields = changed.map((k) => FIELD_NAMES[k][en ? "en" : "ja"]).join(en ? ", " : "、");
  const subject = en ? "Tsunagu: the secretariat corrected your account" : "つなぐ：事務局がアカウントの情報を訂正しました";
  const body = en
    ? `Dear ${after.displayName},\n\nThe secretariat corrected the following on your Tsunagu account: ${fields}.\nYou can see everything held about you under Account → Your data. If this is not what you asked for, please contact the secretariat.\n`
    : `${after.displayName} 様\n\n事務局が、つなぐ のアカウントの次の情報を訂正しました：${fields}。\n保有している情報はすべて「アカウント → 自分の情報」で確認できます。ご請求と異なる場合は事務局にご連絡ください。\n`;
  const to = [...new Set([after.email, before.email])];
  for (const address of to) await queueMail({ to: address, subject, body });
  return to.length;
}

/**
 * The secretariat's answer to a request for disclosure (法第76条): the person is told by mail where to read and
 * download everything held about them (/account/data). Audited; the export pages themselves are access-logged reads.
 */
export async function discloseToPerson(user: SessionUser, userId: number): Promise<void> {
  if (!can(user, "administer") || user.id === userId) throw forbidden();
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, locale: true },
  });
  if (!person) throw new Response("Not found", { status: 404 });
  const en = person.locale === "en";
  await audit({
    actorId: user.id,
    action: "privacy.disclose",
    entityType: "User",
    entityId: userId,
    summary: `disclosure sent to ${person.email}`,
  });
  await queueMail({
    to: person.email,
    subject: en ? "Tsunagu: your request for disclosure" : "つなぐ：保有個人情報の開示について",
    body: en
      ? `Dear ${person.displayName},\n\nIn answer to your request, everything Tsunagu holds about you can be read after signing in, under Account → Your data, and saved there as a file (JSON).\nIf anything is wrong, you may ask the secretariat to correct it.\n`
      : `${person.displayName} 様\n\nご請求いただいた保有個人情報は、つなぐ にログインし「アカウント → 自分の情報」ですべてご覧いただけます。同じページからファイル（JSON）として保存することもできます。\n内容に誤りがある場合は、事務局に訂正をご請求ください。\n`,
  });
}
