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

describe("safeReturnTo", () => {
  it("only returns to addresses inside the portal", () => {
    expect(safeReturnTo("/purchases/orders?status=sent")).toBe("/purchases/orders?status=sent");
    expect(safeReturnTo("https://evil.example/")).toBe("/");
    expect(safeReturnTo("//evil.example/")).toBe("/");
    expect(safeReturnTo("/\\evil.example")).toBe("/");
    expect(safeReturnTo(null)).toBe("/");
  });
});
