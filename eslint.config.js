import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Routes are thin (README, Architecture): they check the session, parse parameters, call their capability's
// server module and render. They never reach the database themselves.
const thinRoutes = {
  patterns: [
    { group: ["~/db.server", "../db.server", "**/db.server"], message: "Routes are thin: call the capability's *.server.ts instead." },
    {
      group: ["~/generated/*", "../generated/*", "~/generated/**"],
      message: "Routes are thin: Prisma types stay in the capability's *.server.ts.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "build/",
      "app/generated/",
      ".cache/",
      ".data/",
      "test-results/",
      "playwright-report/",
      "node_modules/",
      "reports/",
      ".stryker-tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["**/*.{js,mjs}"], languageOptions: { globals: { ...globals.node } } },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Forms that save on blur and a11y-friendly labels are checked by axe in the end-to-end tests.
      "jsx-a11y/no-autofocus": "off",
    },
  },
  {
    // Configuration is read in one place (README, Environment variables): everything else imports app/env.server.ts.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/env.server.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through ~/env.server (getEnv() or envVar())." },
      ],
    },
  },
  {
    files: ["app/routes/**"],
    rules: { "no-restricted-imports": ["error", thinRoutes] },
  },
);
