// Issue 16 (response hardening on the real server) and issue 10 ("Pages carry no stray bytes").
import { expect, test } from "@playwright/test";
import { ACCOUNTS, apiLogin, login, type AccountName } from "./helpers";
import { ROUTES } from "./route-access";

const NUL = 0x00;
const REPLACEMENT = Buffer.from("\uFFFD", "utf8");

/** Every page of the route × role matrix, in both languages: no NUL byte and no U+FFFD in any body. */
for (const who of [null, ...(Object.keys(ACCOUNTS) as AccountName[])]) {
  test(`${who ?? "anonymous"}: no page carries a stray byte`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    if (who) await apiLogin(request, baseURL!, who);
    let pages = 0;
    // English first, so the account is left in Japanese for the specs that follow (the language is kept per account).
    for (const locale of ["en", "ja"]) {
      for (const route of ROUTES) {
        const response = await request.get(route.url, {
          maxRedirects: 0,
          headers: { Cookie: `tsunagu_lang=${locale}` },
        });
        const body = await response.body();
        pages++;
        expect({ url: route.url, locale, nul: body.indexOf(NUL) }).toEqual({ url: route.url, locale, nul: -1 });
        const type = response.headers()["content-type"] ?? "";
        if (/text|json|csv|calendar/.test(type))
          expect({ url: route.url, locale, fffd: body.indexOf(REPLACEMENT) }).toEqual({ url: route.url, locale, fffd: -1 });
      }
    }
    expect(pages).toBe(ROUTES.length * 2);
    await request.dispose();
  });
}

test("pages carry a Content-Security-Policy with a fresh nonce, and every inline script carries it", async ({ request }) => {
  const a = await request.get("/login");
  const b = await request.get("/login");
  const csp = a.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline'; script");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(b.headers()["content-security-policy"]).not.toContain(nonce);
  const html = await a.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) if (!/\bsrc=/.test(attrs)) expect(attrs).toContain(`nonce="${nonce}"`);
  // No HSTS over plain http; no-store only for signed-in pages.
  expect(a.headers()["strict-transport-security"]).toBeUndefined();
  expect(a.headers()["cache-control"] ?? "").not.toContain("no-store");
});

test("HSTS is sent when the page is served over https (behind a proxy on this machine)", async ({ request }) => {
  const r = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(r.headers()["strict-transport-security"]).toContain("max-age=");
});

test("signed-in pages and their data are private, no-store", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, baseURL!, "manager");
  const page = await request.get("/");
  expect(page.headers()["cache-control"]).toBe("private, no-store");
  const data = await request.get("/_root.data");
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  await request.dispose();
});

test("with the policy in force, pages hydrate and the charts draw, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  // The trainee's home: Recharts is loaded lazily (a script chunk) and draws only after hydration. (The
  // subcommittee's trend chart is server-drawn SVG since decision 048, so it proves nothing about hydration.)
  await login(page, "trainee");
  await page.goto("/");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // Client-side navigation works (hydrated): the language switch posts and comes back.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(violations).toEqual([]);
});

test("a 200 MB form post to /login is refused with 413 before it is read, in the user's language", async ({ baseURL }) => {
  const { request: httpRequest } = await import("node:http");
  const size = 200 * 1024 * 1024;
  const result = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      `${baseURL}/login`,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(size),
          Origin: baseURL!,
          Cookie: "tsunagu_lang=en",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, text });
          req.destroy();
        });
      },
    );
    // The server may close as soon as it has answered; a write still under way then fails, which is not the result.
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && e.code !== "ECONNRESET") reject(e);
    });
    // Only the headers and the first megabyte go out: the server must answer from the declared length, before
    // reading the body (writing all 200 MB would race the server's close and fail with EPIPE instead).
    req.flushHeaders();
    req.write(Buffer.alloc(1024 * 1024, "a"));
  });
  expect(result.status).toBe(413);
  expect(result.text).toContain("too large");
});
