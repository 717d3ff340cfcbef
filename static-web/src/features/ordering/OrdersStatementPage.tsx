import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from "@fluentui/react-components";
import { Link } from "react-router";
import { formatDate, formatQuantity } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../lib/ui";
import { useOrdersStatement } from "./api";

const useStyles = makeStyles({ number: { textAlign: "right" } });

/** The seed's Orders statement: ordered, shipped and pending quantities of the orders In progress. */
export function OrdersStatementPage() {
  const styles = useStyles();
  const report = useOrdersStatement();
  return (
    <>
      <PageHeader title="Orders statement" subtitle="Ordered, shipped and pending quantities of your orders in progress." />
      {report.isPending ? (
        <LoadingState label="Loading the report…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <EmptyState>No orders are in progress, so nothing is waiting to be shipped.</EmptyState>
      ) : (
        <TableScroll label="Orders statement">
          <Table aria-label="Orders statement">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Order</TableHeaderCell>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>Product</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Ordered</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Shipped</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Pending</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.data.rows.map((row) => (
                <TableRow key={`${row.orderId}-${row.sku}`}>
                  <TableCell>
                    <Link to={`/purchases/orders/${encodeURIComponent(row.orderId)}`}>{row.orderNumber}</Link>
                  </TableCell>
                  <TableCell>{formatDate(row.orderDate)}</TableCell>
                  <TableCell>
                    {row.name} ({row.sku})
                  </TableCell>
                  <TableCell className={styles.number}>
                    {formatQuantity(row.ordered)} {row.unit}
                  </TableCell>
                  <TableCell className={styles.number}>{formatQuantity(row.shipped)}</TableCell>
                  <TableCell className={styles.number}>{formatQuantity(row.pending)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
