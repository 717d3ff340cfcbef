import {
  Badge,
  Button,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatDateTime } from "../../lib/format";
import { SupportStatusBadge, supportLinkPath, supportStatuses } from "../../lib/support";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { categoryLabel, useSupportRequests, type SupportRequestSummary } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  subject: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Support requests: the company's requests, active first, then newest; new replies marked. */
export function SupportRequestsPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const requests = useSupportRequests(status);
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];
  // On a phone each request is a card: number, subject, then status and the last message; the rest labelled.
  const columns: ListColumn<SupportRequestSummary>[] = [
    { header: "Number", card: "title", kind: "nowrap", cell: (r) => <Link to={`/support/${encodeURIComponent(r.id)}`}>{r.number}</Link> },
    {
      header: "Subject",
      card: "plain",
      kind: "text",
      cell: (r) => (
        <span className={styles.subject}>
          {r.subject}
          {r.unread && (
            <Badge appearance="filled" color="brand">
              New reply
            </Badge>
          )}
        </span>
      ),
    },
    { header: "Status", card: "primary", kind: "nowrap", cell: (r) => <SupportStatusBadge status={r.status} /> },
    { header: "Category", cell: (r) => categoryLabel(r.category) },
    { header: "About", cell: (r) => (r.link ? <Link to={supportLinkPath(r.link)}>{r.link.label}</Link> : "—") },
    {
      header: "Last message",
      card: "primary",
      cell: (r) => (
        <>
          {formatDateTime(r.lastMessageAt)}, {r.lastMessageFromSupplier ? "your supplier" : r.lastMessageBy}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Support requests"
        subtitle="Questions to your supplier about the portal, documents, orders and returns. Your colleagues see them too."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate("/support/new")}>
            New request
          </Button>
        }
      />
      <div className={styles.filters} role="search" aria-label="Filter support requests">
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setParams(d.value ? { status: d.value } : {}, { replace: true })}>
            <option value="">All</option>
            {supportStatuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {requests.isPending ? (
        <LoadingState label="Loading support requests…" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>
          {status ? "No requests in this status." : <>No support requests yet. <Link to="/support/new">Ask your supplier a question</Link>.</>}
        </EmptyState>
      ) : (
        <>
          <DataList label="Support requests" items={items} rowKey={(r) => r.id} columns={columns} />
          {requests.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => requests.fetchNextPage()} disabled={requests.isFetchingNextPage}>
                {requests.isFetchingNextPage ? "Loading…" : "Show more requests"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
