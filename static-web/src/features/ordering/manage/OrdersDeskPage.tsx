import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Link } from "react-router";
import { FilterSelect, useUrlFilters } from "../../../lib/filters";
import { formatDateTime, formatMoney } from "../../../lib/format";
import { DataList } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { StatusBadge, orderStatuses } from "../orderStatus";
import { useDeskCounterparties, useOrderDesk, type OrderDeskFilters } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  number: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

const filterNames: (keyof OrderDeskFilters)[] = ["status", "counterpartyId", "from", "to"];

/** Sales → Orders desk: every customer's orders, the Sent ones waiting for acceptance first, then newest first. */
export function OrdersDeskPage() {
  const styles = useStyles();
  const { filters, filtered, setFilter, clear } = useUrlFilters(filterNames);
  const desk = useOrderDesk(filters);
  const counterparties = useDeskCounterparties();
  const names = new Map((counterparties.data?.items ?? []).map((c) => [c.id, c.name]));
  const items = desk.data?.pages.flatMap((p) => p.items) ?? [];


  return (
    <>
      <PageHeader title="Orders desk" subtitle="Every customer's orders. Sent orders waiting for acceptance come first, then the newest." />
      <div className={styles.filters} role="search" aria-label="Filter orders">
        <FilterSelect
          label="Status"
          value={filters.status}
          choices={orderStatuses}
          onChange={(v) => setFilter("status", v)}
        />
        <FilterSelect
          label="Counterparty"
          value={filters.counterpartyId}
          choices={(counterparties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => setFilter("counterpartyId", v)}
        />
        <Field label="Placed from">
          <Input type="date" value={filters.from} max={filters.to || undefined} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="Placed to">
          <Input type="date" value={filters.to} min={filters.from || undefined} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {filtered && <Button onClick={clear}>Clear filters</Button>}
      </div>
      {desk.isPending ? (
        <LoadingState label="Loading orders…" />
      ) : desk.isError ? (
        <ErrorState error={desk.error} onRetry={() => desk.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? "No orders match these filters." : "No orders yet."}</EmptyState>
      ) : (
        <>
          <DataList
            label="Orders"
            items={items}
            rowKey={({ counterpartyId, order }) => `${counterpartyId}/${order.id}`}
            columns={[
              {
                header: "Number",
                card: "title",
                kind: "nowrap",
                cell: ({ counterpartyId, order }) => (
                  <span className={styles.number}>
                    <Link to={`/manage/orders/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(order.id)}`}>{order.number}</Link>
                    {order.status === "sent" && (
                      <Badge appearance="filled" color="danger">
                        To accept
                      </Badge>
                    )}
                  </span>
                ),
              },
              { header: "Counterparty", card: "primary", cell: ({ counterpartyId }) => names.get(counterpartyId) ?? counterpartyId },
              { header: "Placed", card: "primary", kind: "nowrap", cell: ({ order }) => formatDateTime(order.date) },
              { header: "Status", card: "primary", kind: "nowrap", cell: ({ order }) => <StatusBadge status={order.status} /> },
              { header: "Warehouse", cell: ({ order }) => order.warehouseName },
              { header: "Reference", cell: ({ order }) => order.customerReference ?? "—" },
              { header: "Total", card: "primary", kind: "number", cell: ({ order }) => formatMoney(order.total) },
            ]}
          />
          {desk.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => desk.fetchNextPage()} disabled={desk.isFetchingNextPage}>
                {desk.isFetchingNextPage ? "Loading…" : "Show more orders"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
