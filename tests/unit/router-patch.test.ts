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
    expect(source).toContain("matchResultsCache.get(routes)");
    // The two trees Remix's server render builds are made once per build (patches of @remix-run/react and
    // react-router-dom), so that the cache above serves them too.
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("serverRoutesCache.get(manifest.routes)");
    expect(readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain("staticDataRoutesCache.get(routes)");
  });

  it("answers a path matched before with the same matches, in objects of the caller's own", () => {
    const tree = [{ id: "root", path: "/", children: [{ id: "plan", path: "plans/:id" }] }];
    const first = router.matchRoutes(tree, "/plans/3");
    expect(first?.[1].params).toEqual({ id: "3" });
    // A caller that changes its matches does not change what the next caller gets.
    Object.assign(first![1].params, { id: "changed" });
    first!.pop();
    const second = router.matchRoutes(tree, "/plans/3");
    expect(second?.map((m) => m.route.id)).toEqual(["root", "plan"]);
    expect(second?.[1].params).toEqual({ id: "3" });
    expect(second?.[1].route).toBe(tree[0].children[0]);
    expect(router.matchRoutes(tree, "/plans/4")?.[1].params).toEqual({ id: "4" });
    expect(router.matchRoutes(tree, "/nothing")).toBeNull();
    expect(router.matchRoutes(tree, "/nothing")).toBeNull();
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
