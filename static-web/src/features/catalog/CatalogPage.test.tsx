import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { CatalogPage } from "./CatalogPage";

const product = (sku: string, name: string) => ({
  sku, name, categoryId: "hand-tools", categoryName: "Hand tools", unit: "pcs", price: { amount: 14.9, currency: "EUR" },
  availableQuantity: 5, defaultWarehouseId: "central",
});

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe("CatalogPage", () => {
  it("adds a product with its button (the keyboard path) and announces it", async () => {
    const server = fakeServer(({ method, url }) => {
      if (url === "/api/categories") return { body: { items: [{ id: "hand-tools", name: "Hand tools" }] } };
      if (url.startsWith("/api/products")) return { body: { items: [product("HT-HAM-01", "Claw hammer"), product("HT-HAM-02", "Club hammer")], continuation: null } };
      if (method === "POST" && url === "/api/cart/lines") return { body: { lines: [], total: { amount: 0, currency: "EUR" }, version: "1" } };
      return undefined;
    });
    renderPage(<CatalogPage />);
    const card = (await screen.findByRole("heading", { name: "Club hammer" })).closest("[data-sku]") as HTMLElement;
    const button = Array.from(card.querySelectorAll("button")).find((b) => b.textContent === "Add to cart")!;
    button.focus();
    await userEvent.keyboard("{Enter}");

    await waitFor(() => expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({ sku: "HT-HAM-02", quantity: 1 }));
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Club hammer added to the cart."));
  });

  it("searches through the API and says when nothing matches", async () => {
    const server = fakeServer(({ url }) => {
      if (url === "/api/categories") return { body: { items: [] } };
      if (url.startsWith("/api/products")) return { body: { items: [], continuation: null } };
      return undefined;
    });
    renderPage(<CatalogPage />, { path: "/?search=unicorn" });
    expect(await screen.findByText(/No products match “unicorn”/)).toBeInTheDocument();
    expect(server.requests.some((r) => r.url === "/api/products?search=unicorn")).toBe(true);
  });

  it("offers comparison once two products are ticked", async () => {
    fakeServer(({ url }) => {
      if (url === "/api/categories") return { body: { items: [] } };
      if (url.startsWith("/api/products")) return { body: { items: [product("A", "Alpha"), product("B", "Beta")], continuation: null } };
      return undefined;
    });
    renderPage(<CatalogPage />);
    const boxes = await screen.findAllByRole("checkbox", { name: "Compare" });
    await userEvent.click(boxes[0]!);
    expect(screen.getByRole("button", { name: "Compare selected" })).toBeDisabled();
    await userEvent.click(boxes[1]!);
    expect(screen.getByRole("button", { name: "Compare selected" })).toBeEnabled();
  });

  it("shows a plain message when the catalog cannot be loaded", async () => {
    fakeServer(({ url }) => (url.startsWith("/api/products") ? { status: 500, body: { status: 500, detail: "Quote reference 0HX." } } : { body: { items: [] } }));
    renderPage(<CatalogPage />);
    expect(await screen.findByText("Something went wrong on our side.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
