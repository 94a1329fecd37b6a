import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "~/db.server";
import { PrismaClient } from "~/generated/prisma/client";
import { loader } from "~/routes/healthz";

const g = globalThis as unknown as { __tsunaguPrisma?: PrismaClient };

describe("/healthz", () => {
  const real = getPrisma();
  afterEach(() => {
    g.__tsunaguPrisma = real;
  });

  it("answers 200 with JSON when the database answers", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    // A client pointed at a port where nothing listens.
    g.__tsunaguPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }),
    });
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error" });
  });
});
