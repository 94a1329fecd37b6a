import { describe, expect, it } from "vitest";
import { NAV_ITEMS, navFor } from "~/components/nav";
import { ROUTES } from "../../tests/e2e/route-access";
import { can, CAPABILITIES, mayEditTrainingRecord, mayManageStaff } from "./capabilities";
import { ROLES, type RoleName } from "./roles";

// The demo accounts of tests/e2e/route-access.ts and their one role each.
const ACCOUNTS: Record<string, RoleName> = {
  trainee: "TRAINEE",
  manager: "OFFICE_MANAGER",
  committee: "PLANNING_COMMITTEE",
  subcommittee: "EVALUATION_SUBCOMMITTEE",
  admin: "ADMINISTRATOR",
  sysadmin: "SYSTEM_ADMIN",
};

function routeAllows(path: string, role: RoleName): boolean {
  const route = ROUTES.find((r) => new URL(r.url, "http://x").pathname === path);
  if (!route) throw new Error(`No route in the access matrix for ${path}`);
  if (route.allow === "public" || route.allow === "signed-in") return true;
  return route.allow.some((account) => ACCOUNTS[account] === role);
}

describe("the permission table", () => {
  it("answers by role, for a user or a list of roles", () => {
    expect(can({ roles: ["ADMINISTRATOR"] }, "usePeerGroups")).toBe(true);
    expect(can(["OFFICE_MANAGER"], "takeTraining")).toBe(false);
    expect(can(["TRAINEE", "OFFICE_MANAGER"], "takeTraining")).toBe(true);
    expect(can(null, "administer")).toBe(false);
    for (const roles of Object.values(CAPABILITIES)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it("never shows a menu entry whose page answers 403 (checked against the route × role matrix)", () => {
    for (const role of ROLES) {
      for (const item of navFor([role])) expect(routeAllows(item.to, role), `${role} sees ${item.to}`).toBe(true);
    }
  });

  it("shows each role-restricted page in the menu of every role its route lets in", () => {
    for (const item of NAV_ITEMS) {
      const route = ROUTES.find((r) => new URL(r.url, "http://x").pathname === item.to)!;
      if (!Array.isArray(route.allow)) continue;
      for (const role of ROLES) {
        const shown = navFor([role]).some((n) => n.to === item.to);
        expect(shown, `${role} / ${item.to}`).toBe(routeAllows(item.to, role));
      }
    }
  });

  it("gives the system administrator no capability that reads personal content (issue 19)", () => {
    const content = [
      "takeTraining",
      "joinSessions",
      "runTraining",
      "workForOffice",
      "viewSubcommittee",
      "usePeerGroups",
      "manageChecklists",
      "importResults",
      "attendMeetings",
      "scheduleMeetings",
      "administer",
    ] as const;
    for (const capability of content) expect(can(["SYSTEM_ADMIN"], capability), capability).toBe(false);
    expect(can(["SYSTEM_ADMIN"], "operateSystem")).toBe(true);
    expect(can(["SYSTEM_ADMIN"], "readAuditLog")).toBe(true);
    expect(can(["SYSTEM_ADMIN"], "openEmergencyAccess")).toBe(true);
    expect(can(["ADMINISTRATOR"], "openEmergencyAccess")).toBe(false);
  });

  it("lets administrators reach peer groups from the menu, and hides /training from office managers", () => {
    expect(navFor(["ADMINISTRATOR"]).map((n) => n.to)).toContain("/subcommittee/peer-groups");
    expect(navFor(["OFFICE_MANAGER"]).map((n) => n.to)).not.toContain("/training");
  });
});

describe("staff (issue 20, part 2)", () => {
  const manager = { id: 1, roles: ["OFFICE_MANAGER"], officeId: 10 };
  const admin = { id: 2, roles: ["ADMINISTRATOR"], officeId: null };
  const trainee = { id: 3, roles: ["TRAINEE"], officeId: 10 };
  it("a manager keeps their own office's staff only; the secretariat any office's", () => {
    expect(mayManageStaff(manager, 10)).toBe(true);
    expect(mayManageStaff(manager, 11)).toBe(false);
    expect(mayManageStaff(manager, null)).toBe(false);
    expect(mayManageStaff(admin, 11)).toBe(true);
    expect(mayManageStaff(trainee, 10)).toBe(false);
  });
  it("a record is edited by the person or by whoever keeps their current office's staff", () => {
    expect(mayEditTrainingRecord(trainee, trainee)).toBe(true);
    expect(mayEditTrainingRecord(manager, trainee)).toBe(true);
    expect(mayEditTrainingRecord(manager, { id: 4, officeId: 11 })).toBe(false);
    expect(mayEditTrainingRecord(trainee, { id: 4, officeId: 10 })).toBe(false);
    expect(mayEditTrainingRecord({ id: 5, roles: ["PLANNING_COMMITTEE"], officeId: null }, { id: 5, officeId: null })).toBe(false);
  });
});
