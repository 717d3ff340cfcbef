import { makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { describeFileType, formatDate, formatFileSize } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { materialFilePath, useMaterials, type Material } from "./api";

const useStyles = makeStyles({
  description: { margin: 0 },
  facts: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  download: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

// Cards rather than a table on every screen: each material reads whole, description and download link included.
function useColumns(): ListColumn<Material>[] {
  const styles = useStyles();
  return [
    { header: "Title", card: "title", cell: (material) => material.title },
    { header: "Description", card: "plain", cell: (material) => material.description && <p className={styles.description}>{material.description}</p> },
    {
      header: "File",
      card: "plain",
      cell: (material) => (
        <p className={styles.facts}>
          {describeFileType(material.contentType, material.fileName)} · {formatFileSize(material.size)} · {formatDate(material.updatedAt)}
        </p>
      ),
    },
    {
      header: "Download",
      card: "plain",
      // A plain link: the API answers with a short-lived link that saves the file.
      cell: (material) => (
        <a className={styles.download} href={materialFilePath(material.id)} download aria-label={`Download ${material.title}`}>
          <ArrowDownloadRegular aria-hidden /> Download
        </a>
      ),
    },
  ];
}

/** The supplier's materials (catalogues, guides…) that the customer's access group may see, to download. */
export function MaterialsPage() {
  const columns = useColumns();
  const materials = useMaterials();
  return (
    <>
      <PageHeader title="Materials" subtitle="Catalogues, guides and other files from your supplier." />
      {materials.isPending ? (
        <LoadingState label="Loading materials…" />
      ) : materials.isError ? (
        <ErrorState error={materials.error} onRetry={() => materials.refetch()} />
      ) : materials.data.items.length === 0 ? (
        <EmptyState>Your supplier has not shared any materials with you yet.</EmptyState>
      ) : (
        <DataList label="Materials" items={materials.data.items} rowKey={(material) => material.id} columns={columns} wide="cards" />
      )}
    </>
  );
}
