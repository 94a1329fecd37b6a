import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { newFormKey } from "~/lib/form-key.server";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { getOptionalSession } from "~/auth/permissions.server";
import { twoFactorSetupRedirectFor } from "~/auth/sign-in.server";
import { navEntriesFor, type NavItem } from "~/components/nav";
import { resolveLocale } from "~/i18n/i18n.server";
import { titleOf } from "~/lib/meta";
import { translator, type Locale } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/react";
import { useNonce } from "~/lib/nonce";
import { PRIVACY_NOTICE_VERSION } from "~/privacy/notice";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// A page without its own title (none should be) gets the platform's name; an error page is titled by the error.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const locale = data?.locale ?? "ja";
  const t = translator(locale);
  if (!error) return [{ title: t("app.name") }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page =
    status === 403
      ? t("error.403.title")
      : status === 404
        ? t("error.404.title")
        : status >= 500
          ? t("error.500.title")
          : t("hardening.refusedTitle");
  return titleOf(page, locale);
};

export async function loader({ request }: LoaderFunctionArgs) {
  // The session lookup reads the privacy and two-factor status with the user, in one statement (issue 13).
  const session = await getOptionalSession(request);
  const user = session?.user ?? null;
  const locale = resolveLocale(request, user);
  // A role that must use two-factor sign-in sets up a second factor before any other page (issue 19).
  if (session) {
    const setup = twoFactorSetupRedirectFor(session.user, session.status.secondFactorOrExempt, new URL(request.url).pathname);
    if (setup) throw redirect(setup);
  }
  return {
    locale,
    // New with every load and after every action: the creating forms' one-time key (app/lib/form-key.server.ts).
    formKey: newFormKey(),
    user: user ? { displayName: user.displayName, roles: user.roles, officeName: user.office?.name ?? null } : null,
    // A new version of the privacy notice the user has not acknowledged yet (a banner links to it).
    privacyPending: session ? !session.status.privacyAcknowledged : false,
    // A system administrator's open emergency access (issue 19): shown on every page while it lasts.
    emergencyUntil: user?.emergency?.expiresAt ?? null,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const location = useLocation();
  const other: Locale = locale === "ja" ? "en" : "ja";
  return (
    <Form method="post" action="/lang" className="lang-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="button-link" lang={other}>
        {t("lang.switchTo")}
      </button>
    </Form>
  );
}

function Header({ data }: { data: RootData | undefined }) {
  const locale = data?.locale ?? "ja";
  const t = translator(locale);
  const user = data?.user;
  const location = useLocation();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◯
          </span>{" "}
          {t("app.name")}
        </Link>
        <div className="header-tools">
          <LanguageSwitch locale={locale} />
          {user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="button-link">
                {t("nav.logout")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {user && data?.emergencyUntil ? (
        <div className="privacy-banner emergency-banner" role="region" aria-label={t("emergency.title")}>
          <p>
            <Link to="/emergency-access">{t("emergency.active", { time: formatDateTime(data.emergencyUntil, locale) })}</Link>
          </p>
        </div>
      ) : null}
      {user && data?.privacyPending && location.pathname !== "/privacy" ? (
        <div className="privacy-banner" role="region" aria-label={t("privacy.link")}>
          <p>
            {t("privacy.ack.banner", { version: PRIVACY_NOTICE_VERSION })}{" "}
            <Link to={`/privacy?next=${encodeURIComponent(location.pathname + location.search)}`}>{t("privacy.ack.bannerLink")}</Link>
          </p>
        </div>
      ) : null}
      {user ? <SiteNav locale={locale} roles={user.roles} displayName={user.displayName} /> : null}
    </header>
  );
}

// The main menu (issue 14). Below 768 px it folds behind one button (aria-expanded, aria-controls;
// Escape closes it and gives focus back to the button); without JavaScript it stays open. A user with
// many entries sees them gathered under a few disclosures (<details>, so they open without JavaScript
// too), which keeps the desktop menu on one row.
function SiteNav({ locale, roles, displayName }: { locale: Locale; roles: string[]; displayName: string }) {
  const t = translator(locale);
  const location = useLocation();
  // Open on the page where it was opened: a new page closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location.pathname;
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  // A new page closes the groups.
  useEffect(() => {
    nav.current?.querySelectorAll("details[open]").forEach((d) => d.removeAttribute("open"));
  }, [location.pathname]);
  // A click elsewhere closes an open group; Escape closes the group or the menu it is in and gives focus back.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      nav.current?.querySelectorAll("details[open]").forEach((d) => {
        if (!d.contains(e.target as Node)) d.removeAttribute("open");
      });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !nav.current?.contains(e.target as Node)) return;
      const group = (e.target as HTMLElement).closest("details[open]");
      if (group) {
        group.removeAttribute("open");
        (group.querySelector("summary") as HTMLElement | null)?.focus();
        e.preventDefault();
      } else if (button.current && getComputedStyle(button.current).display !== "none") {
        setOpenAt(null);
        button.current.focus();
        e.preventDefault();
      }
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  const link = (item: NavItem) => (
    <NavLink to={item.to} end={item.to === "/"}>
      {t(item.label)}
    </NavLink>
  );
  return (
    <nav aria-label={t("nav.label")} className={`site-nav${open ? " open" : ""}`} ref={nav}>
      <div className="site-nav-bar">
        <button
          type="button"
          ref={button}
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpenAt(open ? null : location.pathname)}
        >
          <span aria-hidden="true" className="menu-icon">
            {open ? "✕" : "☰"}
          </span>
          {t("usability.menu.button")}
        </button>
      </div>
      <ul id="site-menu">
        {navEntriesFor(roles).map((entry) =>
          entry.kind === "item" ? (
            <li key={entry.item.to}>{link(entry.item)}</li>
          ) : (
            <li key={entry.group} className="nav-group-item">
              <details className="nav-group">
                <summary className={entry.items.some((i) => location.pathname.startsWith(i.to)) ? "active" : undefined}>
                  {t(`usability.menu.group.${entry.group}`)}
                </summary>
                <ul>
                  {entry.items.map((item) => (
                    <li key={item.to}>{link(item)}</li>
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
      </ul>
      <p className="signed-in-as">{t("nav.signedInAs", { name: displayName })}</p>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? "ja";
  const t = translator(locale);
  const nonce = useNonce();
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Before the first paint: the phone menu starts folded when JavaScript runs (it stays open without). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "document.documentElement.setAttribute('data-js','')" }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        <Header data={data} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("app.footer")}</p>
          <p className="footer-links">
            <Link to="/privacy">{t("privacy.link")}</Link>
            <Link to="/accessibility">{t("accessibility.link")}</Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let status = 500;
  if (isRouteErrorResponse(error)) status = error.status;
  const known = status === 403 || status === 404;
  // Another refusal (400, 405, 415, …) says what was wrong, as the server wrote it in the user's language.
  const refused = !known && status >= 400 && status < 500 && isRouteErrorResponse(error) && typeof error.data === "string";
  const title =
    status === 403
      ? t("error.403.title")
      : status === 404
        ? t("error.404.title")
        : refused
          ? t("hardening.refusedTitle")
          : t("error.500.title");
  const body =
    status === 403
      ? t("error.403.body")
      : status === 404
        ? t("error.404.body")
        : refused
          ? String((error as { data: string }).data)
          : t("error.500.body");
  if (!known && !refused && typeof console !== "undefined") console.error(error);
  return (
    <div className="page error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p className="muted">{t("error.status", { status })}</p>
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </div>
  );
}
