import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage, screenOf } from "../../test/render";
import { CartPage, quantityProblem } from "./CartPage";

const money = (amount: number) => ({ amount, currency: "EUR" });
const line = (id: string, name: string, quantity: number) => ({
  id, sku: id.toUpperCase(), name, unit: "pcs", unitPrecision: 0, quantity, warehouseId: "central", warehouseName: "Central warehouse",
  unitPrice: money(2), lineTotal: money(2 * quantity),
});
const cart = (version: string, ...lines: ReturnType<typeof line>[]) => ({ lines, total: money(lines.reduce((s, l) => s + l.lineTotal.amount, 0)), version });

afterEach(() => vi.unstubAllGlobals());

describe("CartPage", () => {
  it("on a phone shows each line as a card: whole name, the warehouse it ships from, quantity with unit, price, amount, Remove", async () => {
    screenOf(360);
    const helmet = { ...line("h", "Safety helmet, white, with adjustable headband", 3), warehouseId: "north", warehouseName: "North depot", unitPrice: money(64.9), lineTotal: money(194.7) };
    const server = fakeServer(({ method, url }) => {
      if (url === "/api/warehouses") return { body: { items: [{ id: "central", name: "Central warehouse" }, { id: "north", name: "North depot" }] } };
      if (method === "GET" && url === "/api/cart") return { body: cart("1", helmet), headers: { ETag: "1" } };
      return undefined;
    });
    renderPage(<CartPage />);
    const card = within(await screen.findByRole("list", { name: "Cart lines" })).getByRole("listitem");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();

    expect(card).toHaveTextContent("Safety helmet, white, with adjustable headband");
    // The warehouse has a visible label and shows its name, not only a chevron.
    const warehouse = within(card).getByRole("combobox", { name: "Warehouse for Safety helmet, white, with adjustable headband" });
    expect(warehouse).toHaveDisplayValue("North depot");
    expect(within(card).getByText("Warehouse", { selector: "label" })).toBeInTheDocument();
    expect(within(card).getByRole("spinbutton", { name: "Quantity of Safety helmet, white, with adjustable headband (pcs)" })).toHaveValue(3);
    expect(within(card).getByText("pcs")).toBeInTheDocument();
    expect(within(card).getAllByRole("term").map((t) => t.textContent)).toEqual(["Price", "Amount"]);
    expect(within(card).getAllByRole("definition").map((d) => d.textContent)).toEqual(["€64.90", "€194.70"]);

    await userEvent.click(within(card).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(server.requests.map((r) => `${r.method} ${r.url}`)).toContain("DELETE /api/cart/lines/h"));
  });

  it("makes a change again on the latest cart when another tab changed it first, and says so", async () => {
    // The server is at version 2 (another tab changed the screwdrivers); this page still holds version 1.
    let serverCart = cart("1", line("a", "Goggles", 1), line("b", "Screwdrivers", 1));
    const patches: string[] = [];
    fakeServer(({ method, url, headers, body }) => {
      if (url === "/api/warehouses") return { body: { items: [{ id: "central", name: "Central warehouse" }] } };
      if (method === "GET" && url === "/api/cart") return { body: serverCart, headers: { ETag: serverCart.version } };
      if (method === "PATCH") {
        patches.push(headers.get("If-Match") ?? "");
        if (headers.get("If-Match") !== serverCart.version) return { status: 412, body: { type: "x/stale", status: 412 } };
        serverCart = cart("3", line("a", "Goggles", (body as { quantity: number }).quantity), line("b", "Screwdrivers", 4));
        return { body: serverCart, headers: { ETag: "3" } };
      }
      return undefined;
    });
    renderPage(<CartPage />);
    const goggles = await screen.findByRole("spinbutton", { name: "Quantity of Goggles (pcs)" });
    serverCart = cart("2", line("a", "Goggles", 1), line("b", "Screwdrivers", 4));

    await userEvent.clear(goggles);
    await userEvent.type(goggles, "6{Enter}");

    expect(await screen.findByText(/changed in another tab or window\. Your change was made on the latest version/)).toBeInTheDocument();
    expect(patches).toEqual(["1", "2"]);
    await waitFor(() => expect(screen.getByRole("spinbutton", { name: "Quantity of Screwdrivers (pcs)" })).toHaveValue(4));
    expect(screen.getByRole("spinbutton", { name: "Quantity of Goggles (pcs)" })).toHaveValue(6);
  });

  it("creates the order with an idempotency key, shows progress, then the orders split by warehouse", async () => {
    let serverCart = cart("1", line("a", "Goggles", 1), line("b", "Screwdrivers", 1));
    let polls = 0;
    const server = fakeServer(({ method, url }) => {
      if (url === "/api/warehouses") return { body: { items: [] } };
      if (url === "/api/cart") return { body: serverCart, headers: { ETag: serverCart.version } };
      if (method === "POST" && url === "/api/checkouts") return { status: 202, body: { id: "c1", status: "pending" } };
      if (url === "/api/checkouts/c1") {
        polls++;
        if (polls === 1) return { body: { id: "c1", status: "pending", orders: [] } };
        serverCart = cart("2");
        return {
          body: {
            id: "c1",
            status: "completed",
            orders: [
              { id: "o1", number: "SO-000101", warehouseId: "central", warehouseName: "Central warehouse", total: money(2) },
              { id: "o2", number: "SO-000102", warehouseId: "north", warehouseName: "North depot", total: money(2) },
            ],
          },
        };
      }
      return undefined;
    });
    renderPage(<CartPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Create order" }));

    expect(await screen.findByRole("progressbar", { name: "Creating your order" })).toBeInTheDocument();
    expect(await screen.findByText("Your cart was split by warehouse into 2 orders.", {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Order SO-000101" })).toHaveAttribute("href", "/purchases/orders/o1");
    const post = server.requests.find((r) => r.method === "POST")!;
    expect(post.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(post.headers.get("If-Match")).toBe("1");
  });

  it("shows the empty state with ways to fill the cart", async () => {
    fakeServer(({ url }) => (url === "/api/cart" ? { body: cart("1") } : { body: { items: [] } }));
    renderPage(<CartPage />);
    expect(await screen.findByText(/The cart is empty/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "catalog" })).toHaveAttribute("href", "/purchases/catalog");
  });
});

describe("quantityProblem", () => {
  it("accepts quantities within the unit's precision", () => {
    expect(quantityProblem("3", 3, 0)).toBeNull();
    expect(quantityProblem("1.25", 1.25, 2)).toBeNull();
  });
  it("refuses zero, empty and too many decimals", () => {
    expect(quantityProblem("0", 0, 0)).toBe("Enter a quantity above zero.");
    expect(quantityProblem("", Number.NaN, 0)).toBe("Enter a quantity above zero.");
    expect(quantityProblem("2.5", 2.5, 0)).toBe("Enter a whole number.");
    expect(quantityProblem("1.255", 1.255, 2)).toBe("Use at most 2 decimal places.");
  });
});
