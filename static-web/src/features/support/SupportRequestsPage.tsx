import {
  Badge,
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatDateTime } from "../../lib/format";
import { SupportStatusBadge, supportLinkPath, supportStatuses } from "../../lib/support";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll, useDataTableStyles } from "../../lib/ui";
import { categoryLabel, useSupportRequests } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  subject: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Support requests: the company's requests, active first, then newest; new replies marked. */
export function SupportRequestsPage() {
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const requests = useSupportRequests(status);
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];

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
          <TableScroll label="Support requests">
            <Table aria-label="Support requests">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Number</TableHeaderCell>
                  <TableHeaderCell>Subject</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Category</TableHeaderCell>
                  <TableHeaderCell>About</TableHeaderCell>
                  <TableHeaderCell>Last message</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className={styles.nowrap}>
                      <Link to={`/support/${encodeURIComponent(r.id)}`}>{r.number}</Link>
                    </TableCell>
                    <TableCell>
                      <span className={styles.subject}>
                        {r.subject}
                        {r.unread && (
                          <Badge appearance="filled" color="brand">
                            New reply
                          </Badge>
                        )}
                      </span>
                    </TableCell>
                    <TableCell className={styles.nowrap}>
                      <SupportStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell>{categoryLabel(r.category)}</TableCell>
                    <TableCell>{r.link ? <Link to={supportLinkPath(r.link)}>{r.link.label}</Link> : "—"}</TableCell>
                    <TableCell>
                      {formatDateTime(r.lastMessageAt)}, {r.lastMessageFromSupplier ? "your supplier" : r.lastMessageBy}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
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
