import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { FilesNeedingAttentionPage } from "./FilesNeedingAttentionPage";

afterEach(() => vi.unstubAllGlobals());

describe("FilesNeedingAttentionPage", () => {
  it("lists rejected uploads newest first with the reason, below the naming convention", async () => {
    fakeServer(({ url }) =>
      url === "/api/manage/files/rejected"
        ? {
            body: {
              items: [
                { container: "documents", blobName: "northwind/invoice-7.pdf", reason: "The name is not {counterpartyId}/{type}/{number}.{ext}.", size: 2048, at: "2026-03-01T08:00:00Z" },
                { container: "documents", blobName: "acme/invoices/INV-1.pdf", reason: "Unknown counterparty acme.", size: 4096, at: "2026-03-02T08:00:00Z" },
              ],
            },
          }
        : undefined,
    );
    renderPage(<FilesNeedingAttentionPage />);
    const rows = within(await screen.findByRole("table", { name: "Files needing attention" })).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[2].textContent)).toEqual(["acme/invoices/INV-1.pdf", "northwind/invoice-7.pdf"]);
    expect(within(rows[0]).getByText("Unknown counterparty acme.")).toBeInTheDocument();
    expect(screen.getByText("{counterpartyId}/{type}/{number}.{ext}")).toBeInTheDocument();
  });
});
