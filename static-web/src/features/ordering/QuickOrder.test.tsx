import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { QuickOrder } from "./QuickOrder";

const money = (amount: number) => ({ amount, currency: "EUR" });
const recognised = { line: 1, sku: "HT-SPAN-01", name: "Spanner", quantity: 2, unit: "pcs", unitPrice: money(6.4) };
const problem = { line: 2, sku: "NOPE", message: "This product is not in your catalog." };

afterEach(() => vi.unstubAllGlobals());

describe("QuickOrder", () => {
  it("shows the unrecognised line by its number and adds the recognised ones with an Idempotency-Key", async () => {
    const server = fakeServer(({ method, url }) => {
      if (method === "POST" && url === "/api/cart/quick-order/check") return { body: { lines: [recognised], problems: [problem] } };
      if (method === "POST" && url === "/api/cart/quick-order") {
        return { body: { cart: { lines: [], total: money(12.8), version: "2" }, added: [recognised], problems: [problem] }, headers: { ETag: "2" } };
      }
      return undefined;
    });
    renderPage(<QuickOrder />);

    await userEvent.type(screen.getByRole("textbox", { name: /SKU, quantity/ }), "HT-SPAN-01, 2{Enter}NOPE, 1");
    await userEvent.click(screen.getByRole("button", { name: "Check lines" }));

    const problems = await screen.findByRole("list", { name: "Lines not recognised" });
    expect(within(problems).getByRole("listitem")).toHaveTextContent("Line 2 (NOPE): This product is not in your catalog.");
    expect(within(screen.getByRole("table", { name: "Recognised lines" })).getAllByRole("row")).toHaveLength(2);
    expect(server.requests.filter((r) => r.url === "/api/cart/quick-order")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Add 1 line to the cart" }));

    expect(await screen.findByRole("button", { name: "Check lines" })).toBeDisabled();
    const adds = server.requests.filter((r) => r.url === "/api/cart/quick-order");
    expect(adds).toHaveLength(1);
    expect(adds[0]!.headers.get("Idempotency-Key")).toBeTruthy();
    expect(adds[0]!.body).toEqual({ text: "HT-SPAN-01, 2\nNOPE, 1" });
  });
});
