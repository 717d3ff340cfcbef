// Purchase returns: RMA requests against the customer's invoices (drafts, sending, photos) and what can still be
// returned of an invoice. Staff's RMA desk is in manage/.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, newIdempotencyKey, request, upload, withQuery, type Schema } from "../../lib/api";

export type RmaSummary = Schema<"RmaSummaryView">;
/** An RMA request with its lines, files, history and the documents that came of it; `version` is its ETag. */
export type RmaDetail = Schema<"RmaView">;
export type RmaBody = Schema<"RmaRequestBody">;
export type RmaStatus = Schema<"RmaStatus">;
export type RmaReason = Schema<"RmaReason">;
export type RmaResolution = Schema<"RmaResolution">;
export type RmaProcessing = Schema<"RmaProcessing">;
export type ReturnableInvoice = Schema<"ReturnableInvoiceView">;
export type ReturnableLine = Schema<"ReturnableLineView">;
export type Attachment = Schema<"AttachmentView">;
export type RmaTab = "drafts" | "sent";

export const rmaStatuses: { value: RmaStatus; label: string; color: "informative" | "warning" | "success" | "danger" | "subtle" }[] = [
  { value: "draft", label: "Draft", color: "subtle" },
  { value: "sent", label: "Sent", color: "informative" },
  { value: "inProgress", label: "In progress", color: "warning" },
  { value: "completed", label: "Completed", color: "success" },
  { value: "rejected", label: "Rejected", color: "danger" },
];

export const reasons: { value: RmaReason; label: string }[] = [
  { value: "defective", label: "Defective" },
  { value: "damagedInTransit", label: "Damaged in transit" },
  { value: "wrongItem", label: "Wrong item" },
  { value: "notAsDescribed", label: "Not as described" },
  { value: "other", label: "Other" },
];

export const resolutions: { value: RmaResolution; label: string }[] = [
  { value: "refund", label: "Refund" },
  { value: "replacement", label: "Replacement" },
  { value: "repair", label: "Repair" },
  { value: "creditNote", label: "Credit note" },
  { value: "none", label: "None" },
];

/** The processing status: what the supplier has done so far. */
export const processingLabels: Record<RmaProcessing, string> = {
  notSent: "Not sent",
  awaitingDecision: "Waiting for the supplier's decision",
  accepted: "Accepted, goods not received yet",
  goodsReceived: "Goods received",
  refundApproved: "Refund approved",
  done: "Done",
  rejected: "Rejected",
};

export const statusLabel = (status: RmaStatus) => rmaStatuses.find((s) => s.value === status)?.label ?? status;
export const reasonLabel = (reason: RmaReason) => reasons.find((r) => r.value === reason)?.label ?? reason;
export const resolutionLabel = (resolution: RmaResolution | null | undefined) =>
  resolution ? (resolutions.find((r) => r.value === resolution)?.label ?? resolution) : "";

const base = "/api/rma-requests";
const rmaPath = (id: string) => `${base}/${encodeURIComponent(id)}`;
export const attachmentPath = (rmaId: string, attachmentId: string) => `${rmaPath(rmaId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The company's requests, newest first, a page at a time: drafts, or everything sent. */
export function useRmaRequests(tab: RmaTab) {
  return useInfiniteQuery({
    queryKey: ["rma-requests", "list", tab],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfRmaSummaryView">>(withQuery(base, { tab, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
  });
}

export function useRmaRequest(id: string) {
  return useQuery({
    queryKey: ["rma-requests", "detail", id],
    queryFn: ({ signal }) => api.get<RmaDetail>(rmaPath(id), signal),
  });
}

/** An invoice's lines with what can still be returned of each (other requests' sent claims taken off). */
export function useReturnableInvoice(invoiceId: string) {
  return useQuery({
    queryKey: ["rma-requests", "invoice", invoiceId],
    queryFn: ({ signal }) => api.get<ReturnableInvoice>(`${base}/invoices/${encodeURIComponent(invoiceId)}`, signal),
    enabled: invoiceId !== "",
  });
}

/** The customer's latest invoices to choose from. */
export function useInvoices() {
  return useQuery({
    queryKey: ["rma-requests", "invoices"],
    queryFn: ({ signal }) => api.get<Schema<"ListPageOfDocumentSummaryView">>("/api/documents/invoices?pageSize=100", signal),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["rma-requests"] });
}

export interface SaveRma {
  /** Editing a draft: its id and the version the form was filled from. */
  existing?: { id: string; version: string };
  body: RmaBody;
  /** Send it right after saving. */
  send: boolean;
  /** Chosen once per form, so a double click or a retry creates one draft. */
  idempotencyKey: string;
  /** Told as soon as the draft is saved, before it is sent: if sending is refused, the form goes on editing that draft. */
  onSaved?: (draft: RmaDetail) => void;
}

/** Saves a new or changed draft, and sends it when asked. */
export function useSaveRma() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ existing, body, send, idempotencyKey, onSaved }: SaveRma): Promise<RmaDetail> => {
      const saved = existing
        ? (await request<RmaDetail>("PUT", rmaPath(existing.id), { body, ifMatch: existing.version })).data
        : (await request<RmaDetail>("POST", base, { body, idempotencyKey })).data;
      onSaved?.(saved);
      return send ? (await request<RmaDetail>("POST", `${rmaPath(saved.id)}/send`, { ifMatch: saved.version })).data : saved;
    },
    onSettled: refresh,
  });
}

export function useSendRma() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (rma: RmaDetail) => (await request<RmaDetail>("POST", `${rmaPath(rma.id)}/send`, { ifMatch: rma.version })).data,
    onSettled: refresh,
  });
}

export function useDeleteRma() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>("DELETE", rmaPath(id));
    },
    onSettled: refresh,
  });
}

export function useAttachFile(rmaId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => upload<Attachment>(`${rmaPath(rmaId)}/attachments`, file, { idempotencyKey: newIdempotencyKey() }),
    onSettled: refresh,
  });
}

export function useRemoveFile(rmaId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (attachmentId: string) => {
      await request<void>("DELETE", attachmentPath(rmaId, attachmentId));
    },
    onSettled: refresh,
  });
}

/** The lines the form sends: only those with a quantity. */
export function chosenLines(quantities: Record<number, string>): RmaBody["lines"] {
  return Object.entries(quantities)
    .map(([line, text]) => ({ lineNumber: Number(line), quantity: Number(text.replace(",", ".")) }))
    .filter((l) => l.quantity > 0 && Number.isFinite(l.quantity))
    .sort((a, b) => a.lineNumber - b.lineNumber);
}

/** What the documents that come of a request are called. */
export const documentNouns: Record<string, string> = { "goods-returns": "Goods return", "credit-notes": "Credit note", invoices: "Invoice" };
