// Issue 19: single sign-on with a claim-to-role mapping (OIDC_ROLE_MAP), against the real test provider. The mapped
// roles follow the provider's `groups` claim at every sign-in; a person whose claims give no mapped role is refused
// with a message and nothing is made; a city staff member with no account yet gets one; other roles stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { rolesFromClaims } from "~/auth/oidc.server";
import { prisma } from "~/db.server";
import { parseRoleMap } from "~/env.server";
import { callback, cookieValue, setNextLogin, start, startProvider, stopProvider, atProvider } from "./oidc-provider";
import { createUser } from "./factories";

beforeAll(() =>
  startProvider({
    OIDC_ROLE_MAP: "tsunagu-secretariat=ADMINISTRATOR,tsunagu-bukai=EVALUATION_SUBCOMMITTEE,kikaku=PLANNING_COMMITTEE",
  }),
);
afterAll(() => stopProvider());

async function signIn(login: Parameters<typeof setNextLogin>[0]) {
  setNextLogin(login);
  const { authorizationUrl, flow } = await start("/account");
  const response = await callback(await atProvider(authorizationUrl), flow);
  const token = cookieValue(response.headers.getSetCookie(), SESSION_COOKIE);
  return { location: response.headers.get("location"), token };
}

describe("single sign-on: roles from the provider's claims", () => {
  it("reads the claim as one string or a list, and maps only the configured values", () => {
    const settings = { roleClaim: "groups", roleMap: parseRoleMap("a=ADMINISTRATOR, b=PLANNING_COMMITTEE,c=d=SYSTEM_ADMIN") } as Parameters<
      typeof rolesFromClaims
    >[1];
    expect(rolesFromClaims({ groups: ["b", "x", "a"] }, settings).sort()).toEqual(["ADMINISTRATOR", "PLANNING_COMMITTEE"]);
    expect(rolesFromClaims({ groups: "c=d" }, settings)).toEqual(["SYSTEM_ADMIN"]);
    expect(rolesFromClaims({ groups: ["x"] }, settings)).toEqual([]);
    expect(rolesFromClaims({}, settings)).toEqual([]);
  });

  it("refuses a person whose claims give no role, with a message, and makes no account", async () => {
    const { location, token } = await signIn({
      sub: "city-norole",
      email: "no.role@city.example.jp",
      verified: true,
      amr: ["pwd"],
      groups: ["somewhere-else"],
    });
    expect(location).toBe("/login?sso=norole");
    expect(token).toBeNull();
    expect(await prisma.user.count({ where: { email: "no.role@city.example.jp" } })).toBe(0);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.sso.norole" }, orderBy: { id: "desc" } });
    expect(entry.summary).toContain("somewhere-else");
  });

  it("refuses an existing account too when the claim gives no role, and leaves its roles alone", async () => {
    const user = await createUser({ roles: ["PLANNING_COMMITTEE"], email: "left.kikaku@city.example.jp" });
    const { location, token } = await signIn({ sub: "city-left", email: user.email, verified: true, amr: ["pwd"] });
    expect(location).toBe("/login?sso=norole");
    expect(token).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(["PLANNING_COMMITTEE"]);
  });

  it("makes an account for a city staff member with a mapped role, and signs them in, audited", async () => {
    const { location, token } = await signIn({
      sub: "city-new",
      email: "New.Secretariat@city.example.jp",
      verified: true,
      amr: ["pwd"],
      groups: ["tsunagu-secretariat", "all-staff"],
      name: "事務 花子",
    });
    expect(token).toBeTruthy();
    // The privacy notice first, then the second factor the secretariat must set up (as for any secretariat account).
    expect(location).toBe(`/privacy?next=${encodeURIComponent("/account/security?required=1")}`);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.secretariat@city.example.jp" } });
    expect(user.roles).toEqual(["ADMINISTRATOR"]);
    expect(user.displayName).toBe("事務 花子");
    expect(user.passwordHash).toBeNull();
    expect(user.officeId).toBeNull();
    const session = await validateSessionToken(decodeURIComponent(token!));
    expect(session?.user.id).toBe(user.id);
    expect(await prisma.auditLog.count({ where: { action: "auth.sso.provisioned", entityId: String(user.id) } })).toBe(1);
  });

  it("follows the provider's roles at each sign-in, keeping roles the mapping does not name", async () => {
    const user = await createUser({ roles: ["TRAINEE", "PLANNING_COMMITTEE"], email: "moves@city.example.jp" });
    const first = await signIn({ sub: "city-moves", email: user.email, verified: true, amr: ["pwd"], groups: ["tsunagu-bukai"] });
    expect(first.token).toBeTruthy();
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([...after.roles].sort()).toEqual(["EVALUATION_SUBCOMMITTEE", "TRAINEE"]);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.sso.roles", entityId: String(user.id) } });
    expect(entry.summary).toContain("PLANNING_COMMITTEE,TRAINEE → EVALUATION_SUBCOMMITTEE,TRAINEE");
    // The same roles again: no change is written.
    await signIn({ sub: "city-moves", email: user.email, verified: true, amr: ["pwd"], groups: ["tsunagu-bukai"] });
    expect(await prisma.auditLog.count({ where: { action: "auth.sso.roles", entityId: String(user.id) } })).toBe(1);
  });

  it("does not bring back a deactivated account", async () => {
    const user = await createUser({ roles: ["ADMINISTRATOR"], email: "gone@city.example.jp" });
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    const { location, token } = await signIn({
      sub: "city-gone",
      email: user.email,
      verified: true,
      amr: ["pwd"],
      groups: ["tsunagu-secretariat"],
    });
    expect(location).toBe("/login?sso=unknown");
    expect(token).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
  });
});
