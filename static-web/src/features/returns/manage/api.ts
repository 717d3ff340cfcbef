// The RMA desk: sent requests of every customer, the supplier's decisions and the documents that come of them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../../lib/api";
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
    queryKey: ["manage-rma", "detail", counterpartyId, id],
    queryFn: ({ signal }) => api.get<RmaDetail>(rmaPath(counterpartyId, id), signal),
  });
}

export type DeskAction =
  | { kind: "accept"; body: AcceptBody }
  | { kind: "expected-date"; body: Schema<"RmaExpectedDateRequest"> }
  | { kind: "reject"; body: Schema<"RejectRmaRequest"> }
  | { kind: "complete" }
  | { kind: "documents"; body: PublishBody };

/** One decision on a request; every one is safe to repeat. */
export function useDeskAction(counterpartyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: DeskAction) => api.post<RmaDetail>(`${rmaPath(counterpartyId, id)}/${action.kind}`, "body" in action ? action.body : {}),
    onSuccess: (rma) => client.setQueryData(["manage-rma", "detail", counterpartyId, id], rma),
    onSettled: () => client.invalidateQueries({ queryKey: ["manage-rma", "list"] }),
  });
}
