import { describe, expect, it } from "vitest";
import { createSession, invalidateUserSessions, validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { createUser } from "./factories";

describe("sessions", () => {
  it("validates a fresh token and stores only a hash of its secret", async () => {
    const user = await createUser();
    const { id, token } = await createSession(user.id);
    const secret = token.split(".")[1];
    const row = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    expect((await validateSessionToken(token))?.user.id).toBe(user.id);
  });

  it("refuses a token whose secret is wrong", async () => {
    const user = await createUser();
    const { id } = await createSession(user.id);
    expect(await validateSessionToken(`${id}.wrongsecretwrongsecretwrongsecret`)).toBeNull();
  });

  it("ends a session after the inactivity timeout", async () => {
    const user = await createUser();
    const { id, token } = await createSession(user.id);
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: new Date(Date.now() - 13 * 60 * 60 * 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  it("refuses the sessions of a deactivated user", async () => {
    const user = await createUser();
    const { token } = await createSession(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("can end all sessions but the current one", async () => {
    const user = await createUser();
    const keep = await createSession(user.id);
    const other = await createSession(user.id);
    await invalidateUserSessions(user.id, keep.id);
    expect(await validateSessionToken(keep.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
  });
});
