import { FluentProvider, makeStaticStyles, webLightTheme } from "@fluentui/react-components";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router";
import { ApiError } from "../lib/api";
import { LiveAnnouncer } from "../lib/live";
import { router } from "./routes";

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

// Page-wide rules through the same engine as every other style (CSSOM, which the CSP allows).
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  "*, *::before, *::after": { boxSizing: "border-box" },
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
