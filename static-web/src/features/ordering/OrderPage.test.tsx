import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage, screenOf } from "../../test/render";
import type { Order } from "./api";
import { OrderPage } from "./OrderPage";

const money = (amount: number) => ({ amount, currency: "EUR" });

const order: Order = {
  id: "o1",
  number: "SO-1002",
  date: "2026-03-01T09:00:00Z",
  status: "inProgress",
  warehouseId: "central",
  warehouseName: "Central warehouse",
  lines: [
    { sku: "PT-DRILL-02", name: "Cordless combi drill 18 V", unit: "pcs", ordered: 4, shipped: 2, pending: 2, unitPrice: money(105), lineTotal: money(420), quotationNumber: "QT-2026-0041" },
    { sku: "FX-WS-02", name: "Wood screws", unit: "box", ordered: 5, shipped: 0, pending: 5, unitPrice: money(6), lineTotal: money(30) },
  ],
  total: money(450),
  history: [],
  shipments: [{ number: "GI-2026-0007", date: "2026-03-03", documentId: "gi7", lines: [{ sku: "PT-DRILL-02", quantity: 2 }] }],
};

afterEach(() => vi.unstubAllGlobals());

describe("OrderPage", () => {
  it("links each shipment to its Goods delivery document and names the quotation a price came from", async () => {
    fakeServer(({ url }) => (url === "/api/orders/o1" ? { body: order } : undefined));
    renderPage(<OrderPage />, { path: "/purchases/orders/o1", route: "/purchases/orders/:id" });
    expect(await screen.findByRole("link", { name: "Goods delivery GI-2026-0007" })).toHaveAttribute("href", "/documents/goods-issues/gi7");
    expect(screen.getByText(/Cordless combi drill 18 V × 2 pcs/)).toBeInTheDocument();
    const [drill, screws] = within(screen.getByRole("table", { name: "Order lines" })).getAllByRole("row").slice(1);
    expect(within(drill).getByText("quoted in QT-2026-0041")).toBeInTheDocument();
    expect(within(screws).queryByText(/quoted in/)).not.toBeInTheDocument();
  });

  it("shows each line as a card on a phone: what was ordered, shipped and is pending, then price and amount", async () => {
    screenOf(360);
    fakeServer(({ url }) => (url === "/api/orders/o1" ? { body: order } : undefined));
    renderPage(<OrderPage />, { path: "/purchases/orders/o1", route: "/purchases/orders/:id" });
    const lines = await screen.findByRole("list", { name: "Order lines" });
    expect(screen.queryByRole("table", { name: "Order lines" })).not.toBeInTheDocument();
    const [drill, screws] = within(lines).getAllByRole("listitem");
    expect(within(drill).getByRole("heading", { name: /Cordless combi drill 18 V PT-DRILL-02 quoted in QT-2026-0041/ })).toBeInTheDocument();
    const value = (card: HTMLElement, label: string) => within(card).getByText(label).nextElementSibling?.textContent;
    expect(value(drill, "Ordered")).toBe("4 pcs");
    expect(value(drill, "Shipped")).toBe("2");
    expect(value(drill, "Pending")).toBe("2");
    expect(value(screws, "Pending")).toBe("5");
    expect(value(screws, "Amount")).toBe("€30.00");
    expect(screen.getByText("Total: €450.00")).toBeInTheDocument();
  });

  it("shows the buyer's own reference and comment as theirs", async () => {
    fakeServer(({ url }) => (url === "/api/orders/o1" ? { body: { ...order, customerReference: "PO-4711", comment: "Deliver to gate 3." } } : undefined));
    renderPage(<OrderPage />, { path: "/purchases/orders/o1", route: "/purchases/orders/:id" });
    const value = async (term: string) => (await screen.findByText(term)).nextElementSibling?.textContent;
    expect(await value("Your reference")).toBe("PO-4711");
    expect(await value("Your comment")).toBe("Deliver to gate 3.");
    expect(await value("Warehouse")).toBe("Central warehouse");
  });
});
