import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { NewUserPage, UserPage, newUserProblems } from "./UserPage";
import { UsersPage } from "./UsersPage";

afterEach(() => vi.unstubAllGlobals());

const counterparties = { items: [{ id: "northwind", name: "Northwind Traders" }, { id: "contoso", name: "Contoso" }] };
const groups = { items: [{ id: "customers", name: "Customers", profile: "Customer", allowedCategories: [], users: 2 }] };

const anna = {
  id: "u1",
  username: "anna@northwind.example",
  displayName: "Anna Berg",
  kind: "customer",
  credentials: "usernameAndPassword",
  counterpartyId: "northwind",
  accessGroupId: "customers",
  disabled: false,
  lastSignInAt: "2026-11-27T09:30:00Z",
};

function usersServer() {
  const user = { ...anna, email: "anna@northwind.example", phone: null, jobTitle: null, hasPassword: true, lockedUntil: null };
  const store = { user, version: 1 };
  const server = fakeServer(({ method, url, headers, body }) => {
    if (url === "/api/manage/counterparties") return { body: counterparties };
    if (url === "/api/manage/access-groups") return { body: groups };
    if (url.startsWith("/api/manage/users?") || url === "/api/manage/users") {
      if (method === "POST") {
        const b = body as { username: string; displayName: string; password: string | null };
        return { status: 201, body: { ...user, id: "u9", username: b.username, displayName: b.displayName, credentials: b.password ? "usernameAndPassword" : "usernameOnly" } };
      }
      const query = new URLSearchParams(url.split("?")[1] ?? "");
      if (query.get("continuation") === "next") return { body: { items: [{ ...anna, id: "u3", username: "zoe@contoso.example", displayName: "Zoe", lastSignInAt: null }] } };
      return { body: { items: [anna, { ...anna, id: "u2", username: "ben@northwind.example", displayName: "Ben", credentials: "usernameOnly", disabled: true }], continuation: "next" } };
    }
    const etag = `W/"v${store.version}"`;
    if (url === "/api/manage/users/u1") {
      if (method === "GET") return { body: store.user, headers: { ETag: etag } };
      if (method === "PUT") {
        if (headers.get("If-Match") !== etag) return { status: 412, body: { type: "https://x/problems/stale", title: "Changed.", status: 412 } };
        const change = body as { removePassword?: boolean; newPassword?: string };
        const { removePassword, newPassword, ...rest } = change;
        store.user = { ...store.user, ...rest, credentials: removePassword ? "usernameOnly" : newPassword ? "usernameAndPassword" : store.user.credentials };
        store.version++;
        return { body: store.user, headers: { ETag: `W/"v${store.version}"` } };
      }
    }
    return undefined;
  });
  const changeElsewhere = (change: object) => {
    store.user = { ...store.user, ...change };
    store.version++;
  };
  return { ...server, changeElsewhere, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

describe("UsersPage", () => {
  it("shows each user's kind, counterparty, group, how they sign in, status and last sign-in, and pages on", async () => {
    const server = usersServer();
    renderPage(<UsersPage />, { path: "/manage/users" });
    const table = await screen.findByRole("table", { name: "Users" });
    const rows = within(table).getAllByRole("row");
    await waitFor(() => expect(rows[1]).toHaveTextContent("Northwind Traders"));
    expect(rows[1]).toHaveTextContent("External user");
    expect(rows[1]).toHaveTextContent("Customers");
    expect(rows[1]).toHaveTextContent("Username and password");
    expect(rows[1]).not.toHaveTextContent("Never");
    expect(rows[2]).toHaveTextContent("Username only");
    expect(rows[2]).toHaveTextContent("Disabled");

    await userEvent.click(screen.getByRole("button", { name: "Show more users" }));
    expect(await screen.findByText("zoe@contoso.example")).toBeInTheDocument();
    expect(server.requests.some((r) => r.url.includes("continuation=next"))).toBe(true);
  });

  it("sends the search and filters to the server", async () => {
    const server = usersServer();
    renderPage(<UsersPage />, { path: "/manage/users" });
    await screen.findByRole("table", { name: "Users" });
    await userEvent.type(screen.getByRole("searchbox", { name: "Username or name starts with" }), "ann");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(server.requests.some((r) => r.url === "/api/manage/users?search=ann")).toBe(true));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Disabled");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Signs in with" }), "Username only");
    await waitFor(() =>
      expect(server.requests.some((r) => r.url === "/api/manage/users?search=ann&credentials=usernameOnly&disabled=true")).toBe(true),
    );
  });
});

describe("NewUserPage", () => {
  it("generates a strong password, creates the user with it and shows it once with a copy button", async () => {
    const server = usersServer();
    renderPage(<NewUserPage />);
    await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), "carl@northwind.example");
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Carl Dahl");
    await waitFor(() => expect(screen.getAllByRole("option", { name: "Northwind Traders" }).length).toBeGreaterThan(0));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Counterparty/ }), "Northwind Traders");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Access group/ }), "Customers");
    await userEvent.click(screen.getByRole("button", { name: "Generate" }));
    const password = (screen.getByLabelText(/^Password/) as HTMLInputElement).value;
    expect(password).toHaveLength(20);
    expect(screen.getByRole("button", { name: "Copy password" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Create user" }));
    expect((await screen.findAllByText("User carl@northwind.example created."))[0]).toBeInTheDocument();
    expect(screen.getByTestId("shown-password")).toHaveTextContent(password);
    const post = server.requests.find((r) => r.method === "POST")!;
    expect(post.body).toMatchObject({ username: "carl@northwind.example", kind: "customer", counterpartyId: "northwind", accessGroupId: "customers", password });
  });

  it("sends the create with an Idempotency-Key and, pressed again after a lost answer, the same key and password", async () => {
    let lost = 1;
    const server = fakeServer(({ method, url, body }) => {
      if (url === "/api/manage/counterparties") return { body: counterparties };
      if (url === "/api/manage/access-groups") return { body: groups };
      if (url === "/api/manage/users" && method === "POST") {
        // The first answer never arrives (the user was created, the connection dropped).
        if (lost-- > 0) throw new TypeError("Failed to fetch");
        const b = body as { username: string; displayName: string };
        return { status: 201, body: { ...anna, id: "u9", username: b.username, displayName: b.displayName } };
      }
      return undefined;
    });
    renderPage(<NewUserPage />);
    await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), "carl@northwind.example");
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Carl Dahl");
    await waitFor(() => expect(screen.getAllByRole("option", { name: "Northwind Traders" }).length).toBeGreaterThan(0));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Counterparty/ }), "Northwind Traders");
    await userEvent.click(screen.getByRole("button", { name: "Generate" }));
    const password = (screen.getByLabelText(/^Password/) as HTMLInputElement).value;

    await userEvent.click(screen.getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole("button", { name: "Create user" })).toBeEnabled());
    await userEvent.click(screen.getByRole("button", { name: "Create user" }));

    expect((await screen.findAllByText("User carl@northwind.example created."))[0]).toBeInTheDocument();
    expect(screen.getByTestId("shown-password")).toHaveTextContent(password);
    const posts = server.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    const key = posts[0]!.headers.get("Idempotency-Key");
    expect(key).toBeTruthy();
    expect(posts[1]!.headers.get("Idempotency-Key")).toBe(key);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
  });

  it("uses a new Idempotency-Key once the form changed after a failed create", async () => {
    let refused = 1;
    const server = fakeServer(({ method, url, body }) => {
      if (url === "/api/manage/counterparties") return { body: counterparties };
      if (url === "/api/manage/access-groups") return { body: groups };
      if (url === "/api/manage/users" && method === "POST") {
        if (refused-- > 0) return { status: 409, body: { type: "https://x/problems/conflict", title: "The username 'dora' is taken.", status: 409 } };
        const b = body as { username: string; displayName: string };
        return { status: 201, body: { ...anna, id: "u9", kind: "staff", username: b.username, displayName: b.displayName } };
      }
      return undefined;
    });
    renderPage(<NewUserPage />);
    await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), "dora");
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Dora");
    await userEvent.click(screen.getByRole("radio", { name: "Staff" }));
    await userEvent.click(screen.getByRole("radio", { name: /Username only/ }));
    await userEvent.click(screen.getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole("button", { name: "Create user" })).toBeEnabled());

    await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), "2");
    await userEvent.click(screen.getByRole("button", { name: "Create user" }));

    expect((await screen.findAllByText("User dora2 created."))[0]).toBeInTheDocument();
    const [first, second] = server.requests.filter((r) => r.method === "POST");
    expect(second!.headers.get("Idempotency-Key")).toBeTruthy();
    expect(second!.headers.get("Idempotency-Key")).not.toBe(first!.headers.get("Idempotency-Key"));
  });

  it("creates a username-only user without a password", async () => {
    const server = usersServer();
    renderPage(<NewUserPage />);
    await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), "dora");
    await userEvent.type(screen.getByRole("textbox", { name: /^Name/ }), "Dora");
    await userEvent.click(screen.getByRole("radio", { name: "Staff" }));
    await userEvent.click(screen.getByRole("radio", { name: /Username only/ }));
    await userEvent.click(screen.getByRole("button", { name: "Create user" }));
    expect(await screen.findByText(/signs in with the username only/)).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === "POST")!.body).toMatchObject({ kind: "staff", password: null, counterpartyId: null });
  });

  it("checks the form before sending", () => {
    const draft = { kind: "customer" as const, username: "", displayName: "", email: "", counterpartyId: "", accessGroupId: "", withPassword: true, password: "short" };
    expect(Object.keys(newUserProblems(draft)).sort()).toEqual(["counterpartyId", "displayName", "password", "username"]);
    expect(newUserProblems({ ...draft, username: "x y" }).username).toMatch(/letters, digits/);
    expect(newUserProblems({ ...draft, kind: "staff", username: "a", displayName: "A", withPassword: false })).toEqual({});
  });
});

describe("UserPage", () => {
  const open = () => renderPage(<UserPage />, { path: "/manage/users/u1", route: "/manage/users/:id" });

  it("disables the user against the version it read", async () => {
    const server = usersServer();
    open();
    await userEvent.click(await screen.findByRole("button", { name: "Disable user" }));
    await waitFor(() => expect(server.puts()).toHaveLength(1));
    expect(server.puts()[0]!.headers.get("If-Match")).toBe('W/"v1"');
    expect(server.puts()[0]!.body).toMatchObject({ displayName: "Anna Berg", disabled: true, accessGroupId: "customers" });
    expect(await screen.findByRole("button", { name: "Enable user" })).toBeInTheDocument();
  });

  it("removes the password after asking, making the user username-only", async () => {
    const server = usersServer();
    open();
    await userEvent.click(await screen.findByRole("button", { name: "Remove the password (username only)" }));
    const question = await screen.findByRole("group", { name: /Remove Anna Berg's password\?/ });
    expect(question).toHaveTextContent("signed out at once");
    expect(within(question).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.click(within(question).getByRole("button", { name: "Remove the password" }));
    await waitFor(() => expect(server.puts()[0]!.body).toMatchObject({ removePassword: true }));
    const account = screen.getByRole("region", { name: "Account" });
    await waitFor(() => expect(account).toHaveTextContent("Username only"));
  });

  it("sets a generated password and shows it once", async () => {
    const server = usersServer();
    open();
    await screen.findByRole("button", { name: "Disable user" });
    await userEvent.click(screen.getByRole("button", { name: "Generate" }));
    const password = (screen.getByLabelText(/New password/) as HTMLInputElement).value;
    await userEvent.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByTestId("shown-password")).toHaveTextContent(password);
    expect(server.puts()[0]!.body).toMatchObject({ newPassword: password });
  });

  it("on a 412 shows the latest user and says what changed", async () => {
    const server = usersServer();
    open();
    await screen.findByRole("button", { name: "Disable user" });
    server.changeElsewhere({ displayName: "Anna Lind", accessGroupId: null });
    await userEvent.click(screen.getByRole("button", { name: "Disable user" }));
    expect((await screen.findAllByText("Someone changed the name and the access group in the meantime."))[0]).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Anna Lind", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /^Name/ })).toHaveValue("Anna Lind");
  });
});
