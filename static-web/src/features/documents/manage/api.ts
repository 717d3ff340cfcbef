// Staff side of Documents: uploads to Blob Storage that were not accepted (GET /api/manage/files/rejected).
import { useQuery } from "@tanstack/react-query";
import { api, type Schema } from "../../../lib/api";

/** A blob left where it was uploaded, with why it was not taken as a document's file or a material. */
export type RejectedFile = Schema<"RejectedFileView">;

export function useRejectedFiles() {
  return useQuery({
    queryKey: ["manage", "files", "rejected"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfRejectedFileView">>("/api/manage/files/rejected", signal),
    // Uploads arrive at any time; show the latest whenever the page opens.
    staleTime: 0,
  });
}

/** Newest first, whatever order the API keeps them in. */
export function newestFirst(files: RejectedFile[]): RejectedFile[] {
  return [...files].sort((a, b) => b.at.localeCompare(a.at));
}

/** A reconciliation statement a customer disputed, with what they said. */
export type ReconciliationDispute = Schema<"ReconciliationDisputeView">;

export function useReconciliationDisputes() {
  return useQuery({
    queryKey: ["manage", "reconciliation-disputes"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfReconciliationDisputeView">>("/api/manage/reconciliation-disputes", signal),
    staleTime: 0,
  });
}
