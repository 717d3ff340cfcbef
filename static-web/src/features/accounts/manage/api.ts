// Staff side of Accounts: the portal-wide settings (GET/PUT /api/manage/settings).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request, withQuery, type Schema } from "../../../lib/api";

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

/** How customers reach the supplier (Account → contact information); a save names the version it was read at. */
export type SupplierContacts = Schema<"SupplierContactsView">;
export type SupplierContactsChange = Schema<"SupplierContactsRequest">;
export interface SupplierContactsState {
  contacts: SupplierContacts;
  /** Null before anyone saved them: the first save then creates them only if nobody did meanwhile. */
  etag: string | null;
}

export const supplierContactsQueryKey = ["manage", "supplier-contacts"] as const;

export async function fetchSupplierContacts(signal?: AbortSignal): Promise<SupplierContactsState> {
  const { data, etag } = await request<SupplierContacts>("GET", "/api/manage/settings/contacts", { signal });
  return { contacts: data, etag };
}

export function useSupplierContacts() {
  return useQuery({ queryKey: supplierContactsQueryKey, queryFn: ({ signal }) => fetchSupplierContacts(signal), staleTime: 0 });
}

export function useSaveSupplierContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ change, etag }: { change: SupplierContactsChange; etag: string | null }): Promise<SupplierContactsState> => {
      const { data, etag: next } = await request<SupplierContacts>("PUT", "/api/manage/settings/contacts", {
        body: change,
        ...(etag ? { ifMatch: etag } : { ifNoneMatch: "*" as const }),
      });
      return { contacts: data, etag: next };
    },
    onSuccess: (state) => client.setQueryData(supplierContactsQueryKey, state),
  });
}

// Access groups (GET/PUT /api/manage/access-groups…), users (GET/POST/PUT /api/manage/users…) and counterparties
// (GET/PUT /api/manage/counterparties…). Edits name the version they were read at (If-Match); creates of things
// keyed by the company's own id send If-None-Match: * so an id in use is a 409, never an overwrite.

export type AccessGroupSummary = Schema<"AccessGroupSummaryView">;
export type AccessGroup = Schema<"AccessGroupView">;
export type AccessGroupChange = Schema<"AccessGroupRequest">;
export type Category = Schema<"CategoryView">;
export type UserSummary = Schema<"UserSummaryView">;
export type ManagedUser = Schema<"ManagedUserView">;
export type NewUser = Schema<"CreateUserRequest">;
export type UserChange = Schema<"UpdateUserRequest">;
export type UserKind = Schema<"UserKind">;
export type UserCredentials = Schema<"UserCredentials">;
export type Counterparty = Schema<"CounterpartyView">;
export type CounterpartyChange = Schema<"CounterpartyRequest">;

/** Something read with its version, for an edit. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

export const manageKeys = {
  groups: ["manage", "access-groups"] as const,
  group: (id: string) => ["manage", "access-groups", id] as const,
  users: ["manage", "users"] as const,
  userList: (filters: UserFilters) => ["manage", "users", "list", filters] as const,
  user: (id: string) => ["manage", "users", "one", id] as const,
  counterparties: ["manage", "counterparties"] as const,
  counterparty: (id: string) => ["manage", "counterparties", id] as const,
  categories: ["manage", "categories"] as const,
};

async function getVersioned<T>(path: string, signal?: AbortSignal): Promise<Versioned<T>> {
  const { data, etag } = await request<T>("GET", path, { signal });
  return { value: data, etag };
}

/** PUT by id: with a version it replaces that version only; without one it creates only (409 when the id is taken). */
async function putVersioned<T>(path: string, body: unknown, etag: string | null): Promise<Versioned<T>> {
  const { data, etag: next } = await request<T>("PUT", path, etag ? { body, ifMatch: etag } : { body, ifNoneMatch: "*" });
  return { value: data, etag: next };
}

// Access groups.

const groupPath = (id: string) => `/api/manage/access-groups/${encodeURIComponent(id)}`;

export function useAccessGroups() {
  return useQuery({
    queryKey: manageKeys.groups,
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfAccessGroupSummaryView">>("/api/manage/access-groups", signal),
    staleTime: 0,
  });
}

export const fetchAccessGroup = (id: string, signal?: AbortSignal) => getVersioned<AccessGroup>(groupPath(id), signal);

export function useAccessGroup(id: string) {
  return useQuery({ queryKey: manageKeys.group(id), queryFn: ({ signal }) => fetchAccessGroup(id, signal), staleTime: 0 });
}

export function useSaveAccessGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change, etag }: { id: string; change: AccessGroupChange; etag: string | null }) =>
      putVersioned<AccessGroup>(groupPath(id), change, etag),
    onSuccess: (saved, { id }) => {
      client.setQueryData(manageKeys.group(id), saved);
      void client.invalidateQueries({ queryKey: manageKeys.groups, exact: true });
    },
  });
}

/** Every category of the catalog (staff see them all), to pick a group's restriction from. */
export function useCategories() {
  return useQuery({
    queryKey: manageKeys.categories,
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCategoryView">>("/api/categories", signal),
    staleTime: 60_000,
  });
}

// Users.

export interface UserFilters {
  search: string;
  counterpartyId: string;
  accessGroupId: string;
  kind: string;
  credentials: string;
  disabled: string;
}

export const noUserFilters: UserFilters = { search: "", counterpartyId: "", accessGroupId: "", kind: "", credentials: "", disabled: "" };

const userPath = (id: string) => `/api/manage/users/${encodeURIComponent(id)}`;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: manageKeys.userList(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfUserSummaryView">>(withQuery("/api/manage/users", { ...filters, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? null,
    staleTime: 0,
  });
}

export const fetchUser = (id: string, signal?: AbortSignal) => getVersioned<ManagedUser>(userPath(id), signal);

export function useUser(id: string) {
  return useQuery({ queryKey: manageKeys.user(id), queryFn: ({ signal }) => fetchUser(id, signal), staleTime: 0 });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    // The key names one attempt at a create: sending it again (after a lost answer) answers with the user it made.
    mutationFn: ({ user, idempotencyKey }: { user: NewUser; idempotencyKey: string }) =>
      api.post<ManagedUser>("/api/manage/users", user, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["manage"] }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ change, etag }: { change: UserChange; etag: string | null }): Promise<Versioned<ManagedUser>> => {
      const { data, etag: next } = await request<ManagedUser>("PUT", userPath(id), { body: change, ifMatch: etag });
      return { value: data, etag: next };
    },
    onSuccess: (saved) => {
      client.setQueryData(manageKeys.user(id), saved);
      void client.invalidateQueries({ queryKey: manageKeys.users });
      void client.invalidateQueries({ queryKey: manageKeys.groups, exact: true });
    },
  });
}

// Counterparties.

const counterpartyPath = (id: string) => `/api/manage/counterparties/${encodeURIComponent(id)}`;

export function useCounterparties() {
  return useQuery({
    queryKey: manageKeys.counterparties,
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCounterpartyView">>("/api/manage/counterparties", signal),
    staleTime: 0,
  });
}

export const fetchCounterparty = (id: string, signal?: AbortSignal) => getVersioned<Counterparty>(counterpartyPath(id), signal);

export function useCounterparty(id: string) {
  return useQuery({ queryKey: manageKeys.counterparty(id), queryFn: ({ signal }) => fetchCounterparty(id, signal), staleTime: 0 });
}

export function useSaveCounterparty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change, etag }: { id: string; change: CounterpartyChange; etag: string | null }) =>
      putVersioned<Counterparty>(counterpartyPath(id), change, etag),
    onSuccess: (saved, { id }) => {
      client.setQueryData(manageKeys.counterparty(id), saved);
      void client.invalidateQueries({ queryKey: manageKeys.counterparties, exact: true });
    },
  });
}

// Customer administrators: the access groups staff allow a counterparty's administrator to hand out, and the audit of
// every account change made by that administrator or by staff (GET/PUT …/colleague-groups, GET …/audit).

export type AllowedGroups = Schema<"AllowedGroupsView">;
export type AuditEntry = Schema<"AuditEntryView">;

const counterpartyPart = (id: string, part: string) => `/api/manage/counterparties/${encodeURIComponent(id)}/${part}`;

export function useAllowedGroups(counterpartyId: string) {
  return useQuery({
    queryKey: ["manage", "counterparties", counterpartyId, "colleague-groups"] as const,
    queryFn: ({ signal }) => api.get<AllowedGroups>(counterpartyPart(counterpartyId, "colleague-groups"), signal),
    staleTime: 0,
  });
}

export function useSaveAllowedGroups(counterpartyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accessGroupIds: string[]) =>
      api.put<AllowedGroups>(counterpartyPart(counterpartyId, "colleague-groups"), { accessGroupIds } satisfies Schema<"AllowedGroupsRequest">),
    onSuccess: (saved) => {
      client.setQueryData(["manage", "counterparties", counterpartyId, "colleague-groups"], saved);
      return client.invalidateQueries({ queryKey: ["manage", "counterparties", counterpartyId, "audit"] });
    },
  });
}

export function useAccountAudit(counterpartyId: string) {
  return useInfiniteQuery({
    queryKey: ["manage", "counterparties", counterpartyId, "audit"] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfAuditEntryView">>(withQuery(counterpartyPart(counterpartyId, "audit"), { continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? null,
    staleTime: 0,
  });
}
