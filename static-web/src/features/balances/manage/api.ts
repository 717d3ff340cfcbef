// Staff side of balances: every counterparty's balance, overdue first (GET /api/manage/balances), and payments or
// refunds recorded by hand under the company's number (PUT /api/manage/payments/{counterpartyId}/{number}).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../../lib/api";

export type CounterpartyBalance = Schema<"CounterpartyBalanceView">;
export type PaymentRequest = Schema<"PaymentRequest">;
export type PaymentView = Schema<"PaymentView">;

const balancesKey = ["manage", "balances"] as const;

export function useAllBalances() {
  return useInfiniteQuery({
    queryKey: balancesKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfCounterpartyBalanceView">>(withQuery("/api/manage/balances", { pageSize: 50, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
    staleTime: 0,
  });
}

export function useCounterpartyChoices() {
  return useQuery({
    queryKey: ["manage", "counterparties"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCounterpartyView">>("/api/manage/counterparties", signal),
    select: (list) => [...list.items].sort((a, b) => a.name.localeCompare(b.name)),
  });
}

export interface PaymentDraft {
  counterpartyId: string;
  number: string;
  kind: "payment" | "refund";
  date: string;
  amount: string;
  invoiceNumber: string;
  orderNumber: string;
  notes: string;
}

export const emptyPayment = (date: string): PaymentDraft => ({
  counterpartyId: "",
  number: "",
  kind: "payment",
  date,
  amount: "",
  invoiceNumber: "",
  orderNumber: "",
  notes: "",
});

/** What the form says is missing before anything is sent; the server checks the rest and names the fields. */
export function paymentProblems(draft: PaymentDraft): Partial<Record<keyof PaymentDraft, string>> {
  const problems: Partial<Record<keyof PaymentDraft, string>> = {};
  if (!draft.counterpartyId) problems.counterpartyId = "Choose the customer.";
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,49}$/.test(draft.number.trim())) problems.number = "Use 1–50 letters, digits, '-', '_' or '.'.";
  if (!draft.date) problems.date = "Enter the date.";
  const amount = Number(draft.amount.replace(",", "."));
  if (!draft.amount.trim() || !Number.isFinite(amount) || amount <= 0) problems.amount = "Enter an amount above 0.";
  else if (Math.round(amount * 100) / 100 !== amount) problems.amount = "Use at most two decimals.";
  return problems;
}

export function paymentBody(draft: PaymentDraft): PaymentRequest {
  const optional = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    date: draft.date,
    amount: Number(draft.amount.replace(",", ".")),
    kind: draft.kind,
    invoiceNumber: draft.kind === "refund" ? null : optional(draft.invoiceNumber),
    orderNumber: draft.kind === "refund" ? null : optional(draft.orderNumber),
    notes: optional(draft.notes),
  };
}

export function useRecordPayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: PaymentDraft) =>
      api.put<PaymentView>(
        `/api/manage/payments/${encodeURIComponent(draft.counterpartyId)}/${encodeURIComponent(draft.number.trim())}`,
        paymentBody(draft),
      ),
    onSuccess: () => {
      // The ledger worker applies the payment within moments: look again now and shortly after.
      for (const delay of [0, 1500, 4000]) setTimeout(() => void client.invalidateQueries({ queryKey: balancesKey }), delay);
    },
  });
}
