import { makeStyles, tokens } from "@fluentui/react-components";
import { formatDateTime, formatFileSize } from "../../../lib/format";
import { DataList } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { newestFirst, useRejectedFiles } from "./api";

const useStyles = makeStyles({
  help: { maxWidth: "70ch", marginBottom: tokens.spacingVerticalL },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  name: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

/** Staff: uploads the portal did not take, with the reason, so they can be renamed or uploaded again. */
export function FilesNeedingAttentionPage() {
  const styles = useStyles();
  const files = useRejectedFiles();
  return (
    <>
      <PageHeader title="Files needing attention" subtitle="Uploads that customers cannot see, and why." />
      <div className={styles.help}>
        <p>The portal takes a file when it is uploaded where it belongs:</p>
        <ul className={styles.list}>
          <li>
            A document's file goes to container <code>documents</code> as{" "}
            <code className={styles.name}>{"{counterpartyId}/{type}/{number}.{ext}"}</code>, for example{" "}
            <code className={styles.name}>northwind/invoices/INV-2026-0004.pdf</code>.
          </li>
          <li>PDF, PNG, JPEG, Office documents, CSV or ZIP, at most 50 MB.</li>
          <li>
            A material goes to container <code>materials</code> under any name, with the metadata <code>title</code>,{" "}
            <code>description</code> and <code>accessgroups</code>.
          </li>
        </ul>
        <p>Anything else stays where it was uploaded and is listed here. Upload it again under the right name, then delete the old one.</p>
      </div>
      {files.isPending ? (
        <LoadingState label="Loading files…" />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => files.refetch()} />
      ) : files.data.items.length === 0 ? (
        <EmptyState>No files need attention: every upload was taken.</EmptyState>
      ) : (
        <DataList
          label="Files needing attention"
          items={newestFirst(files.data.items)}
          rowKey={(file) => `${file.container}/${file.blobName}`}
          columns={[
            { header: "When", card: "primary", kind: "nowrap", cell: (file) => formatDateTime(file.at) },
            { header: "Container", card: "primary", cell: (file) => file.container },
            { header: "Name", card: "title", kind: "text", cell: (file) => <span className={styles.name}>{file.blobName}</span> },
            { header: "Size", card: "primary", kind: "number", cell: (file) => formatFileSize(file.size) },
            { header: "Reason", kind: "text", cell: (file) => file.reason },
          ]}
        />
      )}
    </>
  );
}
