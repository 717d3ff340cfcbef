import { createEvent, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { productDragType } from "../../lib/dnd";
import { fakeServer, renderPage } from "../../test/render";
import { CartPanel } from "./CartPanel";

const money = (amount: number) => ({ amount, currency: "EUR" });
const emptyCart = { lines: [], total: money(0), version: "1" };
const cartWithHammer = {
  lines: [{ id: "l1", sku: "HT-HAM-01", name: "Claw hammer 16 oz", unit: "pcs", unitPrecision: 0, quantity: 1, warehouseId: "central",
    warehouseName: "Central warehouse", unitPrice: money(14.9), lineTotal: money(14.9) }],
  total: money(14.9),
  version: "2",
};

afterEach(() => vi.unstubAllGlobals());

function drop(target: HTMLElement, data: Record<string, string>) {
  const dataTransfer = { types: Object.keys(data), getData: (type: string) => data[type] ?? "", dropEffect: "none" };
  for (const type of ["dragOver", "drop"] as const) {
    const event = createEvent[type](target);
    Object.defineProperty(event, "dataTransfer", { value: dataTransfer });
    fireEvent(target, event);
  }
}

describe("CartPanel", () => {
  it("adds a product dropped on it and announces it", async () => {
    const server = fakeServer(({ method, url }) => {
      if (method === "GET" && url === "/api/cart") return { body: emptyCart };
      if (method === "POST" && url === "/api/cart/lines") return { body: cartWithHammer, headers: { ETag: "2" } };
      return undefined;
    });
    renderPage(<CartPanel />);
    expect(await screen.findByText("The cart is empty.")).toBeInTheDocument();

    drop(screen.getByTestId("cart-drop-zone"), { [productDragType]: JSON.stringify({ sku: "HT-HAM-01", name: "Claw hammer 16 oz" }) });

    expect(await screen.findByRole("list", { name: "Cart lines" })).toHaveTextContent("Claw hammer 16 oz");
    expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({ sku: "HT-HAM-01", quantity: 1 });
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Claw hammer 16 oz added to the cart."));
  });

  it("ignores things dragged from elsewhere", async () => {
    const server = fakeServer(({ method }) => (method === "GET" ? { body: emptyCart } : undefined));
    renderPage(<CartPanel />);
    await screen.findByText("The cart is empty.");
    drop(screen.getByTestId("cart-drop-zone"), { "text/plain": "some text" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests.some((r) => r.method === "POST")).toBe(false);
  });
});
