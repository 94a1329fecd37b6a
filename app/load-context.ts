// What the HTTP server passes to every loader and action (see scripts/lib/server.ts).
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp: string;
    /** This response's Content-Security-Policy nonce (scripts/lib/server.ts). */
    cspNonce?: string;
  }
}

export {};
