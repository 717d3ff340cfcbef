import { FluentProvider, makeStaticStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createBrowserRouter } from "react-router";
// The DOM RouterProvider applies `flushSync` navigations (filters that must show their new value at once) with ReactDOM.
import { RouterProvider } from "react-router/dom";
import { ApiError } from "../lib/api";
import { LiveAnnouncer } from "../lib/live";
import { routes } from "./routes";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retrying a 4xx only delays the message the user needs (not found, not allowed, session ended).
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const router = createBrowserRouter(routes);

// Page-wide rules through the same engine as every other style (CSSOM, which the CSP allows).
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  "*, *::before, *::after": { boxSizing: "border-box" },
  // Links in page content take the theme's link colour; the variables exist inside FluentProvider's element.
  a: { color: tokens.colorBrandForegroundLink },
  "a:hover": { color: tokens.colorBrandForegroundLinkHover },
  "a:focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: "2px" },
});

export function App() {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <LiveAnnouncer>
          <RouterProvider router={router} />
        </LiveAnnouncer>
      </QueryClientProvider>
    </FluentProvider>
  );
}
