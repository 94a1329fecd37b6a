// Statements are prepared once per connection (decision 068): the adapter names each SQL text, so PostgreSQL keeps
// its parse and plan on the connection, and a repeated statement is only bound and executed.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";

describe("named statements", () => {
  it("a statement sent twice on one connection is prepared there once, under one name", async () => {
    const prepared = await prisma.$transaction(async (tx) => {
      // An interactive transaction holds one connection: both reads and the look at its prepared statements use it.
      await tx.ward.findMany({ where: { code: "none-such" }, select: { id: true } });
      await tx.ward.findMany({ where: { code: "another" }, select: { id: true } });
      return tx.$queryRaw<{ name: string; statement: string }[]>`
        SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%FROM "public"."Ward"%' AND statement NOT LIKE '%pg_prepared_statements%'`;
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toMatch(/^s\d+$/);
  });
});
