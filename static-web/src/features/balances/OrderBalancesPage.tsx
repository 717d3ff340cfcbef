import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { useOrderBalances, type OrderBalance } from "./api";

const useStyles = makeStyles({ more: { marginTop: tokens.spacingVerticalM } });

// On a phone each order is a card with its four amounts side by side.
const columns: ListColumn<OrderBalance>[] = [
  { header: "Order", card: "title", kind: "nowrap", cell: (row) => row.orderNumber },
  { header: "Invoiced", card: "primary", kind: "number", cell: (row) => formatMoney(row.invoiced) },
  { header: "Paid", card: "primary", kind: "number", cell: (row) => formatMoney(row.paid) },
  { header: "Due", card: "primary", kind: "number", cell: (row) => formatMoney(row.due) },
  { header: "Advance", card: "primary", kind: "number", cell: (row) => formatMoney(row.advance) },
];

/** Reports → Customer balance (by orders): per order, what was invoiced and paid, what is still due and what was paid ahead. */
export function OrderBalancesPage() {
  const styles = useStyles();
  const orders = useOrderBalances();
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Customer balance (by orders)" subtitle="Invoiced, paid, due and paid in advance, order by order." />
      {orders.isPending ? (
        <LoadingState label="Loading the balance by orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>No invoices or payments name an order yet.</EmptyState>
      ) : (
        <>
          <DataList label="Balance by orders" items={rows} rowKey={(row) => row.orderNumber} columns={columns} />
          {orders.hasNextPage && (
            <Button className={styles.more} onClick={() => orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
              {orders.isFetchingNextPage ? "Loading…" : "Show more orders"}
            </Button>
          )}
        </>
      )}
    </>
  );
}
