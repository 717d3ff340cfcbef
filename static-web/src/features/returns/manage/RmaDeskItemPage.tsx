import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { formatDate, formatDateTime, formatFileSize } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { ApiError } from "../../../lib/api";
import { describeError, fieldError } from "../../../lib/problems";
import { DetailPage, ErrorState, Notice, PageHeader } from "../../../lib/ui";
import { documentNouns, processingLabels, reasonLabel, resolutionLabel, resolutions, statusLabel, type RmaDetail, type RmaResolution } from "../api";
import { Fact, Facts, RmaHistory, RmaLinesTable } from "../RmaParts";
import { RmaStatusBadge } from "../rmaStatus";
import { deskRmaKey, fetchDeskRma, useDeskAction, useDeskRma, type DeskAction } from "./api";
import { describeRmaChanges } from "./rmaChanges";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "1100px" },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  text: { margin: 0, whiteSpace: "pre-line" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  cards: { display: "grid", gap: tokens.spacingVerticalL, gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))" },
  card: { display: "grid", gap: tokens.spacingVerticalM, alignContent: "start" },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
});

const today = () => new Date().toISOString().slice(0, 10);

/** One RMA request on the desk, with what the clerk can do in its status. */
export function RmaDeskItemPage() {
  const { counterpartyId = "", id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/manage/rma-requests", label: "Back to the RMA desk" }} noun="RMA request" query={useDeskRma(counterpartyId, id)}>
      {(rma) => <DeskView counterpartyId={counterpartyId} rma={rma} />}
    </DetailPage>
  );
}

function DeskView({ counterpartyId, rma }: { counterpartyId: string; rma: RmaDetail }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const client = useQueryClient();
  const action = useDeskAction(counterpartyId, rma.id);
  const [changes, setChanges] = useState<string[] | null>(null);
  const conflict = action.error instanceof ApiError && action.error.status === 412;

  /** A 412: another clerk or the ERP moved the request on. Show the latest and say what changed. */
  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: deskRmaKey(counterpartyId, rma.id), queryFn: ({ signal }) => fetchDeskRma(counterpartyId, rma.id, signal), staleTime: 0 });
      const what = describeRmaChanges(rma, latest);
      setChanges(what);
      announce(`The request changed in the meantime. ${what.join(" ")}`, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };
  const run = (what: DeskAction, done: string) => {
    setChanges(null);
    action.mutate(
      { action: what, version: rma.version },
      {
        onSuccess: () => announce(done),
        onError: (error) => (error instanceof ApiError && error.status === 412 ? void reloadAfterConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };
  const open = rma.status === "sent" || rma.status === "inProgress";

  return (
    <div className={styles.stack}>
      <PageHeader title={`RMA request ${rma.number}`} />
      {changes && (
        <Notice intent="warning" title="The request changed in the meantime; the latest is shown now.">
          {changes.join(" ")} Check it and decide again if still needed.
        </Notice>
      )}
      {action.isSuccess && <Notice intent="success" title={`Saved: the request is ${statusLabel(rma.status).toLowerCase()}.`} />}
      {action.isError && !conflict && <ErrorState error={action.error} />}
      <Facts>
        <Fact term="Lifecycle status">
          <RmaStatusBadge status={rma.status} />
        </Fact>
        <Fact term="Invoice">
          {rma.invoiceNumber} of {formatDate(rma.invoiceDate)}
        </Fact>
        <Fact term="Processing status">{processingLabels[rma.processing]}</Fact>
        <Fact term="Problem">{reasonLabel(rma.reason)}</Fact>
        <Fact term="Customer would like">{resolutionLabel(rma.preferredResolution) || "Left to you"}</Fact>
        <Fact term="Resolution">{resolutionLabel(rma.resolution) || "Not decided yet"}</Fact>
        <Fact term="Expected date">{rma.expectedDate ? formatDate(rma.expectedDate) : "—"}</Fact>
        <Fact term="Sent">
          {formatDateTime(rma.sentAt)} by {rma.createdBy}
        </Fact>
        {rma.rejectionReason && <Fact term="Rejected because">{rma.rejectionReason}</Fact>}
      </Facts>
      <p className={styles.text}>{rma.description}</p>
      <RmaLinesTable rma={rma} />
      <section aria-labelledby="desk-files">
        <h2 id="desk-files" className={styles.h2}>
          Photos and files
        </h2>
        {rma.attachments.length === 0 ? (
          <p className={styles.text}>None attached.</p>
        ) : (
          <ul className={styles.list}>
            {rma.attachments.map((file) => (
              <li key={file.id}>
                <a
                  href={`/api/manage/rma-requests/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(rma.id)}/attachments/${encodeURIComponent(file.id)}`}
                  download
                >
                  {file.fileName}
                </a>{" "}
                ({formatFileSize(file.size)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className={styles.cards}>
        {rma.status === "sent" && <AcceptCard rma={rma} pending={action.isPending} error={action.error} onAccept={(body) => run({ kind: "accept", body }, `${rma.number} accepted.`)} />}
        {rma.status === "inProgress" && (
          <>
            <DateCard rma={rma} pending={action.isPending} onChange={(expectedDate) => run({ kind: "expected-date", body: { expectedDate } }, "Expected date changed.")} />
            <Card className={styles.card}>
              <h2 className={styles.h2}>Complete</h2>
              <p className={styles.hint}>When the goods are back and the resolution is done.</p>
              <Button appearance="primary" disabled={action.isPending} onClick={() => run({ kind: "complete" }, `${rma.number} completed.`)}>
                Complete
              </Button>
            </Card>
          </>
        )}
        {open && <RejectCard pending={action.isPending} error={action.error} onReject={(reason) => run({ kind: "reject", body: { reason } }, `${rma.number} rejected.`)} />}
        {(rma.status === "inProgress" || rma.status === "completed") && (
          <PublishCard
            rma={rma}
            pending={action.isPending}
            error={action.error}
            onPublish={(body) => run({ kind: "documents", body }, `${body.number} published to the customer.`)}
          />
        )}
      </div>
      <section aria-labelledby="desk-documents">
        <h2 id="desk-documents" className={styles.h2}>
          Documents
        </h2>
        {rma.documents.length === 0 ? (
          <p className={styles.text}>None published yet.</p>
        ) : (
          <ul className={styles.list}>
            {rma.documents.map((d) => (
              <li key={`${d.type}-${d.number}`}>
                {documentNouns[d.type] ?? d.type} {d.number}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RmaHistory rma={rma} headingId="desk-history" />
    </div>
  );
}

function AcceptCard({ rma, pending, error, onAccept }: { rma: RmaDetail; pending: boolean; error: unknown; onAccept: (body: { resolution: RmaResolution; expectedDate: string; note?: string }) => void }) {
  const styles = useStyles();
  const [resolution, setResolution] = useState<RmaResolution>(rma.preferredResolution ?? "refund");
  const [expectedDate, setExpectedDate] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAccept({ resolution, expectedDate });
  };
  return (
    <Card className={styles.card}>
      <form className={styles.card} onSubmit={submit}>
        <h2 className={styles.h2}>Accept</h2>
        <Field label="Resolution" required validationMessage={fieldError(error, "resolution")}>
          <Select value={resolution} onChange={(_, d) => setResolution(d.value as RmaResolution)}>
            {resolutions.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Expected date" required validationMessage={fieldError(error, "expectedDate")}>
          <Input type="date" min={today()} value={expectedDate} onChange={(_, d) => setExpectedDate(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={pending || expectedDate === ""}>
          Accept
        </Button>
      </form>
    </Card>
  );
}

function DateCard({ rma, pending, onChange }: { rma: RmaDetail; pending: boolean; onChange: (date: string) => void }) {
  const styles = useStyles();
  const [date, setDate] = useState(rma.expectedDate ?? "");
  return (
    <Card className={styles.card}>
      <form
        className={styles.card}
        onSubmit={(e) => {
          e.preventDefault();
          onChange(date);
        }}
      >
        <h2 className={styles.h2}>Expected date</h2>
        <Field label="New expected date" required>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Button type="submit" disabled={pending || date === "" || date === rma.expectedDate}>
          Change the date
        </Button>
      </form>
    </Card>
  );
}

function RejectCard({ pending, error, onReject }: { pending: boolean; error: unknown; onReject: (reason: string) => void }) {
  const styles = useStyles();
  const [reason, setReason] = useState("");
  return (
    <Card className={styles.card}>
      <form
        className={styles.card}
        onSubmit={(e) => {
          e.preventDefault();
          onReject(reason);
        }}
      >
        <h2 className={styles.h2}>Reject</h2>
        <Field label="Reason the customer reads" required validationMessage={fieldError(error, "reason")}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={1000} />
        </Field>
        <Button type="submit" disabled={pending || reason.trim() === ""}>
          Reject
        </Button>
      </form>
    </Card>
  );
}

function PublishCard({
  rma,
  pending,
  error,
  onPublish,
}: {
  rma: RmaDetail;
  pending: boolean;
  error: unknown;
  onPublish: (body: { type: string; number: string; date: string }) => void;
}) {
  const styles = useStyles();
  const [type, setType] = useState(rma.documents.some((d) => d.type === "goods-returns") ? "credit-notes" : "goods-returns");
  const [number, setNumber] = useState("");
  const [date, setDate] = useState(today());
  return (
    <Card className={styles.card}>
      <form
        className={styles.card}
        onSubmit={(e) => {
          e.preventDefault();
          onPublish({ type, number: number.trim(), date });
        }}
      >
        <h2 className={styles.h2}>Publish a document</h2>
        <p className={styles.hint}>With the request's lines at the invoice's prices; it names this request and its invoice.</p>
        <Field label="Document" required validationMessage={fieldError(error, "type")}>
          <Select value={type} onChange={(_, d) => setType(d.value)}>
            <option value="goods-returns">Goods return</option>
            <option value="credit-notes">Credit note</option>
          </Select>
        </Field>
        <Field label="Number" required validationMessage={fieldError(error, "number")}>
          <Input value={number} onChange={(_, d) => setNumber(d.value)} maxLength={50} />
        </Field>
        <Field label="Date" required validationMessage={fieldError(error, "date")}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Button type="submit" disabled={pending || number.trim() === "" || date === ""}>
          Publish
        </Button>
      </form>
    </Card>
  );
}
