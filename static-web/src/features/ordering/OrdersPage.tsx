import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link } from "react-router";
import { FilterSelect, useUrlFilters } from "../../lib/filters";
import { useFillCartForReview } from "../../lib/cart";
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
  const { filters, filtered, setFilter, clear } = useUrlFilters<keyof OrderFilters>(["status", "from", "to"]);
  const orders = useOrders(filters);
  // Repeat order from the row, as on the order's page: the lines go into the cart for review first.
  const fill = useFillCartForReview();
  const [repeating, setRepeating] = useState<string | null>(null);

  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Orders" />
      {fill.isError && <ErrorState error={fill.error} />}
      <div className={styles.filters} role="search" aria-label="Filter orders">
        <FilterSelect label="Lifecycle status" value={filters.status} choices={orderStatuses} onChange={(v) => setFilter("status", v)} />
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {filtered && <Button onClick={clear}>Clear filters</Button>}
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
          <DataList
            label="Orders"
            items={items}
            rowKey={(o) => o.id}
            columns={[
              ...orderColumns,
              {
                header: "Actions",
                card: "plain",
                kind: "nowrap",
                cell: (order) => (
                  <Button
                    icon={<ArrowRepeatAllRegular />}
                    disabled={fill.isPending}
                    aria-label={fill.isPending && repeating === order.id ? undefined : `Repeat order ${order.number}`}
                    onClick={() => {
                      setRepeating(order.id);
                      fill.start({ kind: "order", id: order.id, source: `order ${order.number}` });
                    }}
                  >
                    {fill.isPending && repeating === order.id ? "Adding…" : "Repeat order"}
                  </Button>
                ),
              },
            ]}
          />
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
