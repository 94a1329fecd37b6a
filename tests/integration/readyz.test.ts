import { describe, expect, it } from "vitest";
import { getPrisma } from "~/db.server";
import { loader } from "~/routes/readyz";

describe("/readyz", () => {
  it("is ready on a migrated database and names the runtime", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ready", database: "ok", migrations: { pending: [] } });
    expect(body.migrations.expected).toBeGreaterThan(0);
    expect(body.node).toBe(process.version);
  });

  it("is not ready while a migration of this build is not applied", async () => {
    const [first] = await getPrisma().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await getPrisma().$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${first.migration_name}'`,
    );
    try {
      const response = await loader();
      expect(response.status).toBe(503);
      expect((await response.json()).migrations.pending).toEqual([first.migration_name]);
    } finally {
      await getPrisma().$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = '${first.migration_name}'`,
      );
    }
  });
});
