// The RMA desk: sent requests of every customer, the supplier's decisions and the documents that come of them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request, withQuery, type Schema } from "../../../lib/api";
import type { RmaDetail, RmaStatus } from "../api";

export type StaffRma = Schema<"StaffRmaSummaryView">;
export type AcceptBody = Schema<"AcceptRmaRequest">;
export type PublishBody = Schema<"PublishRmaDocumentRequest">;

const base = "/api/manage/rma-requests";
const rmaPath = (counterpartyId: string, id: string) => `${base}/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(id)}`;

export function useDesk(status: RmaStatus | "") {
  return useQuery({
    queryKey: ["manage-rma", "list", status],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfStaffRmaSummaryView">>(withQuery(base, { status }), signal),
  });
}

export function useDeskRma(counterpartyId: string, id: string) {
  return useQuery({
    queryKey: deskRmaKey(counterpartyId, id),
    queryFn: ({ signal }) => fetchDeskRma(counterpartyId, id, signal),
  });
}

export type DeskAction =
  | { kind: "accept"; body: AcceptBody }
  | { kind: "expected-date"; body: Schema<"RmaExpectedDateRequest"> }
  | { kind: "reject"; body: Schema<"RejectRmaRequest"> }
  | { kind: "complete" }
  | { kind: "documents"; body: PublishBody };

/** The desk's key for one request, to show the latest after another clerk moved it on. */
export const deskRmaKey = (counterpartyId: string, id: string) => ["manage-rma", "detail", counterpartyId, id];

export function fetchDeskRma(counterpartyId: string, id: string, signal?: AbortSignal) {
  return api.get<RmaDetail>(rmaPath(counterpartyId, id), signal);
}

/**
 * One decision on a request, made on the version the clerk is looking at (If-Match): when another clerk or the ERP
 * moved the request on meanwhile it fails with 412 and changes nothing. Repeating a decision that went through
 * changes nothing either.
 */
export function useDeskAction(counterpartyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, version }: { action: DeskAction; version: string }) =>
      (await request<RmaDetail>("POST", `${rmaPath(counterpartyId, id)}/${action.kind}`, { ifMatch: version, body: "body" in action ? action.body : {} })).data,
    onSuccess: (rma) => client.setQueryData(deskRmaKey(counterpartyId, id), rma),
    onSettled: () => client.invalidateQueries({ queryKey: ["manage-rma", "list"] }),
  });
}
