// Balances: Reports → Customer balance, Customer balance (by orders) and Statement of account, read from the
// counterparty's ledger (GET /api/reports/customer-balance…). The figures are kept up to date by the server's
// ledger worker within seconds of a payment or document being posted.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../lib/api";

export type CustomerBalance = Schema<"CustomerBalanceView">;
export type OrderBalance = Schema<"OrderBalanceView">;
export type Statement = Schema<"StatementView">;
export type StatementLine = Schema<"StatementLineView">;
export type LedgerKind = Schema<"LedgerKind">;

export function useCustomerBalance() {
  return useQuery({
    queryKey: ["balances", "customer-balance"],
    queryFn: ({ signal }) => api.get<CustomerBalance>("/api/reports/customer-balance", signal),
    staleTime: 0,
  });
}

export function useOrderBalances() {
  return useInfiniteQuery({
    queryKey: ["balances", "orders"],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfOrderBalanceView">>(withQuery("/api/reports/customer-balance/orders", { pageSize: 50, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
    staleTime: 0,
  });
}

export function statementPath(period: Period): string {
  return withQuery("/api/reports/statement", { from: period.from, to: period.to });
}

/** The same statement as a CSV file: a plain link, which the browser downloads under the name the API gives. */
export function statementExportPath(period: Period): string {
  return withQuery("/api/reports/statement/export.csv", { from: period.from, to: period.to });
}

export function useStatement(period: Period | null) {
  return useQuery({
    queryKey: ["balances", "statement", period?.from, period?.to],
    queryFn: ({ signal }) => api.get<Statement>(statementPath(period!), signal),
    enabled: period !== null,
    staleTime: 0,
  });
}

/** The periods a statement offers, as the seed's report names them, plus any two dates. */
export type PeriodKind = "this-month" | "last-month" | "this-quarter" | "last-quarter" | "this-year" | "custom";

export const periodLabels: Record<PeriodKind, string> = {
  "this-month": "This month",
  "last-month": "Last month",
  "this-quarter": "This quarter",
  "last-quarter": "Last quarter",
  "this-year": "This year",
  custom: "Custom period",
};

export interface Period {
  from: string;
  to: string;
}

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The dates of a named period around `today` (yyyy-mm-dd, as the server's calendar has it); null for a custom one. */
export function periodOf(kind: PeriodKind, today: string): Period | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const quarter = Math.floor(month / 3) * 3;
  switch (kind) {
    case "this-month":
      return { from: iso(year, month, 1), to: today };
    case "last-month":
      return { from: iso(year, month - 1, 1), to: iso(year, month, 0) };
    case "this-quarter":
      return { from: iso(year, quarter, 1), to: today };
    case "last-quarter":
      return { from: iso(year, quarter - 3, 1), to: iso(year, quarter, 0) };
    case "this-year":
      return { from: iso(year, 0, 1), to: today };
    case "custom":
      return null;
  }
}

export function isPeriodKind(value: string | null): value is PeriodKind {
  return value !== null && value in periodLabels;
}

export const ledgerKindLabels: Record<LedgerKind, string> = {
  invoice: "Invoice",
  creditNote: "Credit note",
  payment: "Payment",
  refund: "Refund",
};

/** Where a statement line's document is in the portal, when it is one (payments are not documents). */
export function documentLink(line: StatementLine): string | null {
  return line.documentType && line.documentId ? `/documents/${line.documentType}/${encodeURIComponent(line.documentId)}` : null;
}
