import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer } from "../test/render";
import { ApiError, NetworkError, api, onSessionEnded, request, setCsrfToken, upload, withQuery } from "./api";

afterEach(() => {
  setCsrfToken(null);
  onSessionEnded(null);
  vi.unstubAllGlobals();
});

describe("upload", () => {
  it("sends the file itself as the body, its name in fileName, with the CSRF token and the Idempotency-Key", async () => {
    const server = fakeServer(() => ({ status: 201, body: { id: "f1" } }));
    setCsrfToken("token-1");
    const file = new File(["%PDF-1.4"], "scan 1.pdf", { type: "application/pdf" });
    const stored = await upload<{ id: string }>("/api/support-requests/r1/messages/m1/attachments", file, { idempotencyKey: "k-file-0" });
    const [sent] = server.fetchMock.mock.calls;
    expect(stored).toEqual({ id: "f1" });
    expect(server.requests[0]!.url).toBe("/api/support-requests/r1/messages/m1/attachments?fileName=scan+1.pdf");
    expect(server.requests[0]!.headers.get("Content-Type")).toBe("application/pdf");
    expect(server.requests[0]!.headers.get("X-CSRF-Token")).toBe("token-1");
    expect(server.requests[0]!.headers.get("Idempotency-Key")).toBe("k-file-0");
    expect(sent![1]!.body).toBe(file);
  });
});

describe("request", () => {
  it("sends the CSRF token on state-changing requests only", async () => {
    const server = fakeServer(() => ({ body: { ok: true } }));
    setCsrfToken("token-1");
    await api.get("/api/cart");
    await api.post("/api/cart/lines", { sku: "A", quantity: 1 });
    expect(server.requests[0]!.headers.get("X-CSRF-Token")).toBeNull();
    expect(server.requests[1]!.headers.get("X-CSRF-Token")).toBe("token-1");
    expect(server.requests[1]!.body).toEqual({ sku: "A", quantity: 1 });
  });

  it("sends If-Match and Idempotency-Key and returns the ETag and Location", async () => {
    const server = fakeServer(() => ({ status: 202, body: { id: "c1" }, headers: { ETag: 'W/"2"', Location: "/api/checkouts/c1" } }));
    const result = await request("POST", "/api/checkouts", { ifMatch: 'W/"1"', idempotencyKey: "key-1", body: {} });
    expect(server.requests[0]!.headers.get("If-Match")).toBe('W/"1"');
    expect(server.requests[0]!.headers.get("Idempotency-Key")).toBe("key-1");
    expect(result).toMatchObject({ status: 202, etag: 'W/"2"', location: "/api/checkouts/c1", data: { id: "c1" } });
  });

  it("turns problem details into an ApiError with a kind to switch on", async () => {
    fakeServer(() => ({ status: 412, body: { type: "https://portal/problems/stale", title: "Someone changed this.", status: 412 } }));
    const error = await api.get("/api/cart").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).kind).toBe("stale");
  });

  it("reports an ended session once and forgets the token, but not for a failed sign-in", async () => {
    fakeServer(() => ({ status: 401, body: { type: "https://portal/problems/unauthenticated", status: 401 } }));
    const ended = vi.fn();
    onSessionEnded(ended);
    setCsrfToken("token-1");
    await expect(request("POST", "/api/auth/sign-in", { body: {}, expectUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    expect(ended).not.toHaveBeenCalled();
    await expect(api.get("/api/orders")).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("fetches a fresh CSRF token and retries once when the token was stale", async () => {
    let attempts = 0;
    const server = fakeServer(({ method, url, headers }) => {
      if (url === "/api/me") return { body: { csrfToken: "fresh" } };
      if (method === "POST") {
        attempts++;
        return headers.get("X-CSRF-Token") === "fresh"
          ? { body: { done: true } }
          : { status: 403, body: { type: "https://portal/problems/csrf", status: 403 } };
      }
      return undefined;
    });
    setCsrfToken("stale");
    await expect(api.post("/api/cart/lines", {})).resolves.toEqual({ done: true });
    expect(attempts).toBe(2);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/cart/lines", "/api/me", "/api/cart/lines"]);
  });

  it("says the portal cannot be reached when the network fails", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(api.get("/api/cart")).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("withQuery", () => {
  it("leaves out empty filters", () => {
    expect(withQuery("/api/orders", { status: "sent", from: "", to: undefined, continuation: null })).toBe("/api/orders?status=sent");
    expect(withQuery("/api/orders", {})).toBe("/api/orders");
  });
});
