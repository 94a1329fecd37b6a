// Applications (issue 20, part 1) on PostgreSQL: a closed round refuses; only the applicant's own office
// manager endorses; the selection keeps to the places and the published priorities, and the committee's
// change needs a reason; decisions are sent once (notices, mail in the applicant's language, enrolment,
// waitlist in order); the 受講決定通知 PDF draws its glyphs. Every date is computed from the clock.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decisionNoticePdfFor } from "~/applications/applications.server";
import { priorityOrder, select, type Candidate } from "~/applications/rules";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { jstDateString } from "~/lib/jst";
import { action as applyAction, loader as applyLoader } from "~/routes/apply";
import { action as roundsAction } from "~/routes/committee.applications._index";
import { action as selectAction, loader as selectLoader } from "~/routes/committee.applications.$id";
import { action as officeAction, loader as officeLoader } from "~/routes/office.applications";
import { createSession } from "~/scheduling/scheduling.server";
import { createOffice, createUser, createWard, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

const ctx = { clientIp: "" };
const DAY = 86_400_000;

afterEach(() => setClock(null));

const day = (offset: number) => jstDateString(new Date(now().getTime() + offset * DAY));

async function post(
  fn: (args: never) => unknown,
  userId: number,
  path: string,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  const request = await requestAs(userId, path, formRequestInit(fields));
  const r = await callRoute(async () => fn({ request, params, context: ctx } as never));
  if (r.thrown) throw r.response; // a 403/404 or a redirect to /login stays an error, as the route threw it
  return { status: r.status, body: (r.response ? { location: r.location } : r.body) as Record<string, unknown> };
}

async function sessionAhead(daysFromNow: number, capacity = 10) {
  const start = new Date(now().getTime() + daysFromNow * DAY);
  start.setUTCHours(1, 0, 0, 0);
  return createSession(
    {
      track: "basic-group",
      fiscalYear: fiscalYearOf(start),
      titleJa: "申込のテスト研修",
      titleEn: "Application test session",
      descriptionJa: "",
      descriptionEn: "",
      pillars: [],
      goalCodes: [],
      venue: "青葉区",
      onlineUrl: "",
      capacity,
      opensAt: new Date(now().getTime() - DAY),
      closesAt: new Date(now().getTime() + DAY),
      facilitators: "",
      prerequisite: "none",
      days: [{ startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000) }],
    },
    null,
  );
}

/** A round of the committee's, created through its page: open from `opens` to `closes` (days from today). */
async function round(committeeId: number, sessionId: number, places: number, opens = -1, closes = 7, endorse = 10) {
  const s = await prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
  const r = await post(roundsAction, committeeId, "/committee/applications", {
    titleJa: "基礎研修 後期の受講者募集",
    titleEn: "Basic training (group) — applications",
    fiscalYear: String(s.fiscalYear),
    target: `session:${sessionId}`,
    opensOn: day(opens),
    closesOn: day(closes),
    endorseOn: day(endorse),
    places: String(places),
    questions: ["experience", "role", "statutory", "learn"],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(302);
  return Number(String(r.body.location).split("/").pop());
}

function answers(years: number, statutory = "none") {
  return { yearsExperience: String(years), currentRole: "相談支援専門員", statutoryTraining: statutory, wantToLearn: "アセスメント" };
}

async function apply(userId: number, roundId: number, years = 3, statutory = "none") {
  return post(applyAction, userId, "/apply", { intent: "apply", roundId: String(roundId), ...answers(years, statutory) });
}

async function applicationOf(userId: number, roundId: number) {
  return prisma.application.findUniqueOrThrow({ where: { roundId_userId: { roundId, userId } } });
}

async function people() {
  const ward1 = await createWard();
  const ward2 = await createWard();
  const officeA = await createOffice({ wardId: ward1.id });
  const officeB = await createOffice({ wardId: ward2.id });
  const officeNoManager = await createOffice({ wardId: ward2.id });
  const managerA = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA.id });
  const managerB = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB.id });
  const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
  return { ward1, ward2, officeA, officeB, officeNoManager, managerA, managerB, committee };
}

describe("applying", () => {
  it("refuses a closed round (and one not open yet) with a clear message, and withdraws only before the close", async () => {
    const p = await people();
    const s = await sessionAhead(40);
    const closed = await round(p.committee.id, s.id, 2, -20, -10, -5);
    const future = await round(p.committee.id, s.id, 2, 5, 10, 12);
    const open = await round(p.committee.id, s.id, 2, -1, 7, 10);
    const t = await createUser({ roles: ["TRAINEE"], officeId: p.officeA.id });

    for (const id of [closed, future]) {
      const r = await apply(t.id, id);
      expect(r.status).toBe(400);
      expect(r.body.formError).toEqual({ key: "applications.apply.closed" });
    }
    expect(await prisma.application.count({ where: { userId: t.id } })).toBe(0);

    expect((await apply(t.id, open)).status).toBe(200);
    const a = await applicationOf(t.id, open);
    expect(a.status).toBe("awaiting-endorsement");
    // The page lists only the open round's application (the closed one refused) and offers withdrawal.
    const page = (await applyLoader({ request: await requestAs(t.id, "/apply"), params: {}, context: ctx } as never)) as {
      mine: { id: number; mayWithdraw: boolean }[];
    };
    expect(page.mine.map((m) => [m.id, m.mayWithdraw])).toEqual([[a.id, true]]);

    // After the close (the clock moved past it) withdrawal is refused; before it, allowed.
    setClock(new Date(Date.now() + 8 * DAY));
    const late = await post(applyAction, t.id, "/apply", { intent: "withdraw", applicationId: String(a.id) });
    expect(late.status).toBe(400);
    expect(late.body.formError).toEqual({ key: "applications.apply.closed" });
    setClock(null);
    expect((await post(applyAction, t.id, "/apply", { intent: "withdraw", applicationId: String(a.id) })).status).toBe(200);
    expect((await applicationOf(t.id, open)).status).toBe("withdrawn");
  });

  it("asks the round's questions: a missing answer is refused with the field named, nothing saved", async () => {
    const p = await people();
    const s = await sessionAhead(40);
    const r = await round(p.committee.id, s.id, 2);
    const t = await createUser({ roles: ["TRAINEE"], officeId: p.officeA.id });
    const bad = await post(applyAction, t.id, "/apply", {
      intent: "apply",
      roundId: String(r),
      yearsExperience: "",
      currentRole: "",
      statutoryTraining: "",
      wantToLearn: "",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldErrors as object).sort()).toEqual([
      "currentRole",
      "statutoryTraining",
      "wantToLearn",
      "yearsExperience",
    ]);
    expect(await prisma.application.count({ where: { userId: t.id } })).toBe(0);
  });
});

describe("the office's endorsement", () => {
  it("is only by the applicant's own manager, before the deadline; without a manager the application goes straight to the committee", async () => {
    const p = await people();
    const s = await sessionAhead(40);
    const r = await round(p.committee.id, s.id, 2);
    const inA = await createUser({ roles: ["TRAINEE"], officeId: p.officeA.id });
    const noOffice = await createUser({ roles: ["TRAINEE"], officeId: null });
    const noManager = await createUser({ roles: ["TRAINEE"], officeId: p.officeNoManager.id });
    await apply(inA.id, r);
    await apply(noOffice.id, r);
    await apply(noManager.id, r);
    const a = await applicationOf(inA.id, r);
    for (const u of [noOffice, noManager]) {
      const x = await applicationOf(u.id, r);
      expect([x.status, x.direct]).toEqual(["submitted", true]);
    }

    // Another office's manager: refused, and the application is not on their page.
    const other = await post(officeAction, p.managerB.id, "/office/applications", {
      intent: "endorse",
      applicationId: String(a.id),
      rank: "1",
    });
    expect(other.status).toBe(400);
    expect(other.body.formError).toEqual({ key: "applications.forbidden" });
    const pageB = (await officeLoader({
      request: await requestAs(p.managerB.id, "/office/applications"),
      params: {},
      context: ctx,
    } as never)) as {
      rows: unknown[];
    };
    expect(pageB.rows).toEqual([]);
    // The committee is not an office manager: the route refuses it outright.
    await expect(
      officeAction({
        request: await requestAs(
          p.committee.id,
          "/office/applications",
          formRequestInit({ intent: "endorse", applicationId: String(a.id), rank: "1" }),
        ),
        params: {},
        context: ctx,
      } as never),
    ).rejects.toMatchObject({ status: 403 });
    // A direct application has no manager to endorse it.
    const direct = await applicationOf(noManager.id, r);
    expect(
      (await post(officeAction, p.managerA.id, "/office/applications", { intent: "endorse", applicationId: String(direct.id), rank: "1" }))
        .status,
    ).toBe(400);
    expect((await applicationOf(inA.id, r)).status).toBe("awaiting-endorsement");

    // A decline needs its reason.
    const noReason = await post(officeAction, p.managerA.id, "/office/applications", {
      intent: "decline",
      applicationId: String(a.id),
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    // The own manager endorses with a rank.
    const ok = await post(officeAction, p.managerA.id, "/office/applications", {
      intent: "endorse",
      applicationId: String(a.id),
      rank: "1",
    });
    expect(ok.status).toBe(200);
    const endorsed = await applicationOf(inA.id, r);
    expect([endorsed.status, endorsed.endorsementRank, endorsed.endorsedById]).toEqual(["endorsed", 1, p.managerA.id]);
    expect(await prisma.auditLog.count({ where: { action: "applications.endorse", entityId: String(a.id), actorId: p.managerA.id } })).toBe(
      1,
    );

    // After the deadline (11 days on), the manager can no longer change it.
    setClock(new Date(Date.now() + 11 * DAY));
    const late = await post(officeAction, p.managerA.id, "/office/applications", {
      intent: "decline",
      applicationId: String(a.id),
      reason: "人手不足",
    });
    expect(late.status).toBe(400);
    expect(late.body.formError).toEqual({ key: "applications.endorse.late" });
  });
});

describe("the proposed selection", () => {
  const at = new Date(0);
  const c = (id: number, o: Partial<Candidate>): Candidate => ({
    id,
    officeId: null,
    wardId: null,
    trained: false,
    yearsExperience: 0,
    endorsementRank: null,
    submittedAt: at,
    override: null,
    ...o,
  });

  it("puts the untrained first, then experience, then offices and wards in balance, then the office's rank", () => {
    const list = [
      c(1, { trained: true, yearsExperience: 20, officeId: 2, wardId: 2 }),
      c(2, { yearsExperience: 3, officeId: 1, wardId: 1, endorsementRank: 3 }),
      c(3, { yearsExperience: 10, officeId: 1, wardId: 1, endorsementRank: 2 }),
      c(4, { yearsExperience: 10, officeId: 2, wardId: 2, endorsementRank: 1 }),
      c(5, { yearsExperience: 10, officeId: 1, wardId: 1, endorsementRank: 1 }),
    ];
    // 4 and 5 tie (untrained, 10 years, rank 1, no office placed yet; 4 applied first); then 5 before 3: the
    // same office, rank 1 before rank 2; 2 after 3 (fewer years).
    expect(priorityOrder(list).map((x) => x.id)).toEqual([4, 5, 3, 2, 1]);
    // Balance: of equally experienced applicants, the one whose office has none placed yet goes first.
    const balance = [
      c(1, { officeId: 1, endorsementRank: 1 }),
      c(2, { officeId: 1, endorsementRank: 2 }),
      c(3, { officeId: 2, endorsementRank: 3 }),
    ];
    expect(priorityOrder(balance).map((x) => x.id)).toEqual([1, 3, 2]);
    expect(select(list, 2)).toMatchObject({ proposed: [4, 5], accepted: [4, 5], waitlisted: [3, 2, 1], rejected: [] });
    // The committee's changes: accepting 1 takes a place first; rejecting 5 drops it from the waitlist too.
    const changed = list.map((x) =>
      x.id === 1 ? { ...x, override: "accept" as const } : x.id === 5 ? { ...x, override: "reject" as const } : x,
    );
    expect(select(changed, 2)).toMatchObject({ accepted: [1, 4], waitlisted: [3, 2], rejected: [5] });
    // Never more than the places, however many are forced in.
    expect(
      select(
        list.map((x) => ({ ...x, override: "accept" as const })),
        2,
      ).accepted,
    ).toHaveLength(2);
  });
});

describe("selection and decisions", () => {
  it(
    "respects places and priorities, records each change with its reason, and sends each applicant one decision",
    { timeout: 60_000 },
    async () => {
      const p = await people();
      const s = await sessionAhead(40, 2);
      const r = await round(p.committee.id, s.id, 2);
      const mk = (officeId: number | null, locale = "ja") =>
        createUser({ roles: ["TRAINEE"], officeId }).then((u) => prisma.user.update({ where: { id: u.id }, data: { locale } }));
      const t1 = await mk(p.officeB.id); // trained already
      const t2 = await mk(p.officeA.id);
      const t3 = await mk(p.officeA.id);
      const t4 = await mk(p.officeB.id, "en");
      const t5 = await mk(p.officeA.id);
      const t6 = await mk(p.officeA.id); // declined by the office
      await prisma.certificate.create({
        data: {
          userId: t1.id,
          track: "basic-group",
          fiscalYear: s.fiscalYear - 1,
          serial: `T-${t1.id}`,
          verificationCode: `APPLYTEST${t1.id}`,
        },
      });
      await apply(t1.id, r, 20, "initial");
      await apply(t2.id, r, 3);
      await apply(t3.id, r, 10);
      await apply(t4.id, r, 10);
      await apply(t5.id, r, 10);
      await apply(t6.id, r, 15);
      const id = async (u: { id: number }) => String((await applicationOf(u.id, r)).id);
      for (const [u, rank] of [
        [t5, 1],
        [t3, 2],
        [t2, 3],
      ] as const)
        expect(
          (
            await post(officeAction, p.managerA.id, "/office/applications", {
              intent: "endorse",
              applicationId: await id(u),
              rank: String(rank),
            })
          ).status,
        ).toBe(200);
      for (const [u, rank] of [
        [t4, 1],
        [t1, 2],
      ] as const)
        expect(
          (
            await post(officeAction, p.managerB.id, "/office/applications", {
              intent: "endorse",
              applicationId: await id(u),
              rank: String(rank),
            })
          ).status,
        ).toBe(200);
      expect(
        (
          await post(officeAction, p.managerA.id, "/office/applications", {
            intent: "decline",
            applicationId: await id(t6),
            reason: "今年度は業務の都合",
          })
        ).status,
      ).toBe(200);

      const view = async () =>
        (await selectLoader({
          request: await requestAs(p.committee.id, `/committee/applications/${r}`),
          params: { id: String(r) },
          context: ctx,
        } as never)) as {
          rows: { id: number; outcome: string | null; proposed: boolean }[];
          maySend: boolean;
        };
      const outcomes = async () => Object.fromEntries((await view()).rows.map((x) => [x.id, x.outcome]));
      const expectOutcomes = async (want: Record<string, string | null>) => {
        const got = await outcomes();
        for (const [u, o] of Object.entries(want)) expect(got[Number(u)], u).toBe(o);
      };
      const [i1, i2, i3, i4, i5, i6] = await Promise.all([t1, t2, t3, t4, t5, t6].map(id));
      await expectOutcomes({ [i4]: "accept", [i5]: "accept", [i3]: "waitlist", [i2]: "waitlist", [i1]: "waitlist", [i6]: null });

      // A change without a reason is refused; with one, it is recorded and audited.
      const noReason = await post(
        selectAction,
        p.committee.id,
        `/committee/applications/${r}`,
        { intent: "change", applicationId: i1, choice: "accept", reason: "" },
        { id: String(r) },
      );
      expect(noReason.status).toBe(400);
      const change = await post(
        selectAction,
        p.committee.id,
        `/committee/applications/${r}`,
        { intent: "change", applicationId: i1, choice: "accept", reason: "実践研修の講師候補" },
        { id: String(r) },
      );
      expect(change.status).toBe(200);
      expect(await prisma.auditLog.count({ where: { action: "applications.select.change", entityId: i1 } })).toBe(1);
      await expectOutcomes({ [i1]: "accept", [i4]: "accept", [i5]: "waitlist", [i3]: "waitlist", [i2]: "waitlist" });
      // A declined application is not the committee's to select.
      expect(
        (
          await post(
            selectAction,
            p.committee.id,
            `/committee/applications/${r}`,
            { intent: "change", applicationId: i6, choice: "accept", reason: "x" },
            { id: String(r) },
          )
        ).status,
      ).toBe(400);

      // Before the close and the endorsement deadline, nothing is sent.
      expect((await view()).maySend).toBe(false);
      const early = await post(selectAction, p.committee.id, `/committee/applications/${r}`, { intent: "send" }, { id: String(r) });
      expect(early.body.formError).toEqual({ key: "applications.select.notClosed" });

      setClock(new Date(Date.now() + 11 * DAY));
      const noticesBefore = await prisma.notification.count();
      const sent = await post(selectAction, p.committee.id, `/committee/applications/${r}`, { intent: "send" }, { id: String(r) });
      expect(sent.body).toMatchObject({ ok: true, intent: "send", sent: 5 });
      const status = async (u: { id: number }) => (await applicationOf(u.id, r)).status;
      expect(await Promise.all([t1, t4, t5, t3, t2, t6].map(status))).toEqual([
        "accepted",
        "accepted",
        "waitlisted",
        "waitlisted",
        "waitlisted",
        "declined",
      ]);
      expect((await applicationOf(t2.id, r)).waitlistPosition).toBe(3);
      // Enrolled in the session (its two places), the others waitlisted in the selection's order.
      const seats = await prisma.sessionEnrollment.findMany({ where: { sessionId: s.id }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] });
      expect(
        seats
          .filter((x) => x.status === "enrolled")
          .map((x) => x.userId)
          .sort(),
      ).toEqual([t1.id, t4.id].sort());
      expect(seats.filter((x) => x.status === "waitlisted").map((x) => x.userId)).toEqual([t5.id, t3.id, t2.id]);
      // One notice per applicant (the declined one too), a mail in the applicant's language.
      expect(await prisma.notification.count()).toBe(noticesBefore + 6);
      const mailTo = async (u: { email: string }) => prisma.outboxMessage.findMany({ where: { to: u.email } });
      expect((await mailTo(t4)).map((m) => m.subject)).toEqual(["[Tsunagu] Accepted: Basic training (group) — applications"]);
      expect((await mailTo(t5)).map((m) => m.subject)).toEqual(["【つなぐ】補欠のお知らせ：基礎研修 後期の受講者募集"]);
      expect((await mailTo(t6))[0].body).toContain("今年度は業務の都合");
      expect(await prisma.auditLog.count({ where: { action: "applications.decisions.send", entityId: String(r) } })).toBe(1);

      // The committee's page now shows what was decided.
      await expectOutcomes({ [i1]: "accept", [i4]: "accept", [i5]: "waitlist", [i3]: "waitlist", [i2]: "waitlist", [i6]: null });
      // Sent once: a second send (or a double click) changes and sends nothing.
      const again = await post(selectAction, p.committee.id, `/committee/applications/${r}`, { intent: "send" }, { id: String(r) });
      expect(again.body.formError).toEqual({ key: "applications.select.alreadySent" });
      expect(await prisma.notification.count()).toBe(noticesBefore + 6);
      expect(await prisma.sessionEnrollment.count({ where: { sessionId: s.id } })).toBe(5);

      // The trainee's home shows the decision and links the session.
      const { nextStepsFor } = await import("~/home/next-steps.server");
      const user = { id: t1.id, roles: ["TRAINEE"], officeId: p.officeB.id, locale: "ja" } as unknown as SessionUser;
      const steps = await nextStepsFor(user);
      expect(steps.items.find((x) => x.title === "applications.home.accepted.title")?.to).toBe(`/sessions/${s.id}`);
    },
  );
});

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }).status === 0;
const poppler = has("pdftotext", ["-v"]) && has("pdffonts", ["-v"]) && has("pdftoppm", ["-v"]);
const tesseractJpn =
  has("tesseract", ["--version"]) && /\bjpn\b/.test(spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout);
if (!tesseractJpn) console.warn("受講決定通知 PDF: OCR check SKIPPED: install tesseract-ocr tesseract-ocr-jpn");

/** The fewest edits that turn `needle` into some substring of `hay` (as in certificate-pdf.test.ts). */
function editsToFind(needle: string, hay: string): number {
  let prev = new Array<number>(hay.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hay.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev);
}
if (!poppler) console.warn("受講決定通知 PDF test SKIPPED: install poppler-utils (pdftotext, pdffonts)");

describe.skipIf(!poppler)("the 受講決定通知 PDF", () => {
  it(
    "is given to the accepted applicant (and the committee) only, with every glyph drawn from embedded fonts",
    { timeout: 60_000 },
    async () => {
      const p = await people();
      const s = await sessionAhead(40, 1);
      const r = await round(p.committee.id, s.id, 1);
      const t = await createUser({ roles: ["TRAINEE"], officeId: null });
      const other = await createUser({ roles: ["TRAINEE"], officeId: null });
      await apply(t.id, r, 5);
      await apply(other.id, r, 1);
      setClock(new Date(Date.now() + 11 * DAY));
      expect((await post(selectAction, p.committee.id, `/committee/applications/${r}`, { intent: "send" }, { id: String(r) })).status).toBe(
        200,
      );
      const a = await applicationOf(t.id, r);
      expect(a.status).toBe("accepted");
      const as = (u: { id: number }, roles: string[]) => ({ id: u.id, roles, officeId: null }) as unknown as SessionUser;
      expect(await decisionNoticePdfFor(as(other, ["TRAINEE"]), a.id)).toBeNull();
      expect(await decisionNoticePdfFor(as(other, ["TRAINEE"]), (await applicationOf(other.id, r)).id)).toBeNull(); // waitlisted: no notice
      expect(await decisionNoticePdfFor(as(p.committee, ["PLANNING_COMMITTEE"]), a.id)).not.toBeNull();
      const out = await decisionNoticePdfFor(as(t, ["TRAINEE"]), a.id);
      const dir = mkdtempSync(join(tmpdir(), "decision-"));
      const file = join(dir, "decision.pdf");
      writeFileSync(file, out!.pdf);
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // Every font embedded (emb = yes) and mapped to Unicode (uni = yes): the text is the glyphs drawn.
      for (const line of fonts) expect(line, line).toMatch(/\byes\s+yes\s+yes\b/);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFKC").replace(/\s+/g, "");
      const name = (await prisma.user.findUniqueOrThrow({ where: { id: t.id } })).displayName;
      for (const want of [
        "受講決定通知書",
        `${name} 様`,
        "「基礎研修 後期の受講者募集」",
        "について、あなたの受講を決定しましたので通知します。",
        "会場：青葉区",
      ])
        expect(text, text).toContain(want.normalize("NFKC").replace(/\s+/g, ""));
      // The text layer can be right while glyphs are not drawn (decision 017): render the page and read it back.
      const render = spawnSync("pdftoppm", ["-r", "200", "-gray", "-png", "-singlefile", file, join(dir, "page")], { encoding: "utf8" });
      expect(render.status).toBe(0);
      expect(render.stderr.split("\n").filter((l) => /glyph|font|outline|cmap|FT_/i.test(l))).toEqual([]);
      if (tesseractJpn) {
        const ocr = execFileSync("tesseract", [join(dir, "page.png"), "-", "-l", "jpn", "--psm", "6"], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        })
          .normalize("NFKC")
          .replace(/\s+/g, "");
        for (const want of ["受講決定通知書", "について、あなたの受講を決定しましたので通知します。", "基礎研修後期の受講者募集"]) {
          const n = want.normalize("NFKC").replace(/\s+/g, "");
          expect(editsToFind(n, ocr), `OCR read:\n${ocr}`).toBeLessThanOrEqual(Math.floor(n.length / 10));
        }
      }
    },
  );
});
