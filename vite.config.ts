import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
      ignoredRouteFiles: ["**/*.test.*", "**/*.css"],
    }),
  ],
  // Dev server only: these fail to resolve or hydrate unless pre-bundled or excluded (stack.md).
  optimizeDeps: {
    exclude: ["@node-rs/argon2"],
    include: ["recharts", "mdx-bundler/client/index.js"],
  },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
});
