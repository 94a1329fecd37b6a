// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded database) if it is empty.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { openDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { isEmpty, seedDemoData } from "./lib/seed.ts";
import { setClock } from "../app/lib/clock.ts";

// The demo data counts from the application's clock (TSUNAGU_NOW when set).
setClock(process.env.TSUNAGU_NOW || null);

const db = await openDatabase();
process.env.DATABASE_URL ||= db.url;
try {
  await applyMigrations(db.url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  if (await isEmpty(prisma)) await seedDemoData(prisma, console.log);
  else console.log("The database already has data; nothing loaded.");
  await prisma.$disconnect();
} finally {
  await db.stop();
}
