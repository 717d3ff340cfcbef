import { formatDate, formatDateTime } from "../../../lib/format";
import { DataList } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { useReconciliationDisputes } from "./api";

/** Staff: reconciliation statements customers disputed, newest first, with what they said does not agree. */
export function DisputedStatementsPage() {
  const disputes = useReconciliationDisputes();
  return (
    <>
      <PageHeader title="Disputed reconciliation statements" subtitle="What customers say does not agree with their books." />
      {disputes.isPending ? (
        <LoadingState label="Loading the disputes…" />
      ) : disputes.isError ? (
        <ErrorState error={disputes.error} onRetry={() => disputes.refetch()} />
      ) : disputes.data.items.length === 0 ? (
        <EmptyState>No customer has disputed a reconciliation statement.</EmptyState>
      ) : (
        <DataList
          label="Disputed reconciliation statements"
          items={disputes.data.items}
          rowKey={(d) => `${d.counterpartyId}-${d.documentId}`}
          columns={[
            { header: "Customer", card: "primary", kind: "nowrap", cell: (d) => d.counterpartyName },
            { header: "Statement", card: "title", kind: "nowrap", cell: (d) => d.number },
            { header: "Period", card: "primary", kind: "nowrap", cell: (d) => `${formatDate(d.periodFrom)} – ${formatDate(d.periodTo)}` },
            { header: "Comment", kind: "text", cell: (d) => d.comment },
            { header: "Disputed by", kind: "nowrap", cell: (d) => `${d.by}, ${formatDateTime(d.at)}` },
          ]}
        />
      )}
    </>
  );
}
