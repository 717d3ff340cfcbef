import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import { MaterialsPage } from "./MaterialsPage";

afterEach(() => vi.unstubAllGlobals());

describe("MaterialsPage", () => {
  it("lists each material with its file type, size, date and a download link", async () => {
    fakeServer(({ url }) =>
      url === "/api/materials"
        ? {
            body: {
              items: [
                {
                  id: "m1",
                  title: "Spring catalogue 2026",
                  description: "Every product line with this season's prices.",
                  fileName: "spring-catalogue-2026.pdf",
                  contentType: "application/pdf",
                  size: 2_621_440,
                  updatedAt: "2026-03-02T10:00:00Z",
                },
                { id: "m/2", title: "Price list", fileName: "prices.xlsx", contentType: "application/octet-stream", size: 900, updatedAt: "2026-03-01T10:00:00Z" },
              ],
            },
          }
        : undefined,
    );
    renderPage(<MaterialsPage />);
    const list = await screen.findByRole("list", { name: "Materials" });
    const [catalogue, prices] = within(list).getAllByRole("listitem");
    expect(within(catalogue).getByRole("heading", { name: "Spring catalogue 2026" })).toBeInTheDocument();
    expect(within(catalogue).getByText("Every product line with this season's prices.")).toBeInTheDocument();
    expect(within(catalogue).getByText(/^PDF · 2\.5 MB · .+2026$/)).toBeInTheDocument();
    expect(within(catalogue).getByRole("link", { name: "Download Spring catalogue 2026" })).toHaveAttribute("href", "/api/materials/m1/file");
    expect(within(prices).getByText(/^XLSX · 900 bytes · /)).toBeInTheDocument();
    expect(within(prices).getByRole("link", { name: "Download Price list" })).toHaveAttribute("href", "/api/materials/m%2F2/file");
  });

  it("says when there is nothing to download", async () => {
    fakeServer(() => ({ body: { items: [] } }));
    renderPage(<MaterialsPage />);
    expect(await screen.findByText("Your supplier has not shared any materials with you yet.")).toBeInTheDocument();
  });
});
