import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { ColleaguesPage } from "./ColleaguesPage";

afterEach(() => vi.unstubAllGlobals());

const list = {
  items: [
    { id: "a", username: "anna@x", displayName: "Anna", disabled: false, hasPassword: true, accessGroupId: "customers", companyAdministrator: true },
    { id: "d", username: "dan@x", displayName: "Dan", disabled: false, hasPassword: false, accessGroupId: "tools", companyAdministrator: false },
  ],
  allowedGroups: [
    { id: "customers", name: "Customers" },
    { id: "tools", name: "Tools only" },
  ],
};

describe("ColleaguesPage", () => {
  it("lists colleagues with how they sign in, and offers only the allowed groups", async () => {
    fakeServer(() => ({ body: list }));
    renderPage(<ColleaguesPage />);
    expect(await screen.findByText("Work account")).toBeInTheDocument();
    const group = screen.getByRole("combobox", { name: "Access group of Dan" });
    expect([...(group as HTMLSelectElement).options].map((o) => o.text)).toEqual(["Customers", "Tools only"]);
    // The administrator's own row has no actions: it cannot disable itself.
    expect(screen.queryByRole("button", { name: "Disable Anna" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Disable Dan" })).toBeInTheDocument();
  });

  it("shows an invited colleague's password once, and sends the invite with an Idempotency-Key", async () => {
    const server = fakeServer(({ method }) =>
      method === "POST"
        ? { status: 201, body: { colleague: { ...list.items[1], id: "n", displayName: "Nina", username: "nina@x", hasPassword: true }, password: "Abcdefgh23456789" } }
        : { body: list },
    );
    renderPage(<ColleaguesPage />);
    await userEvent.type(await screen.findByRole("textbox", { name: /Username/ }), "nina@x");
    await userEvent.type(screen.getByRole("textbox", { name: /Name/ }), "Nina");
    await userEvent.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByText("Abcdefgh23456789")).toBeInTheDocument();
    const post = server.requests.find((r) => r.method === "POST")!;
    expect(post.headers.get("Idempotency-Key")).toBeTruthy();
    expect(post.body).toMatchObject({ username: "nina@x", displayName: "Nina", accessGroupId: "customers", withPassword: true });
  });
});
