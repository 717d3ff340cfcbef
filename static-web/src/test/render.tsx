import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, MemoryRouter, Route, RouterProvider, Routes, type RouteObject } from "react-router";
import { vi } from "vitest";
import { narrowScreenQuery } from "../lib/list";
import { LiveAnnouncer } from "../lib/live";

/** Renders a page as the app does (Fluent, TanStack Query without retries, a router at `path`, live regions). */
export function renderPage(ui: ReactElement, { path = "/", route = "*" }: { path?: string; route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>
        <LiveAnnouncer>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={route} element={ui} />
              <Route path="/purchases/cart" element={<p>Cart page</p>} />
            </Routes>
          </MemoryRouter>
        </LiveAnnouncer>
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...result, client };
}

/** Renders the app's own routes (shell, pages, the checks of who may open them) at `path`. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>
        <LiveAnnouncer>
          <RouterProvider router={router} />
        </LiveAnnouncer>
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...result, client, router };
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: { method: string; url: string; headers: Headers; body: unknown }) => FakeResponse | undefined;

/** Replaces fetch with a fake server; every request is recorded. Unhandled requests answer 404 problem details. */
export function fakeServer(handler: FakeHandler) {
  const requests: { method: string; url: string; headers: Headers; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = {
      method: init.method ?? "GET",
      url: String(input),
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const answer = handler(request) ?? { status: 404, body: { type: "https://x/problems/not-found", title: "Not found.", status: 404 } };
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { "Content-Type": isProblem ? "application/problem+json" : "application/json", ...answer.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}

/** A screen `width` pixels wide for `matchMedia` (jsdom has none), so pages take their phone layout; `resize` turns it. */
export function screenOf(width: number) {
  const listeners = new Set<() => void>();
  let current = width;
  const matches = () => current <= 767;
  vi.stubGlobal("matchMedia", (query: string) => ({
    get matches() {
      return query === narrowScreenQuery ? matches() : false;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    resize(to: number) {
      current = to;
      act(() => listeners.forEach((l) => l()));
    },
  };
}
