import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Fluent UI dialogs and menus take a while to appear in jsdom, and far longer when the machine is busy (the full
// suite runs beside the .NET builds): wait up to 5 s for what a test expects to appear, not testing-library's 1 s.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
