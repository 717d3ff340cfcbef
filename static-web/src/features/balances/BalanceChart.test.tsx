import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, screenOf } from "../../test/render";
import type { CustomerBalance } from "./api";
import { BalanceChart } from "./CustomerBalancePage";

const monthsOf = (count: number): CustomerBalance["months"] =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2025, i, 1));
    return { month: date.toISOString().slice(0, 7), closing: { amount: (i % 3) * 100 - 50, currency: "EUR" } } as CustomerBalance["months"][number];
  });

afterEach(() => vi.unstubAllGlobals());

describe("BalanceChart", () => {
  const chart = () => screen.getByRole("img", { name: /Balance at each month end/ });
  const labels = () => Array.from(chart().querySelectorAll("text"), (t) => t.textContent);

  it("is drawn about as wide as a phone's screen so its month labels keep their size, and every month is still labelled", () => {
    screenOf(360);
    renderPage(<BalanceChart months={monthsOf(12)} />);
    expect(chart()).toHaveAttribute("viewBox", "0 0 360 200");
    expect(labels()).toHaveLength(12);
    expect(chart()).toHaveAccessibleName(expect.stringContaining("2025-12: "));
  });

  it("labels every second month when two years of bars share a phone's width, but keeps every bar", () => {
    screenOf(360);
    renderPage(<BalanceChart months={monthsOf(24)} />);
    expect(labels()).toHaveLength(12);
    expect(chart().querySelectorAll("rect")).toHaveLength(24);
  });

  it("uses the full drawing on a wide screen", () => {
    screenOf(1280);
    renderPage(<BalanceChart months={monthsOf(24)} />);
    expect(chart()).toHaveAttribute("viewBox", "0 0 720 200");
    expect(labels()).toHaveLength(24);
  });
});
