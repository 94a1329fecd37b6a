// The privacy notice's acknowledgements: every signed-in user is shown a new version of the notice once
// (after signing in, and by a banner until they acknowledge it), and the acknowledgement is recorded and audited.
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { now } from "~/lib/clock";
import { PRIVACY_NOTICE_DATE, PRIVACY_NOTICE_VERSION } from "./notice";
import { retentionPeriods } from "./retention.server";

/** Whether the user has yet to acknowledge the current version of the notice. */
export async function privacyNoticePending(userId: number): Promise<boolean> {
  const row = await prisma.privacyAcknowledgement.findUnique({
    where: { userId_version: { userId, version: PRIVACY_NOTICE_VERSION } },
    select: { id: true },
  });
  return !row;
}

/** What /privacy shows: the version, its date, the contact, and for a signed-in user whether and when they acknowledged it. */
export async function loadPrivacyPage(user: SessionUser | null) {
  const acknowledgement = user
    ? await prisma.privacyAcknowledgement.findUnique({
        where: { userId_version: { userId: user.id, version: PRIVACY_NOTICE_VERSION } },
      })
    : null;
  return {
    version: PRIVACY_NOTICE_VERSION,
    date: PRIVACY_NOTICE_DATE,
    contact: getEnv().PRIVACY_CONTACT ?? null,
    signedIn: !!user,
    acknowledgedAt: acknowledgement?.acknowledgedAt.toISOString() ?? null,
    retention: await retentionPeriods(),
  };
}

/**
 * Records that the user has read the given version. Only the current version can be acknowledged (a page
 * left open across a change is asked again); a second acknowledgement is a no-op. Audited once.
 */
export async function acknowledgePrivacyNotice(user: SessionUser, version: number): Promise<"ok" | "stale"> {
  if (version !== PRIVACY_NOTICE_VERSION) return "stale";
  const created = await prisma.privacyAcknowledgement.createMany({
    data: [{ userId: user.id, version, acknowledgedAt: now() }],
    skipDuplicates: true,
  });
  if (created.count === 1) {
    await audit({
      actorId: user.id,
      action: "privacy.acknowledge",
      entityType: "PrivacyNotice",
      entityId: version,
      summary: `version ${version} (${PRIVACY_NOTICE_DATE})`,
    });
  }
  return "ok";
}
