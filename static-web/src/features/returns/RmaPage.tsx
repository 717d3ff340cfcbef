import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, AttachRegular, DeleteRegular, EditRegular, SendRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { describeFileType, formatDate, formatDateTime, formatFileSize } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { SupportForThis } from "../../lib/support";
import { DetailPage, ErrorState, Notice, PageHeader } from "../../lib/ui";
import {
  attachmentPath,
  documentNouns,
  processingLabels,
  reasonLabel,
  resolutionLabel,
  useAttachFile,
  useDeleteRma,
  useRemoveFile,
  useRmaRequest,
  useSendRma,
  type RmaDetail,
} from "./api";
import { Fact, Facts, RmaHistory, RmaLinesTable } from "./RmaParts";
import { RmaStatusBadge } from "./rmaStatus";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  text: { margin: 0, whiteSpace: "pre-line" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  file: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  hidden: { display: "none" },
});

/** Where an RMA request's documents open: the customers' document pages. */

/** One RMA request: what is returned and why, its files, what the supplier decided, the documents that came of it, its history. */
export function RmaPage() {
  const { id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/returns/rma-requests", label: "Back to RMA requests" }} noun="RMA request" query={useRmaRequest(id)}>
      {(rma) => <RmaView rma={rma} />}
    </DetailPage>
  );
}

function RmaView({ rma }: { rma: RmaDetail }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const send = useSendRma();
  const remove = useDeleteRma();
  const draft = rma.status === "draft";

  const sendNow = () =>
    send.mutate(rma, { onSuccess: (sent) => announce(`RMA request ${sent.number} sent. Your supplier will decide what to do.`) });
  const deleteDraft = () => {
    if (!window.confirm(`Delete draft ${rma.number} and its files?`)) return;
    remove.mutate(rma.id, {
      onSuccess: () => {
        announce(`Draft ${rma.number} deleted.`);
        navigate("/returns/rma-requests?tab=drafts");
      },
    });
  };

  return (
    <div className={styles.stack}>
      <PageHeader
        title={`RMA request ${rma.number}`}
        actions={
          draft && (
            <>
              <Button appearance="primary" icon={<SendRegular />} onClick={sendNow} disabled={send.isPending}>
                {send.isPending ? "Sending…" : "Send"}
              </Button>
              <Button icon={<EditRegular />} onClick={() => navigate(`/returns/rma-requests/${encodeURIComponent(rma.id)}/edit`)}>
                Edit
              </Button>
              <Button icon={<DeleteRegular />} onClick={deleteDraft} disabled={remove.isPending}>
                Delete
              </Button>
            </>
          )
        }
      />
      {draft && (
        <Notice intent="info" title="This is a draft.">
          Your supplier does not see it yet, and it reserves nothing. Send it when it is complete; it cannot be changed afterwards.
        </Notice>
      )}
      {send.isError && <ErrorState error={send.error} />}
      {remove.isError && <ErrorState error={remove.error} />}
      {rma.status === "rejected" && rma.rejectionReason && (
        <Notice intent="warning" title="Your supplier rejected this request.">
          {rma.rejectionReason}
        </Notice>
      )}
      <Facts>
        <Fact term="Lifecycle status">
          <RmaStatusBadge status={rma.status} />
        </Fact>
        <Fact term="Invoice">
          <Link to={`/documents/invoices/${encodeURIComponent(rma.invoiceId)}`}>
            {rma.invoiceNumber}
          </Link>{" "}
          of {formatDate(rma.invoiceDate)}
        </Fact>
        {!draft && <Fact term="Processing status">{processingLabels[rma.processing]}</Fact>}
        <Fact term="Problem">{reasonLabel(rma.reason)}</Fact>
        {rma.preferredResolution && <Fact term="You would like">{resolutionLabel(rma.preferredResolution)}</Fact>}
        <Fact term="Resolution">{resolutionLabel(rma.resolution) || "Not decided yet"}</Fact>
        <Fact term="Expected date">{rma.expectedDate ? formatDate(rma.expectedDate) : "—"}</Fact>
        <Fact term="Created">
          {formatDateTime(rma.createdAt)} by {rma.createdBy}
        </Fact>
        {rma.sentAt && <Fact term="Sent">{formatDateTime(rma.sentAt)}</Fact>}
      </Facts>
      <section aria-labelledby="rma-description">
        <h2 id="rma-description" className={styles.h2}>
          Description
        </h2>
        <p className={styles.text}>{rma.description}</p>
      </section>
      <section aria-labelledby="rma-lines">
        <h2 id="rma-lines" className={styles.h2}>
          Goods to return
        </h2>
        <RmaLinesTable rma={rma} />
      </section>
      <Files rma={rma} />
      <section aria-labelledby="rma-documents">
        <h2 id="rma-documents" className={styles.h2}>
          Documents
        </h2>
        {rma.documents.length === 0 ? (
          <p className={styles.text}>
            {draft ? "None yet." : "None yet. Your supplier publishes the goods return and the credit note here when it has received the goods and approved a refund."}
          </p>
        ) : (
          <ul className={styles.list}>
            {rma.documents.map((d) => (
              <li key={`${d.type}-${d.number}`}>
                <Link to={`/documents/${d.type}/${encodeURIComponent(d.id ?? "")}`}>
                  {documentNouns[d.type] ?? d.type} {d.number}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RmaHistory rma={rma} headingId="rma-history" />
      {!draft && <SupportForThis link={{ type: "rma-requests", id: rma.id, label: `RMA request ${rma.number}` }} />}
    </div>
  );
}

/** Photos and PDF files: added and removed while the request is a draft, downloaded like documents. */
function Files({ rma }: { rma: RmaDetail }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const attach = useAttachFile(rma.id);
  const removeFile = useRemoveFile(rma.id);
  const picker = useRef<HTMLInputElement>(null);
  const draft = rma.status === "draft";
  const room = rma.maxAttachments - rma.attachments.length;

  const onPick = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    attach.mutate(file, { onSuccess: (added) => announce(`${added.fileName} attached.`) });
    if (picker.current) picker.current.value = "";
  };

  return (
    <section aria-labelledby="rma-files">
      <h2 id="rma-files" className={styles.h2}>
        Photos and files
      </h2>
      {rma.attachments.length === 0 ? (
        <p className={styles.text}>{draft ? "No files yet." : "No files were attached."}</p>
      ) : (
        <ul className={styles.list}>
          {rma.attachments.map((file) => (
            <li key={file.id} className={styles.file}>
              <a href={attachmentPath(rma.id, file.id)} download>
                <ArrowDownloadRegular aria-hidden /> {file.fileName}
              </a>
              <span className={styles.hint}>
                {describeFileType(file.contentType, file.fileName)}, {formatFileSize(file.size)}
              </span>
              {draft && (
                <Button
                  size="small"
                  icon={<DeleteRegular />}
                  aria-label={`Remove ${file.fileName}`}
                  disabled={removeFile.isPending}
                  onClick={() => removeFile.mutate(file.id, { onSuccess: () => announce(`${file.fileName} removed.`) })}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {draft && (
        <p className={styles.file}>
          <input
            ref={picker}
            id="rma-file"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            className={styles.hidden}
            onChange={(e) => onPick(e.target.files)}
          />
          <Button icon={<AttachRegular />} onClick={() => picker.current?.click()} disabled={attach.isPending || room <= 0}>
            {attach.isPending ? "Attaching…" : "Attach a photo or PDF"}
          </Button>
          <span className={styles.hint}>
            {room > 0 ? `Up to ${room} more, 10 MB each.` : `That is the most files a request takes (${rma.maxAttachments}).`}
          </span>
        </p>
      )}
      {attach.isError && <ErrorState error={attach.error} />}
      {removeFile.isError && <ErrorState error={removeFile.error} />}
    </section>
  );
}
