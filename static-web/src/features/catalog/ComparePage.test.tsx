import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { ComparePage, parseSkus } from "./ComparePage";

afterEach(() => vi.unstubAllGlobals());

describe("ComparePage", () => {
  it("shows products side by side and marks the rows that differ", async () => {
    const server = fakeServer(() => ({
      body: {
        products: [
          { sku: "A", name: "Alpha", unit: "pcs", price: { amount: 1, currency: "EUR" } },
          { sku: "B", name: "Beta", unit: "pcs", price: { amount: 2, currency: "EUR" } },
        ],
        rows: [
          { name: "Price", values: ["€1.00", "€2.00"], differs: true },
          { name: "Warranty", values: ["5 years", "5 years"], differs: false },
          { name: "Colour", values: ["Red", null], differs: true },
        ],
      },
    }));
    renderPage(<ComparePage />, { path: "/?skus=A,B" });
    const table = await screen.findByRole("table", { name: "Product comparison" });
    expect(server.requests[0]!.url).toBe("/api/products/compare?skus=A,B");
    expect(within(table).getByRole("rowheader", { name: /^Price\s*\(differs\)$/ })).toBeInTheDocument();
    expect(within(table).getByRole("rowheader", { name: "Warranty" })).toBeInTheDocument();
    expect(within(table).getAllByRole("button", { name: /^Add to cart: / })).toHaveLength(2);
  });

  it("asks for at least two products", () => {
    renderPage(<ComparePage />, { path: "/?skus=A" });
    expect(screen.getByText(/Choose 2 to 10 products/)).toBeInTheDocument();
  });
});

describe("parseSkus", () => {
  it("keeps unique, non-empty SKUs, at most ten", () => {
    expect(parseSkus("A, B,,A")).toEqual(["A", "B"]);
    expect(parseSkus(Array.from({ length: 12 }, (_, i) => `S${i}`).join(","))).toHaveLength(10);
    expect(parseSkus(null)).toEqual([]);
  });
});
