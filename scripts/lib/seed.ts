// Loads the demo data into an empty database (npm start does this for the embedded database).
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { PRIVACY_NOTICE_VERSION } from "../../app/privacy/notice.ts";
import { TWO_FACTOR_REQUIRED_ROLES } from "../../app/auth/capabilities.ts";
import { seedScheduling } from "./seed-scheduling.ts";
import { seedCases } from "./seed-cases.ts";
import { seedApplications } from "./seed-applications.ts";
import { seedStaff } from "./seed-staff.ts";
import { seedAttendance } from "./seed-attendance.ts";
import { seedTraining } from "./seed-training.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoOfficeNumber, OFFICES, WARDS } from "./demo-data.ts";
import { seedEvaluations } from "./seed-evaluation.ts";
import { seedCycle } from "./seed-cycle.ts";
import { seedVideos } from "./seed-video.ts";
import { seedOfficeTraining } from "./seed-office-training.ts";

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.ward.count()) === 0;
}

/** `videos: false` leaves out the demo lectures (made with ffmpeg), for tests that do not need them. */
export async function seedDemoData(prisma: PrismaClient, log: (m: string) => void = () => {}, options: { videos?: boolean } = {}) {
  for (const ward of WARDS) await prisma.ward.upsert({ where: { code: ward.code }, create: ward, update: {} });
  const wards = new Map((await prisma.ward.findMany()).map((w) => [w.code, w.id]));
  for (const [index, o] of OFFICES.entries()) {
    const wardId = wards.get(o.ward)!;
    await prisma.office.upsert({
      where: { name_wardId: { name: o.name, wardId } },
      create: {
        name: o.name,
        kind: o.kind,
        wardId,
        address: o.address,
        agreesToBeNamed: o.agreesToBeNamed,
        officeNumber: demoOfficeNumber(index),
      },
      update: {},
    });
  }
  const offices = new Map((await prisma.office.findMany()).map((o) => [o.name, o.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    await prisma.user.upsert({
      where: { email: a.email },
      create: {
        email: a.email,
        displayName: a.displayName,
        roles: a.roles,
        officeId: a.office ? offices.get(a.office) : null,
        passwordHash,
      },
      update: {},
    });
  }
  // The demo accounts have read the current privacy notice, so a demo sign-in goes straight to its page;
  // a user created afterwards (or everyone, once the version is raised) is shown the notice once (issue 19).
  const demoUsers = await prisma.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { id: true } });
  await prisma.privacyAcknowledgement.createMany({
    data: demoUsers.map((u) => ({ userId: u.id, version: PRIVACY_NOTICE_VERSION })),
    skipDuplicates: true,
  });
  // Demo only: the seeded accounts of roles that must use two-factor sign-in keep signing in with the
  // published demo password (decision 046); an account made in the application never gets this exemption.
  const requiredDemo = await prisma.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, roles: { hasSome: [...TWO_FACTOR_REQUIRED_ROLES] } },
    select: { id: true },
  });
  await prisma.twoFactorDemoExemption.createMany({
    data: requiredDemo.map((u) => ({ userId: u.id, reason: "demo account (scripts/lib/seed.ts)" })),
    skipDuplicates: true,
  });
  await seedEvaluations(prisma, log);
  await seedCycle(prisma, log);
  log(`Demo data loaded: ${WARDS.length} wards, ${OFFICES.length} offices, ${DEMO_ACCOUNTS.length} demo accounts.`);
  await seedTraining(prisma, log);
  if (options.videos !== false) await seedVideos(prisma, log);
  await seedScheduling(prisma, log);
  await seedCases(prisma, log);
  await seedApplications(prisma, log);
  await seedStaff(prisma, log);
  await seedAttendance(prisma, log);
  await seedOfficeTraining(prisma, log);
}
