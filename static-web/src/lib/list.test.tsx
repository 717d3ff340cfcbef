import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Link } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, screenOf } from "../test/render";
import { DataList, type ListColumn } from "./list";

type Order = { id: string; number: string; status: string; date: string; warehouse: string; total: string };

const orders: Order[] = [
  { id: "a", number: "SO-000101", status: "In progress", date: "3 Mar 2026", warehouse: "Central warehouse", total: "€120.00" },
  { id: "b", number: "SO-000102", status: "Shipped", date: "1 Mar 2026", warehouse: "North depot", total: "€64.90" },
];

const columns: ListColumn<Order>[] = [
  { header: "Number", card: "title", kind: "nowrap", cell: (o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
  { header: "Date", card: "primary", kind: "nowrap", cell: (o) => o.date },
  { header: "Warehouse", cell: (o) => o.warehouse },
  { header: "Status", card: "primary", cell: (o) => o.status },
  { header: "Internal note", card: "none", cell: () => "only on wide screens" },
  { header: "Total", card: "primary", kind: "number", cell: (o) => o.total },
];

afterEach(() => vi.unstubAllGlobals());

describe("DataList", () => {
  it("is a table with a header per column on a wide screen", () => {
    screenOf(1280);
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} />);
    const table = screen.getByRole("table", { name: "Orders" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Number", "Date", "Warehouse", "Status", "Internal note", "Total"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["SO-000102", "1 Mar 2026", "North depot", "Shipped", "only on wide screens", "€64.90"]);
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
  });

  it("is a table where matchMedia does not exist (and so in every other page test)", () => {
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} />);
    expect(screen.getByRole("table", { name: "Orders" })).toBeInTheDocument();
  });

  it("is a list of cards on a phone: the number as heading, status, date and total first, the rest labelled below", () => {
    screenOf(360);
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} />);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    const cards = within(screen.getByRole("list", { name: "Orders" })).getAllByRole("listitem");
    expect(cards).toHaveLength(2);

    const second = cards[1];
    expect(within(second).getByRole("heading", { level: 2 })).toHaveTextContent("SO-000102");
    expect(within(within(second).getByRole("heading")).getByRole("link")).toHaveAttribute("href", "/orders/b");
    // Every value is announced with its label (a description list), the primary ones before the rest.
    const labels = within(second).getAllByRole("term").map((t) => t.textContent);
    const values = within(second).getAllByRole("definition").map((d) => d.textContent);
    expect(labels).toEqual(["Date", "Status", "Total", "Warehouse"]);
    expect(values).toEqual(["1 Mar 2026", "Shipped", "€64.90", "North depot"]);
    // What the page marked as table-only is not on the card.
    expect(within(second).queryByText("only on wide screens")).not.toBeInTheDocument();
  });

  it("gives the cards the heading level of the section they sit in", () => {
    screenOf(360);
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} headingLevel={3} />);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["SO-000101", "SO-000102"]);
  });

  it("keeps the table on a phone when the page asks for a table that scrolls in its own box", () => {
    screenOf(360);
    renderPage(<DataList label="Orders statement" items={orders} rowKey={(o) => o.id} columns={columns} phone="scroll" />);
    const region = screen.getByRole("region", { name: "Orders statement" });
    expect(within(region).getByRole("table", { name: "Orders statement" })).toBeInTheDocument();
  });

  it("switches between table and cards when the screen turns, without losing a row", () => {
    const device = screenOf(1280);
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} />);
    expect(screen.getByRole("table")).toBeInTheDocument();
    device.resize(360);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    device.resize(900);
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });

  it("is usable by keyboard: Tab reaches the scrolling table's box, and each card's link in order", async () => {
    const device = screenOf(1280);
    renderPage(<DataList label="Orders" items={orders} rowKey={(o) => o.id} columns={columns} />);
    // The scroll box takes focus, so a keyboard user can scroll a table wider than the screen with the arrow keys.
    await userEvent.tab();
    expect(screen.getByRole("region", { name: "Orders" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "SO-000101" })).toHaveFocus();

    device.resize(360);
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "SO-000101" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "SO-000102" })).toHaveFocus();
  });
});
