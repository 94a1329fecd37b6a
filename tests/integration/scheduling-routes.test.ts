// Certificates: own only, verification public (valid / revoked / unknown), revocation by the committee;
// the session form's validation; the private calendar feed and its revocation.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { jstDateString, jstInstant, jstParts } from "~/lib/jst";
import { issueCertificate } from "~/scheduling/scheduling.server";
import { loader as certificateLoader } from "~/routes/certificates.$id";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { action as certificatesAction } from "~/routes/committee.certificates";
import { action as newSessionAction } from "~/routes/committee.sessions.new";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/sessions._index";
import { sessionPage } from "~/scheduling/sessions-page.server";
import { loader as feedLoader } from "~/routes/calendar.$token";
import { createUser, formRequestInit, requestAs } from "./factories";
import { routeStatus } from "./call-route";

// The current fiscal year, so the test means the same thing in any year.
const FY = currentFiscalYear();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
/** 13:00 JST, n days from today (JST). */
const at1300Jst = (n: number) => {
  const p = jstParts(new Date());
  return jstInstant(p.year, p.month, p.day + n, 13, 0);
};

const context = { clientIp: "" };

const status = routeStatus;

describe("certificates", () => {
  it("downloads for the holder and the committee only; verification shows valid, then revoked; unknown is 404", async () => {
    const holder = await createUser({ roles: ["TRAINEE"] });
    const other = await createUser({ roles: ["TRAINEE"] });
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const issued = await issueCertificate({
      userId: holder.id,
      track: "basic-group",
      fiscalYear: FY,
      byId: committee.id,
      auditAction: "test.issue",
    });
    if (!issued.ok) throw new Error("not issued");
    const cert = issued.certificate;
    const get = async (userId: number) =>
      certificateLoader({ request: await requestAs(userId, `/certificates/${cert.id}`), params: { id: String(cert.id) }, context });
    const own = (await get(holder.id)) as Response;
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    expect(await status(get(committee.id))).toBe(200);
    expect(await status(get(other.id))).toBe(403);

    const verify = () =>
      verifyLoader({
        request: new Request(`http://localhost/verify/${cert.verificationCode}`),
        params: { code: cert.verificationCode },
        context,
      });
    expect(await verify()).toEqual({ valid: true, name: holder.displayName, track: "basic-group", fiscalYear: FY });
    expect(
      await status(verifyLoader({ request: new Request("http://localhost/verify/UNKNOWN999"), params: { code: "UNKNOWN999" }, context })),
    ).toBe(404);

    const request = await requestAs(
      committee.id,
      "/committee/certificates",
      formRequestInit({ intent: "revoke", certificateId: String(cert.id), reason: "記載誤り" }),
    );
    await certificatesAction({ request, params: {}, context });
    expect((await verify()).valid).toBe(false);
    expect((await prisma.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokeReason).toBe("記載誤り");
  });
});

describe("the committee's session form", () => {
  it("refuses a session without a place or with an end before the start, keeping what was typed", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const fields = {
      intent: "save",
      track: "basic-group",
      titleJa: "テスト研修",
      capacity: "10",
      opensAt: `${jstDateString(inDays(-30))}T09:00`,
      closesAt: `${jstDateString(inDays(10))}T17:00`,
      prerequisite: "default",
      day1Date: jstDateString(inDays(20)),
      day1Start: "13:00",
      day1End: "12:00",
    };
    const request = await requestAs(committee.id, "/committee/sessions/new", formRequestInit(fields));
    const result = (await newSessionAction({ request, params: {}, context })) as unknown as {
      data: { fieldErrors: Record<string, { key: string }[]>; values: Record<string, string> };
    };
    expect(result.data.fieldErrors.venue[0].key).toBe("scheduling.validation.placeRequired");
    expect(result.data.fieldErrors.day1End[0].key).toBe("scheduling.validation.endAfterStart");
    expect(result.data.values.titleJa).toBe("テスト研修");
  });
});

describe("the session form's learning goals and dates", () => {
  const base = () => ({
    intent: "save",
    track: "basic-group",
    titleJa: "目標と日付のテスト研修",
    capacity: "10",
    venue: "会場",
    opensAt: `${jstDateString(inDays(-30))}T09:00`,
    closesAt: `${jstDateString(inDays(10))}T17:00`,
    prerequisite: "default",
    day1Date: jstDateString(inDays(20)),
    day1Start: "10:00",
    day1End: "12:00",
  });
  type Failed = {
    data: { fieldErrors: Record<string, { key: string; params?: Record<string, unknown> }[]>; values: Record<string, string> };
  };
  const post = async (userId: number, fields: Record<string, string | string[]>) =>
    newSessionAction({ request: await requestAs(userId, "/committee/sessions/new", formRequestInit(fields)), params: {}, context });

  it("refuses a learning goal that does not exist, naming it, and keeps the goals ticked", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const result = (await post(committee.id, { ...base(), goalCodes: ["IND-1-1", "NOPE-9-9"] })) as unknown as Failed;
    expect(result.data.fieldErrors.goalCodes[0]).toMatchObject({ key: "forms.goals.unknown", params: { codes: "NOPE-9-9" } });
    expect(result.data.values.goalCodes).toBe("IND-1-1, NOPE-9-9");
  });

  it("stores the goals ticked in the picker (one value each), in the order given, without repeats", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const title = `目標 ${Date.now()}`;
    const response = (await post(committee.id, { ...base(), titleJa: title, goalCodes: ["IND-1-2", "IND-1-1", "ind-1-2"] })) as Response;
    expect(response.status).toBe(302);
    const stored = await prisma.trainingSession.findFirstOrThrow({ where: { titleJa: title } });
    expect(stored.goalCodes).toEqual(["IND-1-2", "IND-1-1"]);
  });

  it("asks before creating a session with a day in the past, and creates it once confirmed", async () => {
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const title = `過去の日付 ${Date.now()}`;
    const fields = { ...base(), titleJa: title, day1Date: jstDateString(inDays(-2)) };
    const asked = (await post(committee.id, fields)) as unknown as Failed;
    expect(asked.data.fieldErrors.day1Date[0].key).toBe("forms.days.pastError");
    expect(asked.data.values.confirmPastAsked).toBe("1");
    expect(await prisma.trainingSession.count({ where: { titleJa: title } })).toBe(0);
    const confirmed = (await post(committee.id, { ...fields, confirmPast: "on" })) as Response;
    expect(confirmed.status).toBe(302);
    expect(await prisma.trainingSession.count({ where: { titleJa: title } })).toBe(1);
  });
});

describe("the private calendar feed", () => {
  it("serves the user's sessions while the token is live, and 404 once revoked", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const session = await prisma.trainingSession.create({
      data: {
        track: "practical",
        fiscalYear: FY,
        titleJa: "実践研修；事例, 検討",
        capacity: 5,
        opensAt: inDays(-30),
        closesAt: inDays(2),
        venue: "会場",
        days: { create: [{ startsAt: at1300Jst(4), endsAt: new Date(at1300Jst(4).getTime() + 4 * 3600_000) }] },
      },
    });
    await prisma.sessionEnrollment.create({ data: { sessionId: session.id, userId: trainee.id, status: "enrolled" } });
    const created = (await sessionsAction({
      request: await requestAs(trainee.id, "/sessions", formRequestInit({ intent: "feed-create" })),
      params: {},
      context,
    })) as { url: string };
    const token = created.url.split("/calendar/")[1];
    const feed = (await feedLoader({ request: new Request(created.url), params: { token }, context })) as Response;
    const text = await feed.text();
    const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
    expect(vevent.summary).toBe("実践研修；事例, 検討");
    expect(vevent.startDate.hour).toBe(13);
    await sessionsAction({
      request: await requestAs(trainee.id, "/sessions", formRequestInit({ intent: "feed-revoke" })),
      params: {},
      context,
    });
    expect(await status(feedLoader({ request: new Request(created.url), params: { token }, context }))).toBe(404);
  });
});

describe("the session list says which sessions the trainee can take", () => {
  it("names the missing prerequisite with a link, agrees with the session page, and changes once it is met", async () => {
    const trainee = await createUser({ roles: ["TRAINEE"] });
    const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
    const make = (track: string, titleJa: string, prerequisite = "default") => {
      const start = inDays(30);
      return prisma.trainingSession.create({
        data: {
          track,
          fiscalYear: FY,
          titleJa,
          capacity: 10,
          prerequisite,
          opensAt: inDays(-1),
          closesAt: inDays(20),
          days: { create: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3600_000) }] },
        },
      });
    };
    const group = await make("basic-group", "集合研修（一覧テスト）");
    const practical = await make("practical", "実践研修（一覧テスト）");
    const open = await make("practical", "要件なしの実践研修（一覧テスト）", "none");
    const list = async () => {
      const out = (await sessionsLoader({ request: await requestAs(trainee.id, "/sessions"), params: {}, context })) as Awaited<
        ReturnType<typeof sessionsLoader>
      >;
      return new Map(out.sessions.map((x) => [x.id, x]));
    };
    const before = await list();
    expect(before.get(group.id)).toMatchObject({
      refusal: "prerequisites-missing",
      missing: { need: "basic-ondemand", fiscalYear: FY, href: "/training" },
    });
    expect(before.get(practical.id)).toMatchObject({ refusal: "prerequisites-missing", missing: { need: "basic-group", fiscalYear: FY } });
    expect(before.get(practical.id)?.missing?.href).toMatch(/^\/sessions\/\d+$/);
    expect(before.get(open.id)).toMatchObject({ refusal: null, missing: null });
    // The list and the session's own page apply the same rule.
    const user = { id: trainee.id, roles: ["TRAINEE"] } as Parameters<typeof sessionPage>[0];
    for (const s of [group, practical, open]) expect((await sessionPage(user, s.id, "ja"))?.refusal).toBe(before.get(s.id)?.refusal);

    // With the basic group training done (a certificate), the practical session can be taken.
    const issued = await issueCertificate({
      userId: trainee.id,
      track: "basic-group",
      fiscalYear: FY,
      byId: committee.id,
      auditAction: "test.issue",
    });
    expect(issued.ok).toBe(true);
    const after = await list();
    expect(after.get(practical.id)).toMatchObject({ refusal: null, missing: null });
    expect(after.get(group.id)?.refusal).toBe("prerequisites-missing");
    expect((await sessionPage(user, practical.id, "ja"))?.refusal).toBeNull();
  });
});
