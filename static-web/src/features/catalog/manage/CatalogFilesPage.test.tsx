import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api";
import { fakeServer, renderPage } from "../../../test/render";
import { contentTypeOf, lineProblems, problemsCsv } from "./api";
import { CatalogFilesPage } from "./CatalogFilesPage";

afterEach(() => vi.unstubAllGlobals());

const productPreview = {
  total: 3,
  newCount: 1,
  changedCount: 1,
  unchangedCount: 1,
  listLimit: 200,
  new: [{ line: 4, sku: "TS-3", name: "Tile spacers 3 mm", changes: [] }],
  changed: [
    {
      line: 2,
      sku: "TC-600",
      name: "Tile cutter 600 mm",
      changes: [
        { field: "price", old: "49.00", new: "52.00" },
        { field: "description", old: "Manual", new: null },
      ],
    },
  ],
};

const refusal = {
  type: "https://customer-portal.example/problems/validation",
  title: "The request has invalid fields.",
  status: 400,
  detail: "2 problem(s) in the file; nothing was imported. Fix them and send the whole file again.",
  errors: { "line 4: price": ["Enter a price from 0 with at most 4 decimal places."], "line 3: categoryId": ["No category 'tiles'; create it first."] },
};

const csvFile = (name = "products.csv") => new File(["sku,name\n"], name, { type: "text/csv" });
const fileInput = () => screen.getByLabelText(/File \(CSV or NDJSON\)/);

describe("CatalogFilesPage", () => {
  it("previews a product file (new, changed field by field, unchanged) and then applies the same file", async () => {
    const server = fakeServer(({ method, url }) => {
      if (method === "POST" && url === "/api/manage/catalog/products/import/preview") return { body: productPreview };
      if (method === "POST" && url === "/api/manage/catalog/products/import") return { body: { imported: 3, errors: [] } };
      return undefined;
    });
    renderPage(<CatalogFilesPage />);

    await userEvent.upload(fileInput(), csvFile());
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));

    const heading = await screen.findByRole("heading", { name: "What this file changes" });
    await waitFor(() => expect(heading).toHaveFocus());
    const result = screen.getByRole("region", { name: "What this file changes" });
    expect(result).toHaveTextContent("3 products in the file: 1 new, 1 changed, 1 unchanged.");
    expect(screen.getByText(/lists at most 200 lines of each kind/)).toBeInTheDocument();
    const added = screen.getByRole("table", { name: "New products" });
    expect(within(added).getByRole("row", { name: /4 TS-3 Tile spacers 3 mm/ })).toBeInTheDocument();
    const changed = screen.getByRole("table", { name: "Changed products" });
    expect(within(changed).getByText("TC-600")).toBeInTheDocument();
    expect(within(changed).getByText(/Price:/).closest("li")).toHaveTextContent("Price: 49.00 → 52.00");
    expect(within(changed).getByText(/Description:/).closest("li")).toHaveTextContent("Description: Manual → (empty)");
    // The preview wrote nothing and was sent as CSV.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.get("Content-Type")).toBe("text/csv");

    await userEvent.click(screen.getByRole("button", { name: "Apply the file (2 changes)" }));
    expect(await screen.findByText("3 products imported.")).toBeInTheDocument();
    expect(server.requests[1]!.url).toBe("/api/manage/catalog/products/import");
    expect(server.requests[1]!.headers.get("Content-Type")).toBe("text/csv");
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Applied: 3 products imported."));
  });

  it("shows a refused file's problems by line with a downloadable report, and offers no Apply", async () => {
    fakeServer(({ url }) => (url.endsWith("/preview") ? { status: 400, body: refusal } : undefined));
    const created: Blob[] = [];
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), "blob:report"), revokeObjectURL: () => {} }));
    renderPage(<CatalogFilesPage />);

    await userEvent.upload(fileInput(), csvFile("spring.csv"));
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));

    const heading = await screen.findByRole("heading", { name: "Problems in the file" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole("region", { name: "Problems in the file" })).toHaveTextContent("The file was refused; nothing was written.");
    expect(screen.getByText(refusal.detail)).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Problems by line" })).getAllByRole("row");
    // In file order, with the column as the clerk reads it.
    expect(rows[1]).toHaveTextContent("3CategoryNo category 'tiles'; create it first.");
    expect(rows[2]).toHaveTextContent("4PriceEnter a price from 0");
    expect(screen.queryByRole("button", { name: /Apply/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Download the report (CSV)" }));
    expect(created).toHaveLength(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]!);
    });
    expect(text).toContain("3,categoryId,No category 'tiles'; create it first.");
  });

  it("sends a price file to the price routes and lists changed and removed prices", async () => {
    const server = fakeServer(({ url }) =>
      url === "/api/manage/catalog/prices/import/preview"
        ? {
            body: {
              total: 2,
              newCount: 0,
              changedCount: 1,
              removedCount: 1,
              unchangedCount: 0,
              listLimit: 200,
              new: [],
              changed: [{ line: 2, counterpartyId: "northwind", counterpartyName: "Northwind Traders", sku: "HT-1", productName: "Hammer", oldPrice: "9.99", newPrice: "10.49" }],
              removed: [{ line: 3, counterpartyId: "northwind", counterpartyName: "Northwind Traders", sku: "HT-2", productName: "Saw", oldPrice: "20" }],
            },
          }
        : undefined,
    );
    renderPage(<CatalogFilesPage />);

    await userEvent.click(screen.getByRole("radio", { name: "Customer prices" }));
    expect(screen.getByText(/counterpartyId, sku, price/)).toBeInTheDocument();
    await userEvent.upload(fileInput(), new File(['{"counterpartyId":"northwind"}\n'], "prices.ndjson"));
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));

    expect(await screen.findByRole("region", { name: "What this file changes" })).toHaveTextContent(
      "2 prices in the file: 0 new, 1 changed, 1 removed, 0 unchanged.",
    );
    expect(within(screen.getByRole("table", { name: "Changed prices" })).getByRole("row", { name: /Northwind Traders HT-1 Hammer 9.99 → 10.49/ })).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Removed prices" })).getByText("Saw")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Apply the file (2 changes)" })).toBeInTheDocument();
    expect(server.requests[0]!.headers.get("Content-Type")).toBe("application/x-ndjson");
  });

  it("asks for a file before sending anything", async () => {
    const server = fakeServer(() => undefined);
    renderPage(<CatalogFilesPage />);
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    expect(await within(screen.getByRole("form", { name: "Choose a file" })).findByText("Choose a file first.")).toBeInTheDocument();
    expect(fileInput()).toHaveFocus();
    expect(server.requests).toHaveLength(0);
  });

  it("says when a file changes nothing", async () => {
    fakeServer(() => ({ body: { ...productPreview, newCount: 0, changedCount: 0, unchangedCount: 3, new: [], changed: [] } }));
    renderPage(<CatalogFilesPage />);
    await userEvent.upload(fileInput(), csvFile());
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    expect(await screen.findByText("Nothing to change.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Apply/ })).not.toBeInTheDocument();
  });
});

describe("lineProblems", () => {
  it("reads checked values, unreadable lines and whole-file problems from the API's problem details", () => {
    const error = new ApiError({
      status: 400,
      errors: { "line 7": ["Column 'price' on line 7 must be a number like 12.50."], file: ["Send at most 20000 records per file."], "line 2: sku": ["Bad."] },
    });
    expect(lineProblems(error)).toEqual([
      { line: null, field: "file", message: "Send at most 20000 records per file." },
      { line: 2, field: "sku", message: "Bad." },
      { line: 7, field: null, message: "Column 'price' on line 7 must be a number like 12.50." },
    ]);
    expect(lineProblems(new ApiError({ status: 415 }))).toBeNull();
  });
});

describe("problemsCsv", () => {
  it("writes a CSV Excel opens safely: BOM, quoted commas and quotes, formulas made text", () => {
    const csv = problemsCsv([
      { line: 3, field: "name", message: 'Has "quotes", and a comma' },
      { line: null, field: "file", message: "=HYPERLINK(1)" },
    ]);
    expect(csv).toBe('\uFEFFLine,Column,Problem\r\n3,name,"Has ""quotes"", and a comma"\r\n,file,\'=HYPERLINK(1)\r\n');
  });
});

describe("contentTypeOf", () => {
  it("goes by the file name, since browsers give NDJSON files no type", () => {
    expect(contentTypeOf(new File([""], "a.CSV"))).toBe("text/csv");
    expect(contentTypeOf(new File([""], "a.ndjson"))).toBe("application/x-ndjson");
    expect(contentTypeOf(new File([""], "a.jsonl"))).toBe("application/x-ndjson");
    expect(contentTypeOf(new File([""], "a.txt", { type: "text/plain" }))).toBe("text/plain");
  });
});
