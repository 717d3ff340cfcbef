import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { CounterpartiesPage, CounterpartyPage, counterpartiesPageSize, counterpartyProblems, matchCounterparties } from "./CounterpartiesPage";

afterEach(() => vi.unstubAllGlobals());

function counterpartyServer() {
  const store = {
    northwind: { id: "northwind", name: "Northwind Traders", code: "C-100", taxId: "DE100", email: "buy@northwind.example", phone: null, address: "1 Road" },
    version: 1,
  };
  const server = fakeServer(({ method, url, headers, body }) => {
    if (url === "/api/manage/counterparties") return { body: { items: [store.northwind] } };
    const etag = `W/"v${store.version}"`;
    if (url === "/api/manage/counterparties/northwind") {
      if (method === "GET") return { body: store.northwind, headers: { ETag: etag } };
      if (method === "PUT") {
        if (headers.get("If-Match") !== etag) return { status: 412, body: { type: "https://x/problems/stale", title: "Changed.", status: 412 } };
        store.northwind = { ...store.northwind, ...(body as object) };
        store.version++;
        return { body: store.northwind, headers: { ETag: `W/"v${store.version}"` } };
      }
    }
    if (url === "/api/manage/counterparties/wingtip-toys" && method === "PUT") {
      if (headers.get("If-None-Match") !== "*") return undefined;
      return { status: 409, body: { type: "https://x/problems/conflict", title: "Conflict.", status: 409, detail: "A counterparty with the id 'wingtip-toys' exists already." } };
    }
    return undefined;
  });
  const changeElsewhere = (change: object) => {
    store.northwind = { ...store.northwind, ...change };
    store.version++;
  };
  return { ...server, changeElsewhere, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

describe("CounterpartiesPage", () => {
  it("finds among thousands by what the clerk types, keeps it in the address, and shows 50 at a time", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: `cp-${i}`, name: i === 2718 ? "Wingtip Toys" : `Customer ${String(i).padStart(4, "0")}`, code: `C-${i}`, taxId: `AT${i}`,
      email: `buyer${i}@example.com`, phone: null, address: null,
    }));
    fakeServer(({ url }) => (url === "/api/manage/counterparties" ? { body: { items: many } } : undefined));
    renderPage(<CounterpartiesPage />, { path: "/manage/counterparties" });
    const table = await screen.findByRole("table", { name: "Counterparties" });
    expect(within(table).getAllByRole("row")).toHaveLength(counterpartiesPageSize + 1);
    expect(screen.getByText("3,000 counterparties")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /Show more counterparties \(2,950 more\)/ }));
    expect(within(screen.getByRole("table", { name: "Counterparties" })).getAllByRole("row")).toHaveLength(2 * counterpartiesPageSize + 1);

    await userEvent.type(screen.getByRole("searchbox", { name: "Find by name, code, tax id or email" }), "wingtip");
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Counterparties" })).getAllByRole("row")).toHaveLength(2));
    expect(screen.getByRole("link", { name: "Wingtip Toys" })).toHaveAttribute("href", "/manage/counterparties/cp-2718");
    expect(screen.getByText("1 of 3,000 counterparties match")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Show more/ })).not.toBeInTheDocument();
  });

  it("matches every word typed against name, code, tax id and email, in any case", () => {
    const items = [
      { id: "a", name: "Northwind Traders", code: "C-100", taxId: "DE100", email: "buy@northwind.example" },
      { id: "b", name: "Contoso Retail", code: "C-200", taxId: "GB200", email: "orders@contoso.example" },
    ] as Parameters<typeof matchCounterparties>[0];
    expect(matchCounterparties(items, "").map((c) => c.id)).toEqual(["a", "b"]);
    expect(matchCounterparties(items, "north TRADERS").map((c) => c.id)).toEqual(["a"]);
    expect(matchCounterparties(items, "gb200").map((c) => c.id)).toEqual(["b"]);
    expect(matchCounterparties(items, "c- contoso.example").map((c) => c.id)).toEqual(["b"]);
    expect(matchCounterparties(items, "northwind contoso")).toEqual([]);
  });

  it("lists counterparties with code, tax id and contacts, and links to their users", async () => {
    counterpartyServer();
    renderPage(<CounterpartiesPage />);
    const row = within(await screen.findByRole("table", { name: "Counterparties" })).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Northwind Traders");
    expect(row).toHaveTextContent("C-100");
    expect(row).toHaveTextContent("DE100");
    expect(within(row).getByRole("link", { name: "Users of Northwind Traders" })).toHaveAttribute("href", "/manage/users?counterpartyId=northwind");
  });
});

describe("CounterpartyPage", () => {
  it("creates only when the id is free and says so when it is taken", async () => {
    const server = counterpartyServer();
    renderPage(<CounterpartyPage />, { path: "/manage/counterparties/new", route: "/manage/counterparties/new" });
    await userEvent.type(screen.getByRole("textbox", { name: /Name/ }), "Wingtip Toys");
    expect(screen.getByRole("textbox", { name: /^Id/ })).toHaveValue("wingtip-toys");
    await userEvent.click(screen.getByRole("button", { name: "Create counterparty" }));
    expect((await screen.findAllByText("A counterparty with the id 'wingtip-toys' exists already."))[0]).toBeInTheDocument();
    expect(server.puts()[0]!.headers.get("If-None-Match")).toBe("*");
    expect(server.puts()[0]!.body).toEqual({ name: "Wingtip Toys", code: null, taxId: null, email: null, phone: null, address: null, managerName: null, managerEmail: null, managerPhone: null });
  });

  it("edits against the version it read; on a 412 shows the latest and names what changed", async () => {
    const server = counterpartyServer();
    renderPage(<CounterpartyPage />, { path: "/manage/counterparties/northwind", route: "/manage/counterparties/:id" });
    expect(await screen.findByDisplayValue("Northwind Traders")).toBeInTheDocument();
    server.changeElsewhere({ taxId: "DE999", address: "2 Street" });

    await userEvent.type(screen.getByRole("textbox", { name: /Phone/ }), "+49 1");
    await userEvent.click(screen.getByRole("button", { name: "Save counterparty" }));
    expect((await screen.findAllByText("Someone changed the tax id and the address in the meantime."))[0]).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("textbox", { name: /Tax id/ })).toHaveValue("DE999"));

    await userEvent.click(screen.getByRole("button", { name: "Save counterparty" }));
    expect((await screen.findAllByText("Counterparty saved."))[0]).toBeInTheDocument();
    expect(server.puts()[1]!.headers.get("If-Match")).toBe('W/"v2"');
  });
});

describe("counterpartyProblems", () => {
  it("wants a name and, when creating, a usable id", () => {
    const draft = { id: "x", name: "X", code: "", taxId: "", email: "", phone: "", address: "", managerName: "", managerEmail: "", managerPhone: "" };
    expect(counterpartyProblems(draft, true)).toEqual({});
    expect(counterpartyProblems({ ...draft, id: "no spaces", name: "" }, true)).toEqual({ id: expect.any(String), name: "Enter the counterparty's name." });
    expect(counterpartyProblems({ ...draft, code: "x".repeat(51) }, false).code).toMatch(/at most 50/);
  });
});
