import { expect, test, type APIRequestContext } from "@playwright/test";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ACCOUNTS, apiLogin, type AccountName } from "./helpers";
import { ROUTES } from "./route-access";

// A route is a module in app/routes, or a folder there with its route.tsx (Remix's flat folders): named as Remix
// names it, without the extension.
const routesDir = join(import.meta.dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir, { withFileTypes: true }).flatMap((entry) => {
  if (entry.isDirectory()) return ["route.tsx", "route.ts"].some((f) => existsSync(join(routesDir, entry.name, f))) ? [entry.name] : [];
  return /\.(tsx?|jsx?)$/.test(entry.name) ? [entry.name.replace(/\.(tsx?|jsx?)$/, "")] : [];
});

test("every route in app/routes says who may reach it", () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  expect(routeFiles.filter((f) => !listed.has(f))).toEqual([]);
  expect([...listed].filter((f) => !routeFiles.includes(f))).toEqual([]);
});

async function statusOf(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"] ?? "" };
}

test("anonymous visitors are sent to /login and back, except on public routes", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (const route of ROUTES) {
    const { status, location } = await statusOf(request, route.url);
    if (route.allow === "public") {
      expect({ url: route.url, status }).toEqual({ url: route.url, status: route.okStatus ?? 200 });
    } else {
      expect({ url: route.url, status }).toEqual({ url: route.url, status: 302 });
      expect(location).toContain(`/login?redirectTo=${encodeURIComponent(route.url)}`);
    }
  }
  await request.dispose();
});

for (const who of Object.keys(ACCOUNTS) as AccountName[]) {
  test(`${who}: every route answers as its access rule says`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await apiLogin(request, baseURL!, who);
    for (const route of ROUTES) {
      const { status } = await statusOf(request, route.url);
      const allowed = route.allow === "public" || route.allow === "signed-in" || route.allow.includes(who);
      const expected = allowed ? (route.signedInStatus ?? route.okStatus ?? 200) : 403;
      expect({ url: route.url, status }).toEqual({ url: route.url, status: expected });
    }
    await request.dispose();
  });
}

test("a cross-site POST is refused with 403", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const response = await request.post("/login", {
    form: { email: ACCOUNTS.admin, password: "tsunagu-demo-2024" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const noOrigin = await request.post("/logout", { maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);
  await request.dispose();
});
