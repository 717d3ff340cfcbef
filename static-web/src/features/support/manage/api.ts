// The support desk: every counterparty's requests for the supplier's staff.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../../lib/api";

export type DeskItem = Schema<"StaffSupportSummaryView">;
export type StaffRequest = Schema<"StaffSupportRequestView">;
export type Assignee = Schema<"SupportAssigneeView">;

export interface DeskFilters {
  status: string;
  counterpartyId: string;
  category: string;
  linkedType: string;
  assignedTo: string;
}

export const noDeskFilters: DeskFilters = { status: "", counterpartyId: "", category: "", linkedType: "", assignedTo: "" };

export const deskKeys = {
  all: ["support-desk"] as const,
  list: (filters: DeskFilters) => ["support-desk", "list", filters] as const,
  one: (counterpartyId: string, id: string) => ["support-desk", "one", counterpartyId, id] as const,
};

export function deskRequestBase(counterpartyId: string, id: string): string {
  return `/api/manage/support-requests/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(id)}`;
}

export function useDesk(filters: DeskFilters) {
  return useInfiniteQuery({
    queryKey: deskKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfStaffSupportSummaryView">>(withQuery("/api/manage/support-requests", { ...filters, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? null,
    staleTime: 0,
  });
}

export function useStaffRequest(counterpartyId: string, id: string) {
  return useQuery({
    queryKey: deskKeys.one(counterpartyId, id),
    queryFn: ({ signal }) => api.get<StaffRequest>(deskRequestBase(counterpartyId, id), signal),
    staleTime: 0,
    refetchInterval: 30_000,
  });
}

export function useAssignees() {
  return useQuery({
    queryKey: ["support-desk", "assignees"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfSupportAssigneeView">>("/api/manage/support-assignees", signal),
    staleTime: 60_000,
  });
}

export function useCounterparties() {
  return useQuery({
    queryKey: ["support-desk", "counterparties"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCounterpartyView">>("/api/manage/counterparties", signal),
    staleTime: 60_000,
  });
}

export function useSetStatus(counterpartyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: Schema<"SupportStaffStatus">) =>
      api.post<StaffRequest>(`${deskRequestBase(counterpartyId, id)}/status`, { status } satisfies Schema<"SupportStatusRequest">),
    onSuccess: (request) => {
      client.setQueryData(deskKeys.one(counterpartyId, id), request);
      client.invalidateQueries({ queryKey: ["support-desk", "list"] });
    },
  });
}

export function useAssign(counterpartyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string | null) =>
      api.put<StaffRequest>(`${deskRequestBase(counterpartyId, id)}/assignee`, { userId } satisfies Schema<"SupportAssignRequest">),
    onSuccess: (request) => {
      client.setQueryData(deskKeys.one(counterpartyId, id), request);
      client.invalidateQueries({ queryKey: ["support-desk", "list"] });
    },
  });
}
