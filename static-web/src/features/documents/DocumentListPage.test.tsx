import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import type { DocumentSummary } from "./api";
import { DocumentListPage } from "./DocumentListPage";

const money = (amount: number) => ({ amount, currency: "EUR" });

function summary(number: string, more: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: number.toLowerCase(),
    type: "invoices",
    number,
    date: "2026-03-01",
    status: "unpaid",
    dueDate: "2026-03-31",
    overdue: false,
    expired: false,
    total: money(120),
    lineCount: 2,
    related: [],
    ...more,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("DocumentListPage", () => {
  it("sends the filters as the query string and puts the same filters on the Export CSV link", async () => {
    const server = fakeServer(({ url }) => (url.startsWith("/api/documents/invoices") ? { body: { items: [summary("INV-2026-0001")] } } : undefined));
    renderPage(<DocumentListPage type="invoices" />, { path: "/documents/invoices" });
    expect(await screen.findByRole("link", { name: "INV-2026-0001" })).toHaveAttribute("href", "/documents/invoices/inv-2026-0001");
    expect(server.requests[0].url).toBe("/api/documents/invoices");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Partly paid");
    await userEvent.click(screen.getByRole("checkbox", { name: "Overdue only" }));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-01-01" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-03-31" } });
    await userEvent.type(screen.getByRole("searchbox", { name: "Number" }), "INV-2026");

    const query = "from=2026-01-01&to=2026-03-31&status=partiallyPaid&overdue=true&number=INV-2026";
    await waitFor(() => expect(server.requests.at(-1)?.url).toBe(`/api/documents/invoices?${query}`));
    expect(screen.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/api/documents/invoices/export.csv?${query}`);

    // Clearing the filters asks for the whole list again, and the export follows.
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(server.requests.at(-1)?.url).toBe("/api/documents/invoices"));
    expect(screen.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/documents/invoices/export.csv");
    // Typing and the search's pause take a few seconds when many test files run at once.
  }, 15_000);

  it("offers only the statuses of its type, in words, and Overdue only only for invoices", async () => {
    fakeServer(() => ({ body: { items: [] } }));
    renderPage(<DocumentListPage type="goods-issues" />, { path: "/documents/goods-issues" });
    expect(await screen.findByText("Nothing has been shipped to you yet.")).toBeInTheDocument();
    const options = within(screen.getByRole("combobox", { name: "Status" })).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["All", "Issued", "Delivered", "Canceled"]);
    expect(screen.queryByRole("checkbox", { name: "Overdue only" })).not.toBeInTheDocument();
  });

  it("marks overdue invoices and links the order an invoice belongs to", async () => {
    fakeServer(() => ({
      body: {
        items: [
          summary("INV-2026-0002", { overdue: true, related: [{ type: "orders", number: "SO-1002", id: "o2" }, { type: "tax-invoices", number: "TI-2", id: "t2" }] }),
          summary("INV-2026-0001", { status: "paid", related: [{ type: "rma-requests", number: "RMA-2026-0001" }] }),
        ],
        continuation: "next",
      },
    }));
    renderPage(<DocumentListPage type="invoices" />, { path: "/documents/invoices" });
    const table = await screen.findByRole("table", { name: "Invoices" });
    const [overdue, paid] = within(table).getAllByRole("row").slice(1);
    expect(within(overdue).getByText("Overdue")).toBeInTheDocument();
    expect(within(overdue).getByText("Unpaid")).toBeInTheDocument();
    expect(within(overdue).getByRole("link", { name: "Order SO-1002" })).toHaveAttribute("href", "/purchases/orders/o2");
    // The column shows the order or RMA request, not the other documents.
    expect(within(overdue).queryByText(/TI-2/)).not.toBeInTheDocument();
    expect(within(paid).queryByText("Overdue")).not.toBeInTheDocument();
    expect(within(paid).getByText("RMA request RMA-2026-0001")).toBeInTheDocument();
    expect(within(paid).queryByRole("link", { name: /RMA/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Show more invoices" })).toBeInTheDocument();
  });

  it("creates an order from a valid quotation on its row, and says why an expired one cannot be ordered", async () => {
    const server = fakeServer(({ method, url }) => {
      if (url.startsWith("/api/documents/quotations")) {
        return {
          body: {
            items: [
              summary("QT-2026-0041", { type: "quotations", status: "issued", dueDate: null, validUntil: "2026-12-31" }),
              summary("QT-2026-0017", { type: "quotations", status: "issued", dueDate: null, validUntil: "2026-01-31", expired: true }),
            ],
          },
        };
      }
      if (method === "POST" && url === "/api/cart/from-quotation/qt-2026-0041") {
        return { body: { cart: { lines: [], total: money(0), version: "2" }, added: [], unavailable: [] }, headers: { ETag: "2" } };
      }
      return undefined;
    });
    renderPage(<DocumentListPage type="quotations" />, { path: "/documents/quotations" });
    const expired = await screen.findByRole("button", { name: "Create order from QT-2026-0017" });
    expect(expired).toHaveAttribute("aria-disabled", "true");
    expect(expired).toHaveAccessibleDescription("Expired: its prices no longer apply.");

    await userEvent.click(screen.getByRole("button", { name: "Create order from QT-2026-0041" }));
    expect(await screen.findByText("Cart page")).toBeInTheDocument();
    expect(server.requests.some((r) => r.method === "POST" && r.url === "/api/cart/from-quotation/qt-2026-0041")).toBe(true);
  });
});
