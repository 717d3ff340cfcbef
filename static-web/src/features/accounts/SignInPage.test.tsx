import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { SignInPage, safeReturnTo } from "./SignInPage";

afterEach(() => vi.unstubAllGlobals());

async function signIn(username: string, password: string) {
  await userEvent.type(screen.getByRole("textbox", { name: /Username/ }), username);
  await userEvent.type(screen.getByLabelText(/Password/), password);
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInPage", () => {
  it("says plainly when the username or password is wrong", async () => {
    fakeServer(() => ({ status: 401, body: { type: "https://customer-portal.example/problems/sign-in-failed", status: 401 } }));
    renderPage(<SignInPage />, { path: "/sign-in", route: "/sign-in" });
    await signIn("anna@northwind.example", "wrong");
    expect(await screen.findByText("The username or password is not correct.")).toBeInTheDocument();
  });

  it("returns to the page the user wanted after signing in", async () => {
    fakeServer(() => ({ body: { user: { id: "u", username: "a", displayName: "A", kind: "customer" }, companyName: "S", currency: "EUR", csrfToken: "t" } }));
    renderPage(<SignInPage />, { path: "/sign-in?returnTo=%2Fpurchases%2Fcart", route: "/sign-in" });
    await signIn("a", "secret");
    expect(await screen.findByText("Cart page")).toBeInTheDocument();
  });
});

describe("SignInPage with a work-account authority", () => {
  const provider = { authority: "https://contoso.ciamlogin.com/tenant/v2.0", clientId: "client", scopes: ["openid"] };

  it("offers the work account only when the deployment names an authority", async () => {
    fakeServer(({ url }) => (url.endsWith("/api/auth/providers") ? { body: { workAccount: null } } : undefined));
    renderPage(<SignInPage />, { path: "/sign-in", route: "/sign-in" });
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign in with your work account" })).not.toBeInTheDocument();
  });

  it("shows the work-account button next to the password form", async () => {
    fakeServer(({ url }) => (url.endsWith("/api/auth/providers") ? { body: { workAccount: provider } } : undefined));
    renderPage(<SignInPage />, { path: "/sign-in", route: "/sign-in" });
    expect(await screen.findByRole("button", { name: "Sign in with your work account" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Username/ })).toBeInTheDocument();
  });

  it("tells a user in no access group to ask the supplier", async () => {
    fakeServer(({ url }) =>
      url.endsWith("/api/auth/sign-in")
        ? { status: 403, body: { type: "https://customer-portal.example/problems/no-access-group", status: 403 } }
        : { body: { workAccount: null } },
    );
    renderPage(<SignInPage />, { path: "/sign-in", route: "/sign-in" });
    await signIn("new@northwind.example", "a good passphrase");
    expect(await screen.findByText("Your account has no access to the portal yet.")).toBeInTheDocument();
    expect(screen.getByText(/Ask them to give you access/)).toBeInTheDocument();
  });
});

describe("safeReturnTo", () => {
  it("only returns to addresses inside the portal", () => {
    expect(safeReturnTo("/purchases/orders?status=sent")).toBe("/purchases/orders?status=sent");
    expect(safeReturnTo("https://evil.example/")).toBe("/");
    expect(safeReturnTo("//evil.example/")).toBe("/");
    expect(safeReturnTo("/\\evil.example")).toBe("/");
    expect(safeReturnTo(null)).toBe("/");
  });
});
