import { Button, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatDate, formatDateTime } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../lib/ui";
import { processingLabels, reasonLabel, resolutionLabel, useRmaRequests, type RmaSummary, type RmaTab } from "./api";
import { RmaStatusBadge } from "./rmaStatus";

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL },
  number: { textAlign: "right" },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  hint: { color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalM}` },
});

const rmaLink = (rma: RmaSummary) => `/returns/rma-requests/${encodeURIComponent(rma.id)}`;

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
          <TableScroll label={tab === "drafts" ? "Draft RMA requests" : "Sent RMA requests"}>
            {tab === "drafts" ? (
              <Table aria-label="Draft RMA requests">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Number</TableHeaderCell>
                    <TableHeaderCell>Invoice</TableHeaderCell>
                    <TableHeaderCell>Problem</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>Lines</TableHeaderCell>
                    <TableHeaderCell>Last changed</TableHeaderCell>
                    <TableHeaderCell>By</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((rma) => (
                    <TableRow key={rma.id}>
                      <TableCell>
                        <Link to={rmaLink(rma)}>{rma.number}</Link>
                      </TableCell>
                      <TableCell>{rma.invoiceNumber}</TableCell>
                      <TableCell>{reasonLabel(rma.reason)}</TableCell>
                      <TableCell className={styles.number}>{rma.lineCount}</TableCell>
                      <TableCell>{formatDateTime(rma.updatedAt)}</TableCell>
                      <TableCell>{rma.createdBy}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Table aria-label="Sent RMA requests">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Number</TableHeaderCell>
                    <TableHeaderCell>Sent</TableHeaderCell>
                    <TableHeaderCell>Invoice</TableHeaderCell>
                    <TableHeaderCell>Lifecycle status</TableHeaderCell>
                    <TableHeaderCell>Processing status</TableHeaderCell>
                    <TableHeaderCell>Resolution</TableHeaderCell>
                    <TableHeaderCell>Expected date</TableHeaderCell>
                    <TableHeaderCell>Problem</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((rma) => (
                    <TableRow key={rma.id}>
                      <TableCell>
                        <Link to={rmaLink(rma)}>{rma.number}</Link>
                      </TableCell>
                      <TableCell>{formatDate(rma.sentAt)}</TableCell>
                      <TableCell>{rma.invoiceNumber}</TableCell>
                      <TableCell>
                        <RmaStatusBadge status={rma.status} />
                      </TableCell>
                      <TableCell>{processingLabels[rma.processing]}</TableCell>
                      <TableCell>{resolutionLabel(rma.resolution) || "Not decided yet"}</TableCell>
                      <TableCell>{rma.expectedDate ? formatDate(rma.expectedDate) : "—"}</TableCell>
                      <TableCell>{reasonLabel(rma.reason)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </TableScroll>
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
