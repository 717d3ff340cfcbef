import { makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { describeFileType, formatDate, formatFileSize } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { materialFilePath, useMaterials } from "./api";

const useStyles = makeStyles({
  // Cards rather than a table: each reads whole on a phone, download link included.
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0 },
  facts: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  download: { display: "inline-flex", alignItems: "center", alignSelf: "flex-start", gap: tokens.spacingHorizontalXS, marginTop: "auto" },
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
        <ul className={styles.list} aria-label="Materials">
          {materials.data.items.map((material) => (
            <li key={material.id} className={styles.card}>
              <h2 className={styles.title}>{material.title}</h2>
              {material.description && <p className={styles.description}>{material.description}</p>}
              <p className={styles.facts}>
                {describeFileType(material.contentType, material.fileName)} · {formatFileSize(material.size)} · {formatDate(material.updatedAt)}
              </p>
              {/* A plain link: the API answers with a short-lived link that saves the file. */}
              <a className={styles.download} href={materialFilePath(material.id)} download aria-label={`Download ${material.title}`}>
                <ArrowDownloadRegular aria-hidden /> Download
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
