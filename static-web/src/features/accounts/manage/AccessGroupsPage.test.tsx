import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { AccessGroupPage, AccessGroupsPage, groupProblems } from "./AccessGroupsPage";

afterEach(() => vi.unstubAllGlobals());

const categories = { items: [{ id: "tools", name: "Tools" }, { id: "safety", name: "Safety" }, { id: "paint", name: "Paint" }] };

function groupServer() {
  const store = {
    group: { id: "tools-only", name: "Tools only", profile: "Customer", allowedCategories: ["tools"] },
    version: 1,
  };
  const server = fakeServer(({ method, url, headers, body }) => {
    if (url === "/api/categories") return { body: categories };
    if (url === "/api/manage/access-groups" && method === "GET") {
      return {
        body: {
          items: [
            { ...store.group, users: 3 },
            { id: "customers", name: "Customers", profile: "Customer", allowedCategories: [], users: 12 },
          ],
        },
      };
    }
    const etag = `W/"v${store.version}"`;
    if (url === "/api/manage/access-groups/tools-only") {
      if (method === "GET") return { body: store.group, headers: { ETag: etag } };
      if (method === "PUT") {
        if (headers.get("If-Match") !== etag) return { status: 412, body: { type: "https://x/problems/stale", title: "Changed.", status: 412 } };
        store.group = { ...store.group, ...(body as object) };
        store.version++;
        return { body: store.group, headers: { ETag: `W/"v${store.version}"` } };
      }
    }
    if (url === "/api/manage/access-groups/paint-shops" && method === "PUT") {
      return { body: { id: "paint-shops", profile: "Customer", ...(body as object) }, headers: { ETag: 'W/"n1"' } };
    }
    return undefined;
  });
  const changeElsewhere = (change: object) => {
    store.group = { ...store.group, ...change };
    store.version++;
  };
  return { ...server, changeElsewhere, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

describe("AccessGroupsPage", () => {
  it("lists each group with its restriction in category names and how many users it has", async () => {
    groupServer();
    renderPage(<AccessGroupsPage />);
    const table = await screen.findByRole("table", { name: "Access groups" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Tools only");
    await waitFor(() => expect(rows[1]).toHaveTextContent("Tools"));
    expect(within(rows[1]!).getByRole("link", { name: "3 users in Tools only" })).toHaveAttribute("href", "/manage/users?accessGroupId=tools-only");
    expect(rows[2]).toHaveTextContent("All categories");
    expect(rows[2]).toHaveTextContent("12");
  });
});

describe("AccessGroupPage", () => {
  it("creates a group restricted to the picked categories, only if the id is free", async () => {
    const server = groupServer();
    renderPage(<AccessGroupPage />, { path: "/manage/access-groups/new", route: "/manage/access-groups/new" });
    await userEvent.type(screen.getByRole("textbox", { name: /Name/ }), "Paint shops");
    expect(screen.getByRole("textbox", { name: /^Id/ })).toHaveValue("paint-shops");
    await userEvent.click(screen.getByRole("radio", { name: "Only the categories picked below" }));
    await userEvent.click(screen.getByRole("button", { name: "Create access group" }));
    expect(await screen.findByText("Pick at least one category, or allow all categories.")).toBeInTheDocument();
    await userEvent.click(await screen.findByRole("checkbox", { name: "Paint" }));
    await userEvent.click(screen.getByRole("button", { name: "Create access group" }));

    await waitFor(() => expect(server.puts()).toHaveLength(1));
    const put = server.puts()[0]!;
    expect(put.url).toBe("/api/manage/access-groups/paint-shops");
    expect(put.headers.get("If-None-Match")).toBe("*");
    expect(put.body).toEqual({ name: "Paint shops", allowedCategories: ["paint"] });
  });

  it("on a 412 shows the latest group and says what the other person changed", async () => {
    const server = groupServer();
    renderPage(<AccessGroupPage />, { path: "/manage/access-groups/tools-only", route: "/manage/access-groups/:id" });
    expect(await screen.findByDisplayValue("Tools only")).toBeInTheDocument();
    server.changeElsewhere({ allowedCategories: ["tools", "safety"] });

    await userEvent.clear(screen.getByRole("textbox", { name: /Name/ }));
    await userEvent.type(screen.getByRole("textbox", { name: /Name/ }), "Tools");
    await userEvent.click(screen.getByRole("button", { name: "Save access group" }));

    expect((await screen.findAllByText("Someone changed the product categories in the meantime."))[0]).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Safety" })).toBeChecked();
    expect(screen.getByRole("textbox", { name: /Name/ })).toHaveValue("Tools only");
    expect(server.puts()[0]!.headers.get("If-Match")).toBe('W/"v1"');

    await userEvent.click(screen.getByRole("button", { name: "Save access group" }));
    expect((await screen.findAllByText("Access group saved."))[0]).toBeInTheDocument();
    expect(server.puts()[1]!.headers.get("If-Match")).toBe('W/"v2"');
  });
});

describe("groupProblems", () => {
  it("wants a name, a valid id when creating, and a category when restricted", () => {
    expect(groupProblems({ id: "a", name: "A", restricted: false, allowedCategories: [] }, true)).toEqual({});
    expect(groupProblems({ id: "a b", name: " ", restricted: true, allowedCategories: [] }, true)).toEqual({
      id: expect.stringMatching(/letters, digits/),
      name: "Enter the group's name.",
      allowedCategories: expect.stringMatching(/Pick at least one/),
    });
    expect(groupProblems({ id: "a b", name: "A", restricted: false, allowedCategories: [] }, false)).toEqual({});
  });
});
