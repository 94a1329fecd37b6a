// Gives each test file its own database, copied from the migrated template, before any app module
// reads DATABASE_URL. Unit tests that never touch the database pay only for the CREATE DATABASE.
import pg from "pg";
import { afterAll, inject } from "vitest";

const templateUrl = inject("templateDatabaseUrl");
const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
const admin = new URL(templateUrl);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`CREATE DATABASE "${name}" TEMPLATE "tsunagu_template"`);
await client.end();

const url = new URL(templateUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NODE_ENV = "test";

afterAll(async () => {
  const g = globalThis as unknown as { __tsunaguPrisma?: { $disconnect: () => Promise<void> } };
  await g.__tsunaguPrisma?.$disconnect();
  g.__tsunaguPrisma = undefined;
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});
