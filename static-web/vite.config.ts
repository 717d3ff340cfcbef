import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    // The manifest lets scripts/check-bundle-size.mjs find what the first page load needs.
    manifest: true,
    // The polyfill would be an inline script, which the CSP forbids; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `npm run dev` talks to a portal started with ./run.sh.
    proxy: { "/api": "http://localhost:7071" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    // A test that walks through several dialogs can take more than vitest's 5 s on a busy machine.
    testTimeout: 30_000,
    css: false,
  },
});
