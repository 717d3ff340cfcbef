import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import type { RmaDetail } from "../api";
import { RmaDeskItemPage } from "./RmaDeskItemPage";

const sent: RmaDetail = {
  id: "r1",
  number: "RMA-000007",
  status: "sent",
  processing: "awaitingDecision",
  invoiceId: "i1",
  invoiceNumber: "INV-2026-0002",
  invoiceDate: "2026-11-02",
  lines: [],
  reason: "defective",
  description: "Cracked",
  preferredResolution: "refund",
  attachments: [],
  maxAttachments: 5,
  history: [],
  documents: [],
  createdBy: "anna",
  createdAt: "2026-11-20T10:00:00Z",
  sentAt: "2026-11-20T10:05:00Z",
  version: 'W/"1"',
};
const acceptedByColleague: RmaDetail = { ...sent, status: "inProgress", resolution: "replacement", expectedDate: "2026-12-10", version: 'W/"2"' };
const path = "/api/manage/rma-requests/northwind/r1";

afterEach(() => vi.unstubAllGlobals());

describe("RmaDeskItemPage", () => {
  it("decides on the version it shows; when a colleague decided first it shows the latest and says what they did", async () => {
    let current = sent;
    const server = fakeServer(({ method, url, headers }) => {
      if (method === "GET" && url === path) return { body: current };
      if (method === "POST" && url === `${path}/reject`) {
        // A colleague accepted it a moment ago.
        current = acceptedByColleague;
        return headers.get("If-Match") === sent.version
          ? { status: 412, body: { type: "https://x/problems/precondition-failed", title: "Someone else changed this in the meantime.", status: 412 } }
          : { body: { ...current, status: "rejected" } };
      }
      return undefined;
    });
    renderPage(<RmaDeskItemPage />, { path: "/manage/rma-requests/northwind/r1", route: "/manage/rma-requests/:counterpartyId/:id" });

    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: /Reason the customer reads/ }), "Outside the return period");
    await user.click(screen.getByRole("button", { name: "Reject" }));

    expect(await screen.findByText("The request changed in the meantime; the latest is shown now.")).toBeInTheDocument();
    const notice = screen.getByText(/The request is now in progress \(was sent\)\./);
    expect(notice).toHaveTextContent("The resolution is now replacement.");
    expect(notice).toHaveTextContent("The expected date is now");
    expect(server.requests.find((r) => r.method === "POST")?.headers.get("If-Match")).toBe(sent.version);
    // The latest is on the page: no Accept any more, the date card instead; no error box for the 412.
    expect(screen.queryByRole("button", { name: "Accept" })).not.toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Change the date" })).toBeInTheDocument();
    expect(screen.queryByText("Someone else changed this in the meantime.")).not.toBeInTheDocument();
    const facts = screen.getByText("Resolution").parentElement!;
    expect(within(facts).getByText("Replacement")).toBeInTheDocument();
  });
});
