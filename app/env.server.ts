// The only module that reads process.env; everything else imports `env`.
import { z } from "zod";
import { setClock } from "./lib/clock";

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
const startAt = schema.shape.TSUNAGU_NOW.safeParse(process.env.TSUNAGU_NOW || undefined);
if (!startAt.success) throw new Error(`TSUNAGU_NOW must be an ISO instant with an offset (e.g. 2029-06-01T09:00:00+09:00)`);
setClock(startAt.data);

export function cookieSecure(): boolean {
  const e = getEnv();
  if (e.COOKIE_SECURE === "auto") return e.NODE_ENV === "production" && (e.APP_ORIGIN ?? "").startsWith("https:");
  return e.COOKIE_SECURE === "true";
}
