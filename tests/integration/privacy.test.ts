import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PRIVACY_NOTICE_VERSION } from "~/privacy/notice";
import { acknowledgePrivacyNotice, loadPrivacyPage, privacyNoticePending } from "~/privacy/privacy.server";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { action as loginAction } from "~/routes/login";
import { action as privacyAction, loader as privacyLoader } from "~/routes/privacy";
import { callRoute } from "./call-route";
import { createUser, formRequestInit, requestAs } from "./factories";

async function sessionUser(userId: number) {
  const { token } = await createSession(userId);
  return (await validateSessionToken(token))!.user;
}

describe("the privacy notice", () => {
  it("is public, and tells a signed-in user whether they acknowledged the current version", async () => {
    const anonymous = await callRoute(privacyLoader({ request: await requestAs(null, "/privacy"), params: {}, context: { clientIp: "" } }));
    expect(anonymous.status).toBe(200);
    expect(anonymous.value).toMatchObject({ version: PRIVACY_NOTICE_VERSION, signedIn: false, acknowledgedAt: null });
    const user = await createUser();
    const before = await loadPrivacyPage(await sessionUser(user.id));
    expect(before).toMatchObject({ signedIn: true, acknowledgedAt: null });
  });

  it("records an acknowledgement once, audited once; a stale version is refused", async () => {
    const user = await createUser();
    const me = await sessionUser(user.id);
    expect(await privacyNoticePending(user.id)).toBe(true);
    expect(await acknowledgePrivacyNotice(me, PRIVACY_NOTICE_VERSION - 1)).toBe("stale");
    expect(await privacyNoticePending(user.id)).toBe(true);
    expect(await acknowledgePrivacyNotice(me, PRIVACY_NOTICE_VERSION)).toBe("ok");
    expect(await acknowledgePrivacyNotice(me, PRIVACY_NOTICE_VERSION)).toBe("ok");
    expect(await privacyNoticePending(user.id)).toBe(false);
    expect(await prisma.privacyAcknowledgement.count({ where: { userId: user.id } })).toBe(1);
    const entries = await prisma.auditLog.findMany({ where: { actorId: user.id, action: "privacy.acknowledge" } });
    expect(entries.map((e) => e.entityId)).toEqual([String(PRIVACY_NOTICE_VERSION)]);
  });

  it("is shown once after password sign-in, then sign-in goes straight on", async () => {
    await createUser({ email: "notice@example.jp", password: "correct-horse-9" });
    const signIn = async () =>
      callRoute(
        loginAction({
          request: new Request(
            "http://localhost/login",
            formRequestInit({ email: "notice@example.jp", password: "correct-horse-9", redirectTo: "/account" }),
          ),
          params: {},
          context: { clientIp: "203.0.113.50" },
        }),
      );
    const first = await signIn();
    expect(first.status).toBe(302);
    expect(first.location).toBe("/privacy?next=%2Faccount");

    const user = await prisma.user.findUniqueOrThrow({ where: { email: "notice@example.jp" } });
    const ack = await callRoute(
      privacyAction({
        request: await requestAs(user.id, "/privacy", formRequestInit({ version: String(PRIVACY_NOTICE_VERSION), next: "/account" })),
        params: {},
        context: { clientIp: "" },
      }),
    );
    expect(ack.location).toBe("/account");
    const second = await signIn();
    expect(second.location).toBe("/account");
  });

  it("refuses an acknowledgement without a session or with a bad version, and never an outside redirect", async () => {
    const anonymous = await callRoute(
      privacyAction({
        request: await requestAs(null, "/privacy", formRequestInit({ version: "1" })),
        params: {},
        context: { clientIp: "" },
      }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    const user = await createUser();
    const bad = await callRoute(
      privacyAction({
        request: await requestAs(user.id, "/privacy", formRequestInit({ version: "x" })),
        params: {},
        context: { clientIp: "" },
      }),
    );
    expect(bad.status).toBe(400);
    const outside = await callRoute(
      privacyAction({
        request: await requestAs(user.id, "/privacy", formRequestInit({ version: String(PRIVACY_NOTICE_VERSION), next: "//evil.example" })),
        params: {},
        context: { clientIp: "" },
      }),
    );
    expect(outside.location).toBe("/");
  });
});
