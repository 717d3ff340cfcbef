// Lint for the front end: TypeScript's recommended rules, the rules of hooks, and the boundaries between the
// app's parts — a feature never imports another feature, `src/lib` never imports a feature or the app shell.
// Only `src/app` puts features together (routes, the catalog with the cart beside it).
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  // The API types are generated from docs/openapi.json (scripts/generate-api-types.mjs), not written here.
  globalIgnores(["dist/", "node_modules/", "coverage/", "src/lib/api-schema.d.ts"]),
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["scripts/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } },
      "boundaries/include": ["src/**/*"],
      // Lazily loaded pages are imports too: a feature must not reach another through import().
      "boundaries/dependency-nodes": ["import", "dynamic-import", "export"],
      "boundaries/elements": [
        { type: "app", pattern: "src/app" },
        { type: "feature", pattern: "src/features/*", capture: ["feature"] },
        { type: "lib", pattern: "src/lib" },
        { type: "test-support", pattern: "src/test" },
      ],
      "boundaries/files": [
        { category: "entry", pattern: "src/main.tsx" },
        { category: "test", pattern: "**/*.test.{ts,tsx}" },
      ],
    },
    rules: {
      "boundaries/no-unknown-files": "error",
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            { from: { file: { categories: "entry" } }, allow: { to: { element: { type: "app" } } } },
            {
              from: { element: { type: "app" } },
              allow: { to: { element: { types: { anyOf: ["app", "feature", "lib"] } } } },
            },
            // A feature uses its own files and the shared lib; what two features need goes to lib.
            {
              from: { element: { type: "feature" } },
              allow: { to: { element: { type: "feature", captured: { feature: "{{ from.element.captured.feature }}" } } } },
            },
            { from: { element: { type: "feature" } }, allow: { to: { element: { type: "lib" } } } },
            { from: { element: { type: "lib" } }, allow: { to: { element: { type: "lib" } } } },
            { from: { element: { type: "test-support" } }, allow: { to: { element: { type: "lib" } } } },
            // Unit tests may use the test helpers; production code may not.
            { from: { file: { categories: "test" } }, allow: { to: { element: { type: "test-support" } } } },
          ],
        },
      ],
    },
  },
]);
