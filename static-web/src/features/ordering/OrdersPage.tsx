import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Link, useSearchParams } from "react-router";
import { formatDate, formatMoney } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { useOrders, type OrderFilters, type OrderSummary } from "./api";
import { StatusBadge, orderStatuses } from "./orderStatus";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
});

// On a phone each order is a card: its number, then status, date and total; warehouse, reference and lines below.
const orderColumns: ListColumn<OrderSummary>[] = [
  { header: "Number", card: "title", kind: "nowrap", cell: (order) => <Link to={`/purchases/orders/${encodeURIComponent(order.id)}`}>{order.number}</Link> },
  { header: "Date", card: "primary", kind: "nowrap", cell: (order) => formatDate(order.date) },
  { header: "Lifecycle status", card: "primary", kind: "nowrap", cell: (order) => <StatusBadge status={order.status} /> },
  { header: "Warehouse", cell: (order) => order.warehouseName },
  { header: "Your reference", cell: (order) => order.customerReference },
  { header: "Lines", kind: "number", cell: (order) => order.lineCount },
  { header: "Total", card: "primary", kind: "number", cell: (order) => formatMoney(order.total) },
];

export function OrdersPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const filters: OrderFilters = { status: params.get("status") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const orders = useOrders(filters);
  const filtered = filters.status !== "" || filters.from !== "" || filters.to !== "";

  // Filters live in the address, so a filtered list can be bookmarked and Back returns to it.
  const setFilter = (name: keyof OrderFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Orders" />
      <div className={styles.filters} role="search" aria-label="Filter orders">
        <Field label="Lifecycle status">
          <Select value={filters.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">All</option>
            {orderStatuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {filtered && <Button onClick={() => setParams({}, { replace: true })}>Clear filters</Button>}
      </div>
      {orders.isPending ? (
        <LoadingState label="Loading orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>
          {filtered ? "No orders match these filters." : <>You have no orders yet. Start in the <Link to="/purchases/catalog">catalog</Link>.</>}
        </EmptyState>
      ) : (
        <>
          <DataList label="Orders" items={items} rowKey={(o) => o.id} columns={orderColumns} />
          {orders.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
                {orders.isFetchingNextPage ? "Loading…" : "Show more orders"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
