import { Link } from "react-router";
import { formatDate, formatQuantity } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { useOrdersStatement, type StatementRow } from "./api";

// A report read across its rows (how much of each line is still to come), so on a phone the table scrolls in its
// own box with every column at a readable width rather than turning into cards.
const columns: ListColumn<StatementRow>[] = [
  { header: "Order", kind: "nowrap", cell: (row) => <Link to={`/purchases/orders/${encodeURIComponent(row.orderId)}`}>{row.orderNumber}</Link> },
  { header: "Date", kind: "nowrap", cell: (row) => formatDate(row.orderDate) },
  { header: "Product", kind: "text", cell: (row) => `${row.name} (${row.sku})` },
  { header: "Ordered", kind: "number", cell: (row) => `${formatQuantity(row.ordered)} ${row.unit}` },
  { header: "Shipped", kind: "number", cell: (row) => formatQuantity(row.shipped) },
  { header: "Pending", kind: "number", cell: (row) => formatQuantity(row.pending) },
];

/** The seed's Orders statement: ordered, shipped and pending quantities of the orders In progress. */
export function OrdersStatementPage() {
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
        <DataList label="Orders statement" items={report.data.rows} rowKey={(row) => `${row.orderId}-${row.sku}`} columns={columns} phone="scroll" />
      )}
    </>
  );
}
