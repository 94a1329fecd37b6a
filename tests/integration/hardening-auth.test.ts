// Issue 16, sessions: an invitation used as a password reset ends the old sessions; a session cookie
// that does not decode is no session (never a 500).
import { describe, expect, it } from "vitest";
import { acceptInvitation, inviteUser } from "~/auth/invitations.server";
import { getOptionalUser, requireUser } from "~/auth/permissions.server";
import { createSession, SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { createUser } from "./factories";

describe("sessions", () => {
  it("an invitation used as a password reset ends every old session", async () => {
    const user = await createUser({ password: "old-password-123456" });
    const { token: old } = await createSession(user.id);
    expect(await validateSessionToken(old)).not.toBeNull();
    const link = await inviteUser(user.id, null, "http://localhost");
    expect(await acceptInvitation(link.split("/invite/")[1], "new-password-654321")).toEqual({ userId: user.id });
    expect(await validateSessionToken(old)).toBeNull();
  });

  it.each(["%E0%A4%A", "%", "%%%", "abc%ZZ.def"])("an undecodable session cookie (%j) is no session, not a 500", async (value) => {
    const request = new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=${value}` } });
    expect(await getOptionalUser(request)).toBeNull();
    try {
      await requireUser(request);
      throw new Error("requireUser let an anonymous request through");
    } catch (e) {
      expect(e).toBeInstanceOf(Response);
      expect((e as Response).status).toBe(302);
    }
  });
});
