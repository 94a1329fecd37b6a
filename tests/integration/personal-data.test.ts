// Issue 19, requests from a person (decision 019): the person's export is complete; the secretariat's export is a
// logged read; the person corrects their name (audited, bad input refused, nothing lost); the secretariat erases a
// person — personal data deleted or pseudonymised, the certificate register and the year's figures unchanged, the
// person told by mail, the erasure audited.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { mediaStorage } from "~/video/storage.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { loader as myJson } from "~/routes/account_.data[.json]";
import { loader as myPage } from "~/routes/account_.data";
import { action as accountAction } from "~/routes/account";
import { loader as personJson } from "~/routes/admin.users.$userId_.data[.json]";
import { action as discloseAction } from "~/routes/admin.users.$userId_.data";
import { action as userAction } from "~/routes/admin.users.$userId";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { trainingFunnel } from "~/scheduling/funnel.server";
import { callRoute, routeStatus } from "./call-route";
import { createUser, formRequestInit, requestAs } from "./factories";

const context = { clientIp: "" };
const FY = currentFiscalYear();

/** A trainee with something in every kind of record the export covers. */
async function traineeWithRecords() {
  const trainee = await createUser({ roles: ["TRAINEE"] });
  await prisma.trainingEnrollment.create({ data: { userId: trainee.id, fiscalYear: FY } });
  await prisma.moduleProgress.create({ data: { userId: trainee.id, slug: "person-centred-assessment", sectionsReached: ["intro"] } });
  await prisma.reflectionAnswer.create({
    data: { userId: trainee.id, slug: "person-centred-assessment", reflectionId: "r1", text: "私のふりかえり：面談で急ぎすぎた" },
  });
  await prisma.notification.create({ data: { userId: trainee.id, kind: "session.reminder", payload: { title: "後期研修" } } });
  const code = `T${trainee.id}X${Date.now().toString(36)}`.toUpperCase();
  const certificate = await prisma.certificate.create({
    data: { userId: trainee.id, track: "basic-ondemand", fiscalYear: FY, serial: `S-${code}`, verificationCode: code },
  });
  const session = await prisma.trainingSession.create({
    data: { track: "practical", fiscalYear: FY, titleJa: "実践研修", capacity: 10, opensAt: new Date(), closesAt: new Date() },
  });
  const assignment = await prisma.caseAssignment.create({
    data: { sessionId: session.id, instructionsJa: "事例をまとめる", dueAt: new Date(), goalCodes: ["G1"] },
  });
  const submission = await prisma.caseSubmission.create({
    data: { assignmentId: assignment.id, userId: trainee.id, status: "submitted", draft: { assessment: "事例の下書き" } },
  });
  await prisma.caseVersion.create({ data: { submissionId: submission.id, number: 1, fields: { assessment: "提出した事例の本文" } } });
  // A file attached to the case, in the media storage.
  const local = join(mkdtempSync(join(tmpdir(), "erase-")), "plan.pdf");
  writeFileSync(local, "%PDF-1.4 支援計画");
  const storageKey = `cases/${submission.id}/erase-test/file.pdf`;
  await mediaStorage().putFile(storageKey, local);
  await prisma.caseAttachment.create({
    data: {
      submissionId: submission.id,
      originalName: "支援計画.pdf",
      kind: "pdf",
      contentType: "application/pdf",
      sizeBytes: 20,
      storageKey,
    },
  });
  // An application with the person's own words and their manager's reason.
  const round = await prisma.applicationRound.create({
    data: {
      fiscalYear: FY,
      track: "practical",
      titleJa: "実践研修の募集",
      opensAt: new Date(),
      closesAt: new Date(),
      endorseBy: new Date(),
      places: 3,
      questions: ["learn"],
    },
  });
  await prisma.application.create({
    data: {
      roundId: round.id,
      userId: trainee.id,
      status: "declined",
      wantToLearn: "面談の技法を学びたい",
      declineReason: "今年度は業務の都合",
    },
  });
  await prisma.caseRating.create({
    data: { submissionId: submission.id, goalCode: "G1", level: 3, raterId: trainee.id, versionNumber: 1 },
  });
  return { trainee, certificate, submission };
}

describe("a person's data", () => {
  it("the person's export holds every kind of their records, and their own export is not logged as a read", async () => {
    const { trainee, certificate } = await traineeWithRecords();
    const response = (await myJson({ request: await requestAs(trainee.id, "/account/data.json"), params: {}, context })) as Response;
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const data = JSON.parse(await response.text());
    expect(data.person.account.email).toBe(trainee.email);
    expect(data.person.account).not.toHaveProperty("passwordHash");
    expect(data.person.signIn.sessions).toHaveLength(1); // the request's own session
    expect(data.person.training.enrolments.map((e: { fiscalYear: number }) => e.fiscalYear)).toEqual([FY]);
    expect(data.person.training.modules[0].module).toBe("person-centred-assessment");
    expect(data.person.training.reflections[0].text).toContain("急ぎすぎた");
    expect(data.person.training.certificates[0].serial).toBe(certificate.serial);
    expect(data.person.caseWork.submissions[0].versions[0].fields.assessment).toBe("提出した事例の本文");
    expect(data.person.caseWork.submissions[0].ratings).toEqual([{ goal: "G1", level: 3 }]);
    expect(data.person.notices.notifications[0].kind).toBe("session.reminder");

    const page = (await myPage({ request: await requestAs(trainee.id, "/account/data"), params: {}, context })) as {
      account: Record<string, string>;
      tables: { id: string; rows: Record<string, string>[] }[];
    };
    expect(page.account.email).toBe(trainee.email);
    expect(page.tables.find((t) => t.id === "training.reflections")?.rows[0].text).toContain("急ぎすぎた");
    expect(await prisma.auditLog.count({ where: { subjectUserId: trainee.id, isRead: true } })).toBe(0);
  });

  it("the secretariat exports a person's data on request (a logged read); nobody else may", async () => {
    const { trainee } = await traineeWithRecords();
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const manager = await createUser({ roles: ["OFFICE_MANAGER"] });
    const path = `/admin/users/${trainee.id}/data.json`;
    const params = { userId: String(trainee.id) };
    const response = (await personJson({ request: await requestAs(admin.id, path), params, context })) as Response;
    expect(JSON.parse(await response.text()).person.account.email).toBe(trainee.email);
    const logged = await prisma.auditLog.findMany({ where: { subjectUserId: trainee.id, isRead: true } });
    expect(logged.map((e) => [e.actorId, e.action])).toEqual([[admin.id, "privacy.export"]]);
    expect(await routeStatus(personJson({ request: await requestAs(manager.id, path), params, context }))).toBe(403);
  });

  it("the secretariat tells the person by mail: a disclosure, and a correction naming what changed (old and new address)", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"], email: `told-${Date.now()}@example.jp` });
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const manager = await createUser({ roles: ["OFFICE_MANAGER"] });
    const params = { userId: String(trainee.id) };
    const disclose = async (who: number) =>
      callRoute(discloseAction({ request: await requestAs(who, `/admin/users/${trainee.id}/data`, formRequestInit({})), params, context }));
    expect((await disclose(manager.id)).status).toBe(403);
    expect(await prisma.outboxMessage.count({ where: { to: trainee.email } })).toBe(0);
    expect((await disclose(admin.id)).status).toBe(200);
    const told = await prisma.outboxMessage.findFirstOrThrow({ where: { to: trainee.email } });
    expect(told.subject).toBe("つなぐ：保有個人情報の開示について");
    expect(told.body).toContain("自分の情報");
    expect(await prisma.auditLog.count({ where: { action: "privacy.disclose", entityId: String(trainee.id), actorId: admin.id } })).toBe(1);

    // A correction of name and address: told at both addresses, naming the two fields; a save that changes nothing
    // sends nothing.
    const newEmail = `corrected-${Date.now()}@example.jp`;
    const edit = async (fields: Record<string, string | string[]>) =>
      callRoute(userAction({ request: await requestAs(admin.id, `/admin/users/${trainee.id}`, formRequestInit(fields)), params, context }));
    const form = { email: newEmail, displayName: "訂正 後子", locale: "ja", officeId: "", roles: ["TRAINEE"] };
    expect((await edit(form)).status).toBe(200);
    const corrected = await prisma.outboxMessage.findMany({
      where: { subject: "つなぐ：事務局がアカウントの情報を訂正しました", to: { in: [trainee.email, newEmail] } },
    });
    expect(corrected.map((m) => m.to).sort()).toEqual([trainee.email, newEmail].sort());
    expect(corrected[0].body).toContain("氏名（表示名）、メールアドレス");
    expect((await edit(form)).status).toBe(200);
    expect(await prisma.outboxMessage.count({ where: { to: { in: [trainee.email, newEmail] }, subject: { contains: "訂正" } } })).toBe(2);
  });

  it("the person corrects their name: audited; an empty name is refused and nothing is lost", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const post = async (fields: Record<string, string>) =>
      callRoute(accountAction({ request: await requestAs(trainee.id, "/account", formRequestInit(fields)), params: {}, context }));
    expect((await post({ intent: "profile", displayName: "   " })).status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } })).displayName).toBe(trainee.displayName);
    expect((await post({ intent: "profile", displayName: "正しい 名前" })).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } })).displayName).toBe("正しい 名前");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "privacy.correct", entityId: String(trainee.id) } });
    expect(entry.summary).toContain("正しい 名前");
  });

  it("the secretariat erases a person: personal data gone, the register and the year's figures unchanged, told by mail, audited", async () => {
    const { trainee, certificate, submission } = await traineeWithRecords();
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const funnelBefore = await trainingFunnel(FY);
    const enrolledBefore = await prisma.trainingEnrollment.count({ where: { fiscalYear: FY } });
    const post = async (fields: Record<string, string>) =>
      callRoute(
        userAction({
          request: await requestAs(admin.id, `/admin/users/${trainee.id}`, formRequestInit({ intent: "erase", ...fields })),
          params: { userId: String(trainee.id) },
          context,
        }),
      );

    // A slip (another address) or no reason: refused, nothing changed.
    expect((await post({ confirmEmail: "someone-else@example.jp", reason: "退職" })).status).toBe(400);
    expect((await post({ confirmEmail: trainee.email, reason: "" })).status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } })).email).toBe(trainee.email);
    // Their own account: refused.
    const self = await callRoute(
      userAction({
        request: await requestAs(
          admin.id,
          `/admin/users/${admin.id}`,
          formRequestInit({ intent: "erase", confirmEmail: admin.email, reason: "x" }),
        ),
        params: { userId: String(admin.id) },
        context,
      }),
    );
    expect(self.status).toBe(400);

    await requestAs(trainee.id, "/"); // a live session to be ended
    expect((await post({ confirmEmail: trainee.email.toUpperCase(), reason: "本人の請求（受付日）" })).status).toBe(200);

    const after = await prisma.user.findUniqueOrThrow({ where: { id: trainee.id } });
    expect(after.displayName).not.toBe(trainee.displayName);
    expect(after.email).not.toBe(trainee.email);
    expect(after.active).toBe(false);
    expect(after.passwordHash).toBeNull();
    expect(await prisma.session.count({ where: { userId: trainee.id } })).toBe(0);
    expect(await prisma.reflectionAnswer.count({ where: { userId: trainee.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: trainee.id } })).toBe(0);
    const sub = await prisma.caseSubmission.findUniqueOrThrow({ where: { id: submission.id }, include: { versions: true, ratings: true } });
    expect(sub.draft).toEqual({});
    expect(sub.versions[0].fields).toEqual({});
    expect(sub.textsDeletedAt).not.toBeNull();
    expect(sub.ratings).toHaveLength(1); // the rubric result stays
    // The case's files are gone from the storage and the database; the application stays, without its texts.
    expect(await prisma.caseAttachment.count({ where: { submissionId: submission.id } })).toBe(0);
    expect(await mediaStorage().stat(`cases/${submission.id}/erase-test/file.pdf`)).toBeNull();
    expect(await prisma.application.findFirstOrThrow({ where: { userId: trainee.id } })).toMatchObject({
      status: "declined",
      wantToLearn: "",
      declineReason: "",
    });

    // The register: the certificate stays, under the name it was issued to; the verification page says so.
    const cert = await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
    expect(cert.holderName).toBe(trainee.displayName);
    const verified = (await verifyLoader({
      request: new Request(`http://localhost/verify/${cert.verificationCode}`),
      params: { code: cert.verificationCode },
      context,
    })) as { name: string };
    expect(verified.name).toBe(trainee.displayName);
    // The year's figures are the same.
    expect(await trainingFunnel(FY)).toEqual(funnelBefore);
    expect(await prisma.trainingEnrollment.count({ where: { fiscalYear: FY } })).toBe(enrolledBefore);

    // Told by mail at the old address; audited with what was deleted.
    const mail = await prisma.outboxMessage.findMany({ where: { to: trainee.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0].body).toContain(trainee.displayName);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "privacy.erase", entityId: String(trainee.id) } });
    expect(entry.actorId).toBe(admin.id);
    expect(entry.summary).toContain("本人の請求");
    expect(entry.summary).toContain("reflections: 1");

    // Erasing again is refused.
    expect((await post({ confirmEmail: after.email, reason: "again" })).status).toBe(400);
  });
});
