import {
  Badge,
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Link } from "react-router";
import { FilterSelect, useUrlFilters } from "../../../lib/filters";
import { formatDateTime } from "../../../lib/format";
import { SupportStatusBadge, supportStatuses } from "../../../lib/support";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { categoryLabel, supportCategories } from "../api";
import { useAssignees, useCounterparties, useDesk, type DeskFilters, type DeskItem } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  subject: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** What a request can be about, for the desk's "About" filter. */
const linkedTypes = [
  { value: "invoices", label: "Invoices" },
  { value: "quotations", label: "Quotations" },
  { value: "tax-invoices", label: "Tax invoices" },
  { value: "goods-issues", label: "Goods deliveries" },
  { value: "goods-returns", label: "Goods returns" },
  { value: "credit-notes", label: "Credit notes" },
  { value: "reconciliation-statements", label: "Reconciliation statements" },
  { value: "orders", label: "Orders" },
  { value: "rma-requests", label: "RMA requests" },
];

const filterNames: (keyof DeskFilters)[] = ["status", "counterpartyId", "category", "linkedType", "assignedTo"];

/** The support desk: every customer's requests, those awaiting an answer first. */
export function SupportDeskPage() {
  const styles = useStyles();
  const { filters, filtered, setFilter, clear } = useUrlFilters(filterNames);
  const desk = useDesk(filters);
  const assignees = useAssignees();
  const counterparties = useCounterparties();
  const items = desk.data?.pages.flatMap((p) => p.items) ?? [];
  // On a phone each request is a card: number, subject, then status, customer and the last message.
  const columns: ListColumn<DeskItem>[] = [
    {
      header: "Number",
      card: "title",
      kind: "nowrap",
      cell: (r) => <Link to={`/manage/support/${encodeURIComponent(r.counterpartyId)}/${encodeURIComponent(r.id)}`}>{r.number}</Link>,
    },
    {
      header: "Subject",
      card: "plain",
      kind: "text",
      cell: (r) => (
        <span className={styles.subject}>
          {r.subject}
          {r.awaitingAnswer && (
            <Badge appearance="filled" color="danger">
              Awaiting answer
            </Badge>
          )}
        </span>
      ),
    },
    { header: "Counterparty", card: "primary", cell: (r) => r.counterpartyName },
    { header: "Status", card: "primary", kind: "nowrap", cell: (r) => <SupportStatusBadge status={r.status} /> },
    { header: "Category", cell: (r) => categoryLabel(r.category) },
    { header: "About", cell: (r) => r.link?.label ?? "—" },
    { header: "Assigned to", cell: (r) => r.assignedTo ?? "Nobody" },
    {
      header: "Last message",
      card: "primary",
      cell: (r) => (
        <>
          {formatDateTime(r.lastMessageAt)}, {r.lastMessageBy}
        </>
      ),
    },
  ];


  return (
    <>
      <PageHeader title="Support desk" subtitle="Customers' requests from every company. Requests awaiting your answer come first." />
      <div className={styles.filters} role="search" aria-label="Filter support requests">
        <FilterSelect
          label="Status"
          value={filters.status}
          choices={supportStatuses}
          onChange={(v) => setFilter("status", v)}
        />
        <FilterSelect
          label="Counterparty"
          value={filters.counterpartyId}
          choices={(counterparties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => setFilter("counterpartyId", v)}
        />
        <FilterSelect
          label="Category"
          value={filters.category}
          choices={supportCategories}
          onChange={(v) => setFilter("category", v)}
        />
        <FilterSelect
          label="About"
          value={filters.linkedType}
          choices={linkedTypes}
          onChange={(v) => setFilter("linkedType", v)}
          anyLabel="Anything"
        />
        <FilterSelect
          label="Assigned to"
          value={filters.assignedTo}
          choices={[{ value: "none", label: "Nobody" }, ...(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
          onChange={(v) => setFilter("assignedTo", v)}
          anyLabel="Anyone"
        />
        {filtered && <Button onClick={clear}>Clear filters</Button>}
      </div>
      {desk.isPending ? (
        <LoadingState label="Loading support requests…" />
      ) : desk.isError ? (
        <ErrorState error={desk.error} onRetry={() => desk.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? "No requests match these filters." : "No support requests yet."}</EmptyState>
      ) : (
        <>
          <DataList label="Support requests" items={items} rowKey={(r) => `${r.counterpartyId}/${r.id}`} columns={columns} />
          {desk.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => desk.fetchNextPage()} disabled={desk.isFetchingNextPage}>
                {desk.isFetchingNextPage ? "Loading…" : "Show more requests"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
