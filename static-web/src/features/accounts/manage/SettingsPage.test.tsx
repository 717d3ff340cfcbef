import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { draftProblems, SettingsPage } from "./SettingsPage";

afterEach(() => vi.unstubAllGlobals());

interface Stored {
  externalAccessEnabled: boolean;
  companyName: string;
  currency: string;
}

/** The settings as the API keeps them: a version (ETag) that every save must name, and 412 when it does not. */
function settingsServer(initial: Stored) {
  const store = { settings: { ...initial }, version: 1 };
  const server = fakeServer(({ method, url, headers, body }) => {
    if (url !== "/api/manage/settings") return undefined;
    const etag = `W/"v${store.version}"`;
    if (method === "GET") return { body: store.settings, headers: { ETag: etag } };
    if (method === "PUT") {
      if (headers.get("If-Match") !== etag) {
        return { status: 412, body: { type: "https://x/problems/precondition-failed", title: "Changed.", status: 412 } };
      }
      store.settings = body as Stored;
      store.version++;
      return { body: store.settings, headers: { ETag: `W/"v${store.version}"` } };
    }
    return undefined;
  });
  /** Someone else saves in the meantime. */
  const changeElsewhere = (change: Partial<Stored>) => {
    store.settings = { ...store.settings, ...change };
    store.version++;
  };
  return { ...server, store, changeElsewhere, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

const initial: Stored = { externalAccessEnabled: true, companyName: "Contoso Supply", currency: "EUR" };
const companyName = () => screen.getByRole("textbox", { name: /Company name/ });
const currency = () => screen.getByRole("textbox", { name: /Currency/ });
const accessSwitch = () => screen.getByRole("switch", { name: "Allow external user access" });

async function openPage() {
  renderPage(<SettingsPage />);
  expect(await screen.findByDisplayValue("Contoso Supply")).toBeInTheDocument();
}

describe("SettingsPage", () => {
  it("shows the settings as the API has them", async () => {
    settingsServer(initial);
    await openPage();
    expect(screen.getByRole("heading", { name: "Users and rights settings", level: 1 })).toBeInTheDocument();
    expect(accessSwitch()).toBeChecked();
    expect(companyName()).toHaveValue("Contoso Supply");
    expect(currency()).toHaveValue("EUR");
  });

  it("saves all settings against the version it read (If-Match) and says so", async () => {
    const server = settingsServer(initial);
    await openPage();
    await userEvent.clear(companyName());
    await userEvent.type(companyName(), "Contoso Supply Ltd");
    await userEvent.clear(currency());
    await userEvent.type(currency(), "gbp");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    const [put] = server.puts();
    expect(put!.headers.get("If-Match")).toBe('W/"v1"');
    expect(put!.body).toEqual({ externalAccessEnabled: true, companyName: "Contoso Supply Ltd", currency: "GBP" });
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Settings saved."));

    // The next save names the version the first one produced.
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(server.puts()).toHaveLength(2));
    expect(server.puts()[1]!.headers.get("If-Match")).toBe('W/"v2"');
  });

  it("asks before switching external access off, saying it signs every customer out, and does nothing on Cancel", async () => {
    const server = settingsServer(initial);
    await openPage();

    // By keyboard: Space on the switch asks first.
    accessSwitch().focus();
    await userEvent.keyboard(" ");
    // Fluent's focus manager may mark the open dialog aria-hidden for a moment in jsdom (it does not in a browser, where
    // the axe scan checks it), so the dialog's parts are found with hidden included.
    const dialog = await screen.findByRole("alertdialog", { name: "Switch external user access off?", hidden: true });
    expect(dialog).toHaveTextContent("This signs every customer out at once");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(server.puts()).toHaveLength(0);
    expect(accessSwitch()).toBeChecked();

    await userEvent.click(accessSwitch());
    const again = await screen.findByRole("alertdialog", { hidden: true });
    await userEvent.click(within(again).getByRole("button", { name: "Switch off and sign customers out", hidden: true }));
    await waitFor(() => expect(accessSwitch()).not.toBeChecked());
    expect(server.puts()[0]!.body).toEqual({ ...initial, externalAccessEnabled: false });
    expect(server.puts()[0]!.headers.get("If-Match")).toBe('W/"v1"');
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Every customer has been signed out."));
  });

  it("switches access on at once, without asking", async () => {
    const server = settingsServer({ ...initial, externalAccessEnabled: false });
    await openPage();
    expect(accessSwitch()).not.toBeChecked();
    await userEvent.click(accessSwitch());
    await waitFor(() => expect(accessSwitch()).toBeChecked());
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(server.puts()[0]!.body).toEqual(initial);
  });

  it("loads the latest settings and says so when someone else saved first (412)", async () => {
    const server = settingsServer(initial);
    await openPage();
    server.changeElsewhere({ companyName: "Contoso Wholesale" });

    await userEvent.clear(companyName());
    await userEvent.type(companyName(), "My edit");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText("Someone changed the settings in the meantime.")).toBeInTheDocument();
    await waitFor(() => expect(companyName()).toHaveValue("Contoso Wholesale"));
    expect(server.puts()).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(2);
    await waitFor(() =>
      expect(
        screen.getByText("Someone changed the settings in the meantime. The latest settings are shown now; check them and try again."),
      ).toBeInTheDocument(),
    );

    // Saving again now names the latest version and succeeds.
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
    expect(server.puts()[1]!.headers.get("If-Match")).toBe('W/"v2"');
    expect(screen.queryByText("Someone changed the settings in the meantime.")).not.toBeInTheDocument();
  });

  it("checks the fields before sending and shows the API's per-field messages", async () => {
    const server = settingsServer(initial);
    await openPage();
    await userEvent.clear(companyName());
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Enter the company name.")).toBeInTheDocument();
    expect(companyName()).toHaveFocus();
    expect(server.puts()).toHaveLength(0);

    // What only the API can know comes back as problem details with errors per field.
    server.fetchMock.mockImplementationOnce(async () =>
      new Response(JSON.stringify({ status: 400, title: "Invalid.", errors: { currency: ["Not a currency we can invoice in."] } }), {
        status: 400,
        headers: { "Content-Type": "application/problem+json" },
      }),
    );
    await userEvent.type(companyName(), "Contoso Supply");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Not a currency we can invoice in.")).toBeInTheDocument();
  });
});

describe("draftProblems", () => {
  it("wants a company name of at most 200 characters and a three-letter currency code", () => {
    expect(draftProblems({ companyName: "Contoso", currency: "EUR" })).toEqual({});
    expect(draftProblems({ companyName: "  ", currency: "EUR" }).companyName).toBe("Enter the company name.");
    expect(draftProblems({ companyName: "x".repeat(201), currency: "EUR" }).companyName).toMatch(/at most 200/);
    expect(draftProblems({ companyName: "Contoso", currency: "EURO" }).currency).toMatch(/three-letter/);
    expect(draftProblems({ companyName: "Contoso", currency: "eu1" }).currency).toMatch(/three-letter/);
  });
});
