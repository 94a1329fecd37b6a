// Issue 16: generated hostile input to every route of the route × role matrix (tests/e2e/route-access.ts), as
// GET (query strings, path parameters, headers) and as POST to its action (form fields found on the page itself,
// with random, unicode, huge, odd-typed and duplicated values, in urlencoded, multipart, JSON, text/plain and
// broken multipart bodies). Every answer must be below 500 and free of NUL and U+FFFD; a refused post (4xx) and
// any GET must leave the stored records exactly as they were. It runs on its own seeded production server (a
// child process, so what an accepted post changes never reaches the other specs), seeded and bounded: a fixed
// number of runs per route, about a minute and a half on this machine.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { freePort, ROOT, startServer, stopServer, waitReady, type ChildServer } from "./child-server";
import { ACCOUNTS, DEMO_PASSWORD, type AccountName } from "./helpers";
import { ROUTES } from "./route-access";

const DATA = ".data/e2e-fuzz";
const SEED = 1616;
/** Runs per route: each run is one GET or one POST by one principal. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
type Who = AccountName | "anonymous";
const PRINCIPALS: Who[] = ["anonymous", ...(Object.keys(ACCOUNTS) as AccountName[])];

/** Tables a request may change without storing anything the user sent (sessions, throttles, the audit log). */
const VOLATILE = new Set(["Session", "SignInThrottle", "AuditLog", "_prisma_migrations"]);

/**
 * The audit log's changes, without its access log. A GET may add access-log rows ("isRead": a read of someone
 * else's personal content, issue 19, decision 016: the one accepted exception to "no GET ever writes") and nothing
 * else; so a GET that adds or changes any other audit row is a defect like any other GET write.
 */
const AUDIT_CHANGES = `SELECT count(*) AS c, coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM "AuditLog" x WHERE NOT x."isRead"`;
async function auditChanges(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ c: string; h: string }>(AUDIT_CHANGES);
  return `${rows[0].c}:${rows[0].h}`;
}

// ---- What is generated ----------------------------------------------------------------------------------------

const ODD_VALUES = [
  "",
  " ",
  "\u3000",
  "\u0000",
  "a\u0000b",
  "%00",
  "\uFFFD",
  "\uD800",
  "\u202Eevil",
  "𠮷野家🍣",
  "ｱｲｳ１２３",
  "٣٤",
  "-1",
  "0",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "2147483648",
  "99999999999999999999999",
  "-9223372036854775809",
  "0x10",
  "2026-13-45",
  "9999-99-99T99:99",
  "0000-00-00",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"x":1}}',
  "<script>alert(1)</script>",
  "javascript:alert(document.domain)//",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "/\t/evil.test",
  "\r\nSet-Cookie: x=1",
];

/** Short hostile values: for URLs and headers (a request line or header over 16 KB is refused by Node itself). */
const hostileShort: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_VALUES.filter((v) => v.length < 100)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String) },
);
/** Form values: the short ones, long ones, and huge ones (up to about 360 KB, under the 512 KB body limit). */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: hostileShort },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(5000), "あ".repeat(4001)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }).map((n) => "あ".repeat(n * 60_000)) },
);

const PATH_PARAMS = [
  "0",
  "-1",
  "1.5",
  "2147483648",
  "99999999999999999999",
  "abc",
  "%00",
  "%FF",
  "%E3%81",
  "%EF%BF%BD",
  "１",
  "..%2F..%2F",
  "%20",
  "NaN",
  "1e3",
];
const QUERY_KEYS = [
  "page",
  "year",
  "q",
  "office",
  "officeId",
  "ward",
  "status",
  "sort",
  "redirectTo",
  "tab",
  "session",
  "day",
  "from",
  "to",
  "kind",
  "user",
];

// ---- Helpers ---------------------------------------------------------------------------------------------------

interface FormShape {
  names: string[];
  intents: string[];
}

/** The names of the fields of the page's POST forms, and the values its buttons send as `intent`. */
function formShape(html: string): FormShape {
  const names = new Set<string>();
  const intents = new Set<string>();
  for (const form of html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/gi) ?? []) {
    for (const tag of form.match(/<(input|select|textarea|button)\b[^>]*>/gi) ?? []) {
      const name = /\bname="([^"]+)"/.exec(tag)?.[1];
      if (!name) continue;
      if (name === "intent") {
        const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
        if (value) intents.add(value);
      } else names.add(name);
    }
  }
  return { names: [...names], intents: [...intents] };
}

/** The sample URL with each id, year or token segment replaced by a hostile one (chosen by `picks`). */
function mutatePath(url: string, picks: number[]): string {
  const [path, query] = url.split("?");
  let i = 0;
  const mutated = path
    .split("/")
    .map((segment) => {
      if (!/^\d+$|^[A-Za-z0-9]{12,}$|^[A-Z0-9]{8,}$/.test(segment)) return segment;
      const pick = picks[i++ % picks.length];
      return pick < PATH_PARAMS.length ? PATH_PARAMS[pick] : segment;
    })
    .join("/");
  return query ? `${mutated}?${query}` : mutated;
}

/** The request carries U+FFFD, a lone surrogate (sent as U+FFFD) or a percent-escape that is not UTF-8. */
function carriesReplacement(sent: string): boolean {
  if (/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(sent)) return true;
  if (/\\u[dD][89abAB][0-9a-fA-F]{2}|\\ufffd/i.test(sent)) return true; // the same, escaped by JSON.stringify
  try {
    decodeURIComponent(sent.replace(/%(?![0-9a-fA-F]{2})/g, "%25"));
    return false;
  } catch {
    return true;
  }
}

function isText(response: APIResponse): boolean {
  const type = response.headers()["content-type"] ?? "";
  return /^(text\/|application\/json)/.test(type);
}

/** One number per table (row count and the sum of each row's hash): any insert, update or delete changes it. */
async function fingerprint(client: pg.Client, tables: string[]): Promise<string> {
  const parts = tables.map((t) => `SELECT '${t}' AS n, count(*) AS c, coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM "${t}" x`);
  const { rows } = await client.query<{ n: string; c: string; h: string }>(parts.join(" UNION ALL "));
  // Sorted: the rows of a UNION ALL come in no set order (with many tables PostgreSQL may run the parts in parallel).
  return rows
    .map((r) => `${r.n}:${r.c}:${r.h}`)
    .sort()
    .join(",");
}

async function signIn(request: APIRequestContext, origin: string, who: AccountName) {
  const response = await request.post("/login", {
    form: { email: ACCOUNTS[who], password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${who}`).toBe(302);
}

// ---- The test ------------------------------------------------------------------------------------------------

test.describe.configure({ mode: "serial" });

let server: ChildServer;
let origin: string;
let db: pg.Client;
let tables: string[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  rmSync(join(ROOT, DATA), { recursive: true, force: true });
  server = startServer({ port: await freePort(), pgPort: await freePort(), data: DATA });
  await waitReady(server);
  origin = `http://localhost:${server.port}`;
  db = new pg.Client({ connectionString: `postgresql://tsunagu:tsunagu@127.0.0.1:${server.pgPort}/tsunagu` });
  await db.connect();
  const { rows } = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  tables = rows.map((r) => r.table_name).filter((t) => !VOLATILE.has(t));
});

test.afterAll(async () => {
  await db?.end();
  if (server) await stopServer(server);
  rmSync(join(ROOT, DATA), { recursive: true, force: true });
});

test("hostile input to every route and action: no 5xx, no NUL or U+FFFD, nothing stored when refused", async ({ playwright }) => {
  test.setTimeout(420_000);
  const contexts = new Map<Who, APIRequestContext>();
  const contextFor = async (who: Who) => {
    let context = contexts.get(who);
    if (!context) {
      // One connection per request: a kept-alive socket the server closes when idle would read as a reset.
      context = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin, Connection: "close" } });
      if (who !== "anonymous") await signIn(context, origin, who);
      contexts.set(who, context);
    }
    return context;
  };
  // The form fields each route's page offers, read as a principal allowed to see it.
  const shapes = new Map<string, FormShape>();
  for (const route of ROUTES) {
    const who: Who = route.allow === "public" ? "anonymous" : route.allow === "signed-in" ? "admin" : (route.allow[0] ?? "admin");
    const response = await (await contextFor(who)).get(route.url, { maxRedirects: 0 });
    const type = response.headers()["content-type"] ?? "";
    shapes.set(route.file, type.startsWith("text/html") ? formShape(await response.text()) : { names: [], intents: [] });
  }

  const failures: string[] = [];
  const fail = (message: string) => {
    failures.push(message);
    console.log(`fuzz failure: ${message}`);
  };
  const changedTables = (a: string, b: string) => {
    const before = new Set(a.split(","));
    return b
      .split(",")
      .filter((t) => !before.has(t))
      .map((t) => t.split(":")[0])
      .join(", ");
  };
  let requests = 0;
  let before = await fingerprint(db, tables);
  let auditBefore = await auditChanges(db);
  const started = Date.now();

  for (const [index, route] of ROUTES.entries()) {
    // Signing out ends the principal's session: it is fuzzed by an anonymous visitor only.
    const principals = route.file === "logout" ? (["anonymous"] as Who[]) : PRINCIPALS;
    const shape = shapes.get(route.file)!;
    const fieldNames = [...shape.names, "intent", "id", "redirectTo", "revision", "_action"];
    const intents = shape.intents.length ? shape.intents : ["save"];
    const run = fc.record({
      who: fc.constantFrom(...principals),
      method: fc.constantFrom("GET", "POST", "POST"),
      pathPicks: fc.array(fc.nat({ max: PATH_PARAMS.length * 2 }), { minLength: 1, maxLength: 3 }),
      query: fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileShort, { maxKeys: 3 }),
      intent: fc.oneof(fc.constantFrom(...intents), hostileString),
      fields: fc.array(fc.tuple(fc.constantFrom(...fieldNames), hostileString), { maxLength: 8 }),
      encoding: fc.constantFrom("urlencoded", "urlencoded", "multipart", "json", "text", "broken-multipart"),
      acceptLanguage: fc.constantFrom("ja", "en", "zz", "", "\u00ff"),
      langCookie: fc.constantFrom("", "tsunagu_lang=en", "tsunagu_lang=%FF", "tsunagu_session=%E3%81%00"),
    });
    await fc.assert(
      fc.asyncProperty(run, async (r) => {
        const request = await contextFor(r.who);
        const query = new URLSearchParams(r.query).toString();
        const base = mutatePath(route.url, r.pathPicks);
        const url = query ? `${base}${base.includes("?") ? "&" : "?"}${query}` : base;
        const headers: Record<string, string> = { "Accept-Language": r.acceptLanguage };
        if (r.langCookie) headers["Cookie"] = r.langCookie;
        let response: APIResponse;
        try {
          if (r.method === "GET") {
            response = await request.get(url, { headers, maxRedirects: 0 });
          } else {
            const pairs: [string, string][] = [["intent", r.intent], ...r.fields];
            if (r.encoding === "urlencoded") {
              const body = new URLSearchParams(pairs).toString();
              response = await request.post(url, {
                headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
                data: body,
                maxRedirects: 0,
              });
            } else if (r.encoding === "multipart") {
              response = await request.post(url, { headers, multipart: Object.fromEntries(pairs), maxRedirects: 0 });
            } else if (r.encoding === "json") {
              response = await request.post(url, {
                headers: { ...headers, "Content-Type": "application/json" },
                data: JSON.stringify(Object.fromEntries(pairs)),
                maxRedirects: 0,
              });
            } else if (r.encoding === "text") {
              response = await request.post(url, {
                headers: { ...headers, "Content-Type": "text/plain" },
                data: pairs.map(([k, v]) => `${k}=${v}`).join("\n"),
                maxRedirects: 0,
              });
            } else {
              response = await request.post(url, {
                headers: { ...headers, "Content-Type": "multipart/form-data; boundary=XYZ" },
                data: `--ABC\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${r.intent}\r\n--XYZ`,
                maxRedirects: 0,
              });
            }
          }
        } catch (error) {
          // The server may answer (a redirect to sign in, a 413) and close before a large body is all sent: the
          // client then fails its write. That is a refusal, not a crash, when the server still answers.
          const alive = (await fetch(`${origin}/healthz`).catch(() => null))?.status === 200;
          if (alive && /write (EPIPE|ECONNRESET)/.test(String(error))) return;
          fail(`${r.who} ${r.method} ${url.slice(0, 160)}: no answer (${String(error).split("\n")[0]})`);
          return;
        }
        requests++;
        const status = response.status();
        const what = `${r.who} ${r.method} ${url.slice(0, 160)} (${r.method === "POST" ? r.encoding : "query"}) → ${status}`;
        if (status >= 500) fail(`${what}: ${(await response.text()).slice(0, 200)}`);
        else if (isText(response)) {
          const text = await response.text();
          if (text.includes("\u0000")) fail(`${what}: NUL in the answer`);
          // A U+FFFD the request itself carried (or that its broken UTF-8 decodes to) may be shown back to its sender.
          if (text.includes("\uFFFD") && !carriesReplacement(`${url} ${JSON.stringify(r)}`)) fail(`${what}: U+FFFD in the answer`);
        }
        const after = await fingerprint(db, tables);
        if (after !== before && (r.method === "GET" || (status >= 400 && status < 500)))
          fail(`${what}: the stored records changed (${changedTables(before, after)})`);
        before = after;
        const auditAfter = await auditChanges(db);
        if (r.method === "GET" && auditAfter !== auditBefore) fail(`${what}: a GET wrote an audit entry that is not a read`);
        auditBefore = auditAfter;
      }),
      { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
    );
  }
  for (const context of contexts.values()) await context.dispose();
  console.log(
    `fuzz: ${requests} requests to ${ROUTES.length} routes in ${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failures`,
  );
  expect(failures).toEqual([]);
});

// ---- Every write audited ---------------------------------------------------------------------------------------

/** Tables whose changes need no audit entry of their own: plumbing (sessions, throttles, form keys) and playback. */
const NOT_AUDITED = new Set([...VOLATILE, "FormSubmission", "VideoWatch", "ModuleProgress"]);

interface WalkForm {
  action: string;
  fields: [string, string][];
  label: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (v: string) =>
  v
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/**
 * The page's POST forms as a user would send them: the values the page rendered, a plausible value in each
 * empty required field, one submission per submit button that carries a name.
 */
function pageForms(html: string, pageUrl: string, today: string): WalkForm[] {
  const out: WalkForm[] = [];
  for (const form of html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/gi) ?? []) {
    const open = /<form[^>]*>/i.exec(form)![0];
    if (/multipart\/form-data/i.test(open)) continue; // uploads: their own tests
    const action = unescape(attr(open, "action") ?? pageUrl);
    const fields: [string, string][] = [];
    const buttons: [string, string][] = [];
    for (const tag of form.match(/<(input|select|textarea|button)\b[^>]*>(?:[\s\S]*?<\/(?:select|textarea)>)?/gi) ?? []) {
      const name = attr(tag, "name");
      if (!name) continue;
      const kind = tag.slice(1, tag.search(/[\s>]/)).toLowerCase();
      const type = (attr(tag, "type") ?? "text").toLowerCase();
      let value = unescape(attr(tag, "value") ?? "");
      if (kind === "button" || type === "submit") {
        buttons.push([name, value]);
        continue;
      }
      if ((type === "checkbox" || type === "radio") && !/\bchecked\b/.test(tag)) continue;
      if (type === "file") continue;
      if (kind === "textarea") value = unescape(/>([\s\S]*)<\/textarea>/i.exec(tag)?.[1] ?? "");
      if (kind === "select") {
        const options = [...tag.matchAll(/<option[^>]*value="([^"]*)"[^>]*>/gi)];
        const selected = options.find((o) => /\bselected\b/.test(o[0])) ?? options.find((o) => o[1] !== "");
        value = selected ? unescape(selected[1]) : "";
      }
      if (!value && /\brequired\b/.test(tag)) {
        value =
          type === "date"
            ? today
            : type === "time"
              ? "10:00"
              : type === "number"
                ? "1"
                : type === "email"
                  ? `walk-${Date.now()}@example.jp`
                  : type === "url"
                    ? "https://example.jp/"
                    : "監査テスト";
      }
      fields.push([name, value]);
    }
    const label = `${pageUrl} → ${action}`;
    if (buttons.length === 0) out.push({ action, fields, label });
    for (const [name, value] of buttons) out.push({ action, fields: [...fields, [name, value]], label: `${label} (${name}=${value})` });
  }
  return out;
}

test("every accepted post that changes a record writes an audit entry", async ({ playwright }) => {
  test.setTimeout(300_000);
  const audited = tables.filter((t) => !NOT_AUDITED.has(t));
  // Entries of changes only: an access-log row (a read, decision 016) written by a page is no audit of a write.
  const auditCount = async () =>
    Number((await db.query<{ c: string }>('SELECT count(*) AS c FROM "AuditLog" WHERE NOT "isRead"')).rows[0].c);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
  const missing: string[] = [];
  const seen = new Set<string>();
  let writes = 0;
  const principals = Object.keys(ACCOUNTS) as AccountName[];
  for (const who of principals) {
    const request = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin, Connection: "close" } });
    await signIn(request, origin, who);
    for (const route of ROUTES) {
      const allowed = route.allow === "public" || route.allow === "signed-in" || route.allow.includes(who);
      if (!allowed || route.notPage) continue;
      const page = await request.get(route.url, { maxRedirects: 0 });
      if (!(page.headers()["content-type"] ?? "").startsWith("text/html")) continue;
      for (const form of pageForms(await page.text(), route.url, today)) {
        // Signing out is checked last (it ends this principal's session); each distinct form is sent once.
        const key = `${who} ${form.action} ${form.fields.map(([k]) => k).join(",")} ${form.label.split("(")[1] ?? ""}`;
        if (form.action.startsWith("/logout") || seen.has(key)) continue;
        seen.add(key);
        const before = await fingerprint(db, audited);
        const entries = await auditCount();
        const response = await request.post(form.action, {
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          data: new URLSearchParams(form.fields).toString(),
          maxRedirects: 0,
        });
        const after = await fingerprint(db, audited);
        if (after === before) continue;
        writes++;
        if ((await auditCount()) === entries) missing.push(`${who}: ${form.label} → ${response.status()}`);
      }
    }
    const entries = await auditCount();
    expect((await request.post("/logout", { maxRedirects: 0 })).status()).toBe(302);
    if ((await auditCount()) === entries) missing.push(`${who}: /logout`);
    await request.dispose();
  }
  console.log(`audit walk: ${seen.size} forms sent, ${writes} changed records, ${missing.length} without an audit entry`);
  expect(writes).toBeGreaterThan(10);
  expect(missing).toEqual([]);
});
