// The server's route matching runs with the patch of decision 064 (patches/@remix-run+router+1.23.3.patch), and the
// caches it adds keep matches right: one tree matched for several paths, and a new tree of the same shape.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const router = require("@remix-run/router") as typeof import("@remix-run/router");

describe("route matching (patched @remix-run/router)", () => {
  it("is the patched server build", () => {
    expect(routerPath).toMatch(/router\.cjs\.js$/);
    const source = readFileSync(routerPath, "utf8");
    expect(source).toContain("rankedBranchesCache.get(routes)");
    expect(source).toContain("compiledPathCache.get(cacheKey)");
  });

  it("matches each path of one tree, and a new tree by its own routes", () => {
    const tree = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "index", index: true },
          { id: "session", path: "sessions/:id" },
          { id: "rest", path: "*" },
        ],
      },
    ];
    const ids = (routes: typeof tree, path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
    expect(ids(tree, "/")).toEqual(["root", "index"]);
    expect(ids(tree, "/sessions/7")).toEqual(["root", "session"]);
    expect(router.matchRoutes(tree, "/sessions/8")?.[1].params).toEqual({ id: "8" });
    expect(ids(tree, "/SESSIONS/9")).toEqual(["root", "session"]);
    expect(ids(tree, "/other/page")).toEqual(["root", "rest"]);
    const other = [{ id: "root2", path: "/", children: [{ id: "session2", path: "sessions/:id" }] }];
    expect(ids(other, "/sessions/7")).toEqual(["root2", "session2"]);
    expect(ids(other, "/other")).toBeNull();
    expect(router.matchPath({ path: "/a/:x", end: false }, "/a/1/b")?.params).toEqual({ x: "1" });
    expect(router.matchPath({ path: "/a/:x", end: true }, "/a/1/b")).toBeNull();
  });
});
