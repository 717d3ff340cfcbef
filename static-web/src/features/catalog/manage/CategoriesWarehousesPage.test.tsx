import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { CategoriesWarehousesPage, describeChanges, rowProblems } from "./CategoriesWarehousesPage";

afterEach(() => vi.unstubAllGlobals());

interface Category {
  id: string;
  name: string;
  sortOrder: number;
  version: string;
}

/** The API's categories and warehouses: each row has a version; a create must not overwrite, an edit must name the version. */
function catalogServer() {
  let n = 1;
  const categories: Category[] = [
    { id: "hand-tools", name: "Hand tools", sortOrder: 0, version: 'W/"c1"' },
    { id: "power-tools", name: "Power tools", sortOrder: 10, version: 'W/"c2"' },
  ];
  const warehouses = [{ id: "central", name: "Central warehouse", city: "Vienna", version: 'W/"w1"' }];
  const server = fakeServer(({ method, url, headers, body }) => {
    if (method === "GET" && url === "/api/manage/catalog/categories") return { body: { items: categories } };
    if (method === "GET" && url === "/api/manage/catalog/warehouses") return { body: { items: warehouses } };
    if (method === "POST" && url === "/api/manage/catalog/categories") {
      const change = body as Omit<Category, "version">;
      const existing = categories.find((c) => c.id === change.id);
      if (headers.get("If-None-Match") === "*") {
        if (existing) return { status: 409, body: { type: "https://x/problems/conflict", title: "Conflict.", status: 409, detail: `A category with the id '${change.id}' exists already.` } };
        const created = { ...change, version: `W/"n${n++}"` };
        categories.push(created);
        return { body: created };
      }
      if (!existing || headers.get("If-Match") !== existing.version) return { status: 412, body: { type: "https://x/problems/stale", title: "Changed.", status: 412 } };
      Object.assign(existing, change, { version: `W/"n${n++}"` });
      return { body: existing };
    }
    return undefined;
  });
  const changeElsewhere = (id: string, change: Partial<Category>) => Object.assign(categories.find((c) => c.id === id)!, change, { version: `W/"x${n++}"` });
  return { ...server, categories, changeElsewhere, posts: () => server.requests.filter((r) => r.method === "POST") };
}

/**
 * Presses the button that opens a dialog and returns the dialog. On a loaded machine Fluent's focus manager (tabster)
 * in jsdom can leave a freshly opened dialog marked aria-hidden for longer than a test waits, so the dialog and the
 * buttons in it are looked up with hidden ones included; that the dialogs are really usable is proven in Chromium by
 * the browser tests (with the axe scan).
 */
async function openDialog(button: string, dialog: string, hidden = false): Promise<HTMLElement> {
  await userEvent.click(screen.getByRole("button", { name: button, hidden }));
  return waitFor(() => {
    // A closed dialog's exit never ends in jsdom, so an earlier one may still be there: the new one is the last.
    const open = screen.getAllByRole("dialog", { hidden: true });
    const last = open[open.length - 1]!;
    expect(last).toHaveTextContent(dialog);
    return last;
  });
}

async function openPage() {
  renderPage(<CategoriesWarehousesPage />);
  await screen.findByRole("table", { name: "Categories" });
  await screen.findByRole("table", { name: "Warehouses" });
}

describe("CategoriesWarehousesPage", () => {
  it("lists categories in their order and warehouses with their cities", async () => {
    catalogServer();
    await openPage();
    const rows = within(screen.getByRole("table", { name: "Categories" })).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Hand toolshand-tools0");
    expect(rows[2]).toHaveTextContent("Power toolspower-tools10");
    expect(within(screen.getByRole("table", { name: "Warehouses" })).getByRole("row", { name: /Central warehouse central Vienna/ })).toBeInTheDocument();
  });

  it("creates a category only if its id is free (If-None-Match: *) and says so", async () => {
    const server = catalogServer();
    await openPage();
    const dialog = await openDialog("New category", "New category");
    await userEvent.type(await within(dialog).findByLabelText(/^Id/), "tiling");
    await userEvent.type(within(dialog).getByLabelText(/^Name/), "Tiling");
    await userEvent.clear(within(dialog).getByLabelText(/Sort order/));
    await userEvent.type(within(dialog).getByLabelText(/Sort order/), "30");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create category", hidden: true }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // (hidden: the dialog's exit transition never ends in this test DOM, so the page stays marked hidden here.)
    expect(screen.getByText("Category Tiling created.", { selector: ".fui-MessageBarTitle" })).toBeInTheDocument();
    const [post] = server.posts();
    expect(post!.headers.get("If-None-Match")).toBe("*");
    expect(post!.headers.get("If-Match")).toBeNull();
    expect(post!.body).toEqual({ id: "tiling", name: "Tiling", sortOrder: 30 });
    expect(await within(screen.getByRole("table", { name: "Categories", hidden: true })).findByText("Tiling")).toBeInTheDocument();

    // The same id again is refused by the API rather than overwriting it; the dialog says why and stays open.
    const again = await openDialog("New category", "New category", true);
    await userEvent.type(await within(again).findByLabelText(/^Id/), "tiling");
    await userEvent.type(within(again).getByLabelText(/^Name/), "Tiles");
    await userEvent.click(within(again).getByRole("button", { name: "Create category", hidden: true }));
    expect(await within(again).findByText(/exists already/)).toBeInTheDocument();
  });

  it("edits a category at the version it read and, when someone changed it first, shows the latest and what changed", async () => {
    const server = catalogServer();
    await openPage();
    const dialog = await openDialog("Edit Power tools", "Edit category Power tools");
    expect(await within(dialog).findByLabelText(/^Id/)).toHaveAttribute("readonly");
    server.changeElsewhere("power-tools", { name: "Power tools and machines" });

    const name = within(dialog).getByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, "Electric tools");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save", hidden: true }));

    expect(await within(dialog).findByText(/Changed: name “Power tools” → “Power tools and machines”/)).toBeInTheDocument();
    await waitFor(() => expect(name).toHaveValue("Power tools and machines"));
    expect(server.posts()[0]!.headers.get("If-Match")).toBe('W/"c2"');

    // Saving again names the latest version and succeeds.
    await userEvent.clear(name);
    await userEvent.type(name, "Electric tools");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(server.posts()[1]!.headers.get("If-Match")).toMatch(/^W\/"x/);
    expect(server.categories.find((c) => c.id === "power-tools")!.name).toBe("Electric tools");
  });

  it("checks the fields before sending", async () => {
    const server = catalogServer();
    await openPage();
    const dialog = await openDialog("New warehouse", "New warehouse");
    await userEvent.type(await within(dialog).findByLabelText(/^Id/), "has space");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create warehouse", hidden: true }));
    expect(await within(dialog).findByText("Use 1–64 letters, digits, '-', '_' or '.'.")).toBeInTheDocument();
    expect(within(dialog).getByText("Enter a name.")).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Id/)).toHaveFocus();
    expect(server.posts()).toHaveLength(0);
  });
});

describe("rowProblems and describeChanges", () => {
  const categories = { extra: { label: "Sort order", hint: "", numeric: true } };
  it("wants a key-safe id, a name and a whole-number sort order", () => {
    expect(rowProblems(categories, { id: "a.b_c-1", name: "A", extra: "-5", version: null })).toEqual({});
    expect(rowProblems(categories, { id: "a/b", name: " ", extra: "1.5", version: null })).toEqual({
      id: "Use 1–64 letters, digits, '-', '_' or '.'.",
      name: "Enter a name.",
      extra: "Enter a whole number, such as 10.",
    });
  });
  it("names what another person changed", () => {
    const before = { id: "a", name: "A", extra: "1", version: "v1" };
    expect(describeChanges(categories, before, { ...before, extra: "2", version: "v2" })).toBe("Changed: sort order “1” → “2”.");
    expect(describeChanges(categories, before, undefined)).toBe("It no longer exists.");
  });
});
