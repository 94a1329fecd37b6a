// The only module that reads process.env; everything else imports `env`.
import { z } from "zod";
import { setClock } from "./lib/clock";

/** Roles single sign-on may give: the city's own staff. An office's roles need an office, set by the secretariat. */
export const SSO_MAPPABLE_ROLES = ["ADMINISTRATOR", "SYSTEM_ADMIN", "EVALUATION_SUBCOMMITTEE", "PLANNING_COMMITTEE"] as const;

/** "value=ROLE,value2=ROLE2" as pairs; the last "=" splits, so a claim value may contain "=". */
export function parseRoleMap(value: string): { claim: string; role: string }[] {
  return value
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf("=");
      return { claim: at > 0 ? pair.slice(0, at).trim() : "", role: at > 0 ? pair.slice(at + 1).trim() : "" };
    });
}

function roleMapProblem(value: string): string | null {
  const pairs = parseRoleMap(value);
  if (pairs.length === 0) return "OIDC_ROLE_MAP names no pair; write claim-value=ROLE pairs separated by commas";
  for (const { claim, role } of pairs) {
    if (!claim) return `OIDC_ROLE_MAP: a pair has no claim value before "=" (${role || "empty"})`;
    if (!(SSO_MAPPABLE_ROLES as readonly string[]).includes(role))
      return `OIDC_ROLE_MAP: "${role}" cannot be given by single sign-on; use one of ${SSO_MAPPABLE_ROLES.join(", ")}`;
  }
  return null;
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL must be set (npm start sets it for the embedded database)"),
  /** The port the server listens on; links in mail use http://localhost:PORT when APP_ORIGIN is not set. */
  PORT: z.coerce.number().int().positive().default(3000),
  /** Public origin used in links sent by mail, e.g. https://tsunagu.example.jp */
  APP_ORIGIN: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Tsunagu <no-reply@tsunagu.invalid>"),
  SESSION_INACTIVITY_HOURS: z.coerce.number().positive().default(12),
  /** Secure cookies: on in production unless explicitly turned off (plain-HTTP local runs). */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /** Where uploaded and transcoded video lives (local media storage); git-ignored under .data by default. */
  TSUNAGU_MEDIA_DIR: z.string().default(".data/media"),
  /** Where people make requests about their personal information (shown on /privacy), e.g. the secretariat's address. */
  PRIVACY_CONTACT: z.string().max(500).optional(),
  /** 32 random bytes, base64: the key that encrypts TOTP secrets at rest (when unset, one is kept in .data/secret.key). */
  TSUNAGU_SECRET_KEY: z.string().optional(),
  /** Media in an S3-compatible bucket instead of TSUNAGU_MEDIA_DIR (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). */
  TSUNAGU_S3_BUCKET: z.string().optional(),
  /** The S3-compatible endpoint (e.g. http://minio:9000); AWS itself when unset. */
  TSUNAGU_S3_ENDPOINT: z.string().url().optional(),
  TSUNAGU_S3_REGION: z.string().default("us-east-1"),
  /** Key prefix inside the bucket. */
  TSUNAGU_S3_PREFIX: z.string().default(""),
  /** Path-style URLs; on by default when an endpoint is set. */
  TSUNAGU_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).optional(),
  /** Single sign-on for city staff (OpenID Connect, decision 014): the identity provider's issuer URL. Off when unset. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends people back; APP_ORIGIN (else the request's origin) + /login/sso/callback when unset. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /** The sign-in button's words (e.g. "市職員アカウントでサインイン"); a general wording when unset. */
  OIDC_LABEL: z.string().max(100).optional(),
  /**
   * The claim-to-role mapping for single sign-on: "claim value=ROLE" pairs separated by commas, e.g.
   * "tsunagu-secretariat=ADMINISTRATOR,tsunagu-subcommittee=EVALUATION_SUBCOMMITTEE". When set, the roles it names
   * follow the provider at every sign-in, a person whose claims give none of them is refused, and a person with no
   * account yet gets one. Roles tied to an office (trainee, office manager) cannot be mapped.
   */
  OIDC_ROLE_MAP: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const problem = roleMapProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** The ID-token claim holding the person's groups or roles (a string or a list of strings). */
  OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
  /** Test only: the instant the application's clock starts from (see app/lib/clock.ts). */
  TSUNAGU_NOW: z.string().datetime({ offset: true }).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

// The clock is set when the server starts: this module is evaluated with the server bundle (every route
// that touches the database imports it), before any request asks the time. Setting it later, at the
// first getEnv(), would let earlier now() calls see the real date — and setting it again would move
// time back. A TSUNAGU_NOW that is not an ISO instant stops the start.
// Unset, the clock is left alone (it starts at the real time), so a late import (a script, a test that moved
// the clock) does not move it back.
const startAt = schema.shape.TSUNAGU_NOW.safeParse(process.env.TSUNAGU_NOW || undefined);
if (!startAt.success) throw new Error(`TSUNAGU_NOW must be an ISO instant with an offset (e.g. 2029-06-01T09:00:00+09:00)`);
if (startAt.data) setClock(startAt.data);

/**
 * Variables read on their own, at each call, without the full parse of getEnv() (which needs DATABASE_URL): scripts
 * that run without a database use some of them (ffmpeg for the demo lectures, the content build), tests change
 * some between cases, and the server reads NODE_ENV before anything else. Each is returned as the process has it
 * (undefined when unset); the caller keeps its default.
 */
const separateSchema = z.object({
  /** "production", "development", "test" — or unset, which some checks tell apart from "development". */
  NODE_ENV: z.string().optional(),
  /** "0": no background workers in this process. */
  TSUNAGU_JOBS: z.string().optional(),
  /** The daily backup's cron line (UTC), "off" for none (app/ops/backup-job.server.ts has the default). */
  BACKUP_SCHEDULE: z.string().optional(),
  /** Test only: the directory of the case templates (content/cases). */
  TSUNAGU_CASES_DIR: z.string().optional(),
  /** Test only: the directory of the built training content (app/generated/content). */
  TSUNAGU_CONTENT_OUT: z.string().optional(),
  FFMPEG_PATH: z.string().optional(),
  FFPROBE_PATH: z.string().optional(),
  /** glibc's malloc settings, which `npm start` gives the server processes; passed on to their helper processes. */
  MALLOC_ARENA_MAX: z.string().optional(),
  MALLOC_MMAP_THRESHOLD_: z.string().optional(),
});
type SeparateEnv = z.infer<typeof separateSchema>;

/** One of the variables above, parsed alone from the current environment. */
export function envVar<K extends keyof SeparateEnv>(name: K): SeparateEnv[K] {
  return separateSchema.shape[name].parse(process.env[name]) as SeparateEnv[K];
}

export function cookieSecure(): boolean {
  const e = getEnv();
  if (e.COOKIE_SECURE === "auto") return e.NODE_ENV === "production" && (e.APP_ORIGIN ?? "").startsWith("https:");
  return e.COOKIE_SECURE === "true";
}
