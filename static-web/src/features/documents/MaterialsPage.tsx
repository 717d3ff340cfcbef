import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { describeFileType, formatDate, formatFileSize } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../lib/ui";
import { materialFilePath, useMaterials } from "./api";

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold },
  description: { display: "block", color: tokens.colorNeutralForeground2 },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  download: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
});

/** The supplier's materials (catalogues, guides…) that the customer's access group may see, to download. */
export function MaterialsPage() {
  const styles = useStyles();
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
        <TableScroll label="Materials">
          <Table aria-label="Materials">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Title</TableHeaderCell>
                <TableHeaderCell>File type</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Size</TableHeaderCell>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>File</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {materials.data.items.map((material) => (
                <TableRow key={material.id}>
                  <TableCell>
                    <span className={styles.title}>{material.title}</span>
                    {material.description && <span className={styles.description}>{material.description}</span>}
                  </TableCell>
                  <TableCell>{describeFileType(material.contentType, material.fileName)}</TableCell>
                  <TableCell className={styles.number}>{formatFileSize(material.size)}</TableCell>
                  <TableCell className={styles.nowrap}>{formatDate(material.updatedAt)}</TableCell>
                  <TableCell>
                    {/* A plain link: the API answers with a short-lived link that saves the file. */}
                    <a className={styles.download} href={materialFilePath(material.id)} download aria-label={`Download ${material.title}`}>
                      <ArrowDownloadRegular aria-hidden /> Download
                    </a>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
