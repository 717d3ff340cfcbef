import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Fluent UI dialogs and menus take a while to appear in jsdom, and far longer when the machine is busy (the full
// suite runs beside the .NET builds; a dialog was seen taking over 5 s on two loaded cores): wait up to 15 s for what a
// test expects to appear, not testing-library's 1 s. Only a failing test waits that long; each test has 30 s.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => cleanup());
