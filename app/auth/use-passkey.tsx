// The browser half of a passkey ceremony, shared by adding a passkey (account security) and signing in with one
// (the second-factor page): a button asks the server for options ("passkey-options"), the browser's dialog runs
// with them once, and its answer goes to `finish`; a dialog the user closes (or that fails) says so in an alert.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/react";

/**
 * `kind` names the field of the action's answer that holds the options; `ceremony` runs the browser's dialog with
 * them (startRegistration / startAuthentication) and sends its answer on. Returns `start` for the button, `busy`
 * while the options are on their way, and `cancelled` after the dialog was closed.
 */
export function usePasskeyCeremony(
  kind: "registrationOptions" | "authenticationOptions",
  ceremony: (options: unknown) => Promise<unknown>,
) {
  const options = useFetcher<Partial<Record<typeof kind, unknown>>>();
  const handled = useRef<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const offered = options.data && kind in options.data ? options.data[kind] : null;
  useEffect(() => {
    if (!offered || handled.current === offered) return;
    handled.current = offered;
    // Runs once per set of options, whatever else re-renders (the ceremony changes with the passkey's name).
    ceremony(offered).catch(() => setCancelled(true));
  }, [offered, ceremony]);
  return {
    start: () => {
      setCancelled(false);
      options.submit({ intent: "passkey-options" }, { method: "post" });
    },
    busy: options.state !== "idle",
    cancelled,
  };
}

/** The alert after the browser's passkey dialog was closed or failed. */
export function PasskeyCancelled({ shown }: { shown: boolean }) {
  const t = useT();
  return shown ? (
    <p className="alert alert-error" role="alert">
      {t("twoFactor.passkey.cancelled")}
    </p>
  ) : null;
}
