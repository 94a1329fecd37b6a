import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalUser } from "~/auth/permissions.server";
import { langCookie, saveUserLocale } from "~/i18n/i18n.server";
import { isLocale } from "~/i18n";
import { safeRedirect } from "~/lib/redirect";

export async function loader() {
  return redirect("/");
}

/** Switches the language: kept on the account when signed in, and in this browser always. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const user = await getOptionalUser(request);
  if (user) await saveUserLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": langCookie(locale) } });
}
