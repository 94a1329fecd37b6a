// The Content-Security-Policy nonce of this response, given to every inline script Remix writes
// (<Scripts>, <ScrollRestoration>). Set by app/entry.server.tsx; empty in the browser.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");

export function useNonce(): string | undefined {
  return useContext(NonceContext) || undefined;
}
