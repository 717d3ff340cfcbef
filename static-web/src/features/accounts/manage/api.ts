// Staff side of Accounts: the portal-wide settings (GET/PUT /api/manage/settings).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request, type Schema } from "../../../lib/api";

/**
 * `externalAccessEnabled` off: no customer can sign in, and switching it off ends every customer's session at once.
 * `currency` is ISO 4217, three capital letters.
 */
export type PortalSettings = Schema<"SettingsView">;
export type PortalSettingsChange = Schema<"SettingsRequest">;

/** The settings with their version: a save names the version it was made on (If-Match). */
export interface SettingsState {
  settings: PortalSettings;
  etag: string | null;
}

export const settingsQueryKey = ["manage", "settings"] as const;

export async function fetchSettings(signal?: AbortSignal): Promise<SettingsState> {
  const { data, etag } = await request<PortalSettings>("GET", "/api/manage/settings", { signal });
  return { settings: data, etag };
}

export function useSettings() {
  // Another member of staff may have changed them; always read the latest when the page opens.
  return useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => fetchSettings(signal), staleTime: 0 });
}

/** Saves all three settings against the version they were read at; a 412 means someone saved in between. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ settings, etag }: SettingsState): Promise<SettingsState> => {
      const body: PortalSettingsChange = settings;
      const { data, etag: next } = await request<PortalSettings>("PUT", "/api/manage/settings", { body, ifMatch: etag });
      return { settings: data, etag: next };
    },
    onSuccess: (state) => client.setQueryData(settingsQueryKey, state),
  });
}
