import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll, useDataTableStyles } from "../../lib/ui";
import { useOrderBalances } from "./api";

const useStyles = makeStyles({ more: { marginTop: tokens.spacingVerticalM } });

/** Reports → Customer balance (by orders): per order, what was invoiced and paid, what is still due and what was paid ahead. */
export function OrderBalancesPage() {
  const styles = { ...useStyles(), ...useDataTableStyles() };
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
          <TableScroll label="Balance by orders">
            <Table aria-label="Balance by orders" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Order</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Invoiced</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Paid</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Due</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Advance</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.orderNumber}>
                    <TableCell className={styles.nowrap}>{row.orderNumber}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(row.invoiced)}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(row.paid)}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(row.due)}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(row.advance)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
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
