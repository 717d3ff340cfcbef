import { Button, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatDate, formatDateTime } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { processingLabels, reasonLabel, resolutionLabel, useRmaRequests, type RmaSummary, type RmaTab } from "./api";
import { RmaStatusBadge } from "./rmaStatus";

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  hint: { color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalM}` },
});

const rmaLink = (rma: RmaSummary) => `/returns/rma-requests/${encodeURIComponent(rma.id)}`;

const numberColumn: ListColumn<RmaSummary> = { header: "Number", card: "title", kind: "nowrap", cell: (rma) => <Link to={rmaLink(rma)}>{rma.number}</Link> };

// On a phone a draft is a card: its number, when it last changed and its invoice first.
const draftColumns: ListColumn<RmaSummary>[] = [
  numberColumn,
  { header: "Invoice", card: "primary", kind: "nowrap", cell: (rma) => rma.invoiceNumber },
  { header: "Problem", cell: (rma) => reasonLabel(rma.reason) },
  { header: "Lines", kind: "number", cell: (rma) => rma.lineCount },
  { header: "Last changed", card: "primary", kind: "nowrap", cell: (rma) => formatDateTime(rma.updatedAt) },
  { header: "By", cell: (rma) => rma.createdBy },
];

// A sent request: number, then status, sent date and invoice; how it is being handled below.
const sentColumns: ListColumn<RmaSummary>[] = [
  numberColumn,
  { header: "Sent", card: "primary", kind: "nowrap", cell: (rma) => formatDate(rma.sentAt) },
  { header: "Invoice", card: "primary", kind: "nowrap", cell: (rma) => rma.invoiceNumber },
  { header: "Lifecycle status", card: "primary", kind: "nowrap", cell: (rma) => <RmaStatusBadge status={rma.status} /> },
  { header: "Processing status", cell: (rma) => processingLabels[rma.processing] },
  { header: "Resolution", cell: (rma) => resolutionLabel(rma.resolution) || "Not decided yet" },
  { header: "Expected date", kind: "nowrap", cell: (rma) => (rma.expectedDate ? formatDate(rma.expectedDate) : "—") },
  { header: "Problem", cell: (rma) => reasonLabel(rma.reason) },
];

/** Purchase returns → RMA requests: the company's drafts and sent requests, each in its tab. */
export function RmaListPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: RmaTab = params.get("tab") === "drafts" ? "drafts" : "sent";
  const list = useRmaRequests(tab);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="RMA requests"
        subtitle="Ask your supplier to take back goods you were invoiced for."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate("/returns/rma-requests/new")}>
            Create
          </Button>
        }
      />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setParams(d.value === "drafts" ? { tab: "drafts" } : {}, { replace: true })}
        aria-label="RMA requests"
      >
        <Tab value="sent">Sent</Tab>
        <Tab value="drafts">Drafts</Tab>
      </TabList>
      {tab === "drafts" && (
        <p className={styles.hint}>Drafts can be changed or deleted. They reserve nothing: the quantities are checked again when you send one.</p>
      )}
      {list.isPending ? (
        <LoadingState label="Loading RMA requests…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>
          {tab === "drafts" ? "You have no drafts." : "No RMA requests have been sent yet."}{" "}
          <Link to="/returns/rma-requests/new">Create an RMA request</Link>, or open an <Link to="/documents/invoices">invoice</Link> and return goods from it.
        </EmptyState>
      ) : (
        <>
          {tab === "drafts" ? (
            <DataList label="Draft RMA requests" items={items} rowKey={(rma) => rma.id} columns={draftColumns} />
          ) : (
            <DataList label="Sent RMA requests" items={items} rowKey={(rma) => rma.id} columns={sentColumns} />
          )}
          {list.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? "Loading…" : "Show more"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
