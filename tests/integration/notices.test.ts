// People told what concerns them: returns, plan comments, meeting changes, introduction requests and
// their answers each leave a notification and a mail — in the recipient's language, with absolute links.
process.env.APP_ORIGIN = "https://tsunagu.example.jp";

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/session.server";
import { navFor } from "~/components/nav";
import { commentOnItem } from "~/cycle/action-plan.server";
import { changeMeeting, scheduleMeeting } from "~/cycle/meetings.server";
import { answerIntroduction } from "~/cycle/peer.server";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { returnEvaluation } from "~/evaluation/evaluation.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { now } from "~/lib/clock";
import { fiscalYearLabelJa, fiscalYearOf } from "~/lib/fiscal-year";
import { noticesFor } from "~/mail/notify.server";
import { issueCertificate, notify as schedulingNotify } from "~/scheduling/scheduling.server";
import { createOffice, createUser, createWard } from "./factories";

const FY = fiscalYearOf(now());
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");

let ward: number, officeA: number, officeB: number, otherWardOffice: number;
let managerJa: number, managerEn: number, managerB: number, managerOther: number, sub: SessionUser;

async function mailsTo(userId: number) {
  const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return prisma.outboxMessage.findMany({ where: { to: email }, orderBy: { id: "asc" } });
}
const links = (body: string) => body.match(/\S*\/[\w?=#./-]*/g)?.filter((l) => l.includes("/")) ?? [];

beforeAll(async () => {
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
  ward = (await createWard()).id;
  officeA = (await createOffice({ wardId: ward })).id;
  officeB = (await createOffice({ wardId: ward })).id;
  otherWardOffice = (await createOffice()).id;
  managerJa = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA })).id;
  managerEn = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA })).id;
  await prisma.user.update({ where: { id: managerEn }, data: { locale: "en" } });
  managerB = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB })).id;
  managerOther = (await createUser({ roles: ["OFFICE_MANAGER"], officeId: otherWardOffice })).id;
  const s = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] });
  sub = { id: s.id, email: s.email, displayName: s.displayName, locale: "ja", roles: s.roles, officeId: null, office: null };
});

describe("every role can reach its notices", () => {
  it("the menu links to /notifications for every role", () => {
    for (const role of ["TRAINEE", "OFFICE_MANAGER", "PLANNING_COMMITTEE", "EVALUATION_SUBCOMMITTEE", "ADMINISTRATOR"])
      expect(
        navFor([role]).some((i) => i.to === "/notifications"),
        role,
      ).toBe(true);
  });
});

describe("a returned sheet", () => {
  it("tells the office's managers, each in their language, with an absolute link", async () => {
    const template = await prisma.checklistTemplate.findFirstOrThrow();
    await prisma.evaluation.create({
      data: { officeId: officeA, fiscalYear: FY, templateId: template.id, status: "SUBMITTED", submissionCount: 1 },
    });
    expect((await returnEvaluation(officeA, FY, sub, "根拠資料を添えてください。")).ok).toBe(true);

    const [ja] = await mailsTo(managerJa);
    expect(ja.subject).toContain(`${fiscalYearLabelJa(FY)}の自己評価シートが差し戻されました`);
    expect(ja.body).toContain("根拠資料を添えてください。");
    expect(ja.body).toContain(`https://tsunagu.example.jp/evaluation/${FY}`);
    const [en] = await mailsTo(managerEn);
    expect(en.subject).toBe(`[Tsunagu] Your FY${FY} self-evaluation was returned`);
    expect(en.body).not.toMatch(/令和|年度/);
    for (const body of [ja.body, en.body]) for (const l of links(body)) expect(l, body).toMatch(/^https:\/\/tsunagu\.example\.jp\//);

    const [notice] = await noticesFor(managerEn, "en");
    expect(notice.link).toBe(`/evaluation/${FY}`);
    expect(notice.text).toContain(`FY${FY}`);
    expect(await mailsTo(managerB)).toHaveLength(0);
  });
});

describe("a comment on a plan", () => {
  it("tells the office's managers", async () => {
    const plan = await prisma.actionPlan.create({
      data: {
        officeId: officeA,
        fiscalYear: FY,
        status: "SUBMITTED",
        items: { create: [{ itemCodes: ["OPS-01"], issue: "課", goal: "目", actions: "取" }] },
      },
      include: { items: true },
    });
    await commentOnItem(plan.items[0].id, sub.id, "計画の期限を確認してください。");
    const mails = await mailsTo(managerJa);
    expect(mails.at(-1)!.body).toContain("計画の期限を確認してください。");
    expect(mails.at(-1)!.body).toContain(`https://tsunagu.example.jp/action-plan?year=${FY}`);
    expect((await noticesFor(managerEn, "en"))[0].text).toContain(`your FY${FY} action plan`);
  });
});

describe("sharing meetings", () => {
  it("a ward meeting scheduled tells that ward's managers; a change tells them again", async () => {
    const startsAt = new Date(now().getTime() + 20 * 86400_000);
    const meeting = await scheduleMeeting({
      scope: "WARD",
      wardId: ward,
      title: "区の共有する会",
      startsAt,
      venue: "区役所",
      onlineUrl: "",
    });
    for (const id of [managerJa, managerB])
      expect(
        (await mailsTo(id)).some((m) => m.subject.includes("区の共有する会")),
        String(id),
      ).toBe(true);
    expect(await mailsTo(managerOther)).toHaveLength(0);

    const later = new Date(startsAt.getTime() + 86400_000);
    expect(await changeMeeting(sub, meeting.id, { title: "区の共有する会", startsAt: later, venue: "区民センター", onlineUrl: "" })).toBe(
      true,
    );
    const changed = (await mailsTo(managerB)).at(-1)!;
    expect(changed.subject).toContain("共有する会の変更");
    expect(changed.body).toContain("区民センター");
    expect(changed.body).toContain(`https://tsunagu.example.jp/meetings/${meeting.id}`);
    expect((await mailsTo(managerEn)).at(-1)!.subject).toBe("[Tsunagu] Sharing meeting changed: 区の共有する会");
  });
});

describe("introductions", () => {
  it("the answer tells the requesting office", async () => {
    const request = await prisma.introductionRequest.create({
      data: { fromOfficeId: officeA, itemCode: "OPS-01", targetOfficeId: officeB },
    });
    expect(await answerIntroduction(request.id, "introduced", null)).toBe(true);
    expect((await mailsTo(managerJa)).at(-1)!.body).toContain("OPS-01");
    expect((await mailsTo(managerEn)).at(-1)!.subject).toBe("[Tsunagu] Your peer introduction request was answered");
    // The target office is not told who asked.
    expect(await mailsTo(managerB).then((m) => m.filter((x) => x.subject.includes("紹介")))).toHaveLength(0);
  });
});

describe("scheduling's notices in the reader's language", () => {
  it("English readers get the English title and FY years, never 令和", async () => {
    await schedulingNotify({
      userId: managerEn,
      kind: "enrolled",
      title: "基礎研修 後期 第1回",
      titleEn: "Basic training (group) 1",
      when: now(),
    });
    const mail = (await mailsTo(managerEn)).at(-1)!;
    expect(mail.subject).toBe("[Tsunagu] Enrolled: Basic training (group) 1");
    expect(mail.body).toContain("https://tsunagu.example.jp/notifications");

    await issueCertificate({ userId: managerEn, track: "basic-group", fiscalYear: FY, byId: null, auditAction: "certificate.issue" });
    const cert = (await noticesFor(managerEn, "en"))[0];
    expect(cert.text).toContain(`Your certificate for FY${FY} is ready`);
    expect(cert.text).not.toContain("令和");
    const certJa = (await noticesFor(managerEn, "ja"))[0];
    expect(certJa.text).toContain(`${fiscalYearLabelJa(FY)}の修了証`);
  });
});
