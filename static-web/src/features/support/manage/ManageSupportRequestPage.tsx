import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, PlayRegular } from "@fluentui/react-icons";
import { useParams } from "react-router";
import { formatDateTime } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { SupportStatusBadge } from "../../../lib/support";
import { DetailPage, ErrorState, Notice, PageHeader } from "../../../lib/ui";
import { Conversation, MessageForm } from "../Conversation";
import { categoryLabel, usePostMessage } from "../api";
import { deskKeys, deskRequestBase, useAssign, useAssignees, useSetStatus, useStaffRequest, type StaffRequest } from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  facts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  assign: { maxWidth: "320px" },
});

/** One request at the desk: the conversation, the answer, assignment and status. */
export function ManageSupportRequestPage() {
  const { counterpartyId = "", id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/manage/support", label: "Back to the support desk" }} noun="support request" query={useStaffRequest(counterpartyId, id)}>
      {(request) => <StaffView staff={request} />}
    </DetailPage>
  );
}

function StaffView({ staff }: { staff: StaffRequest }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const request = staff.request;
  const base = deskRequestBase(staff.counterpartyId, request.id);
  const post = usePostMessage(base, deskKeys.all);
  const status = useSetStatus(staff.counterpartyId, request.id);
  const assign = useAssign(staff.counterpartyId, request.id);
  const assignees = useAssignees();
  const closed = request.status === "closed";

  const setStatus = (next: "inProgress" | "resolved") =>
    status.mutate(next, { onSuccess: () => announce(next === "resolved" ? "Marked resolved." : "Marked in progress.") });

  return (
    <div className={styles.stack}>
      <PageHeader
        title={`${request.number}: ${request.subject}`}
        subtitle={staff.counterpartyName}
        actions={
          !closed && (
            <>
              {request.status !== "inProgress" && (
                <Button icon={<PlayRegular />} onClick={() => setStatus("inProgress")} disabled={status.isPending}>
                  Mark in progress
                </Button>
              )}
              {request.status !== "resolved" && (
                <Button icon={<CheckmarkCircleRegular />} onClick={() => setStatus("resolved")} disabled={status.isPending}>
                  Mark resolved
                </Button>
              )}
            </>
          )
        }
      />
      {status.isError && <ErrorState error={status.error} />}
      {staff.awaitingAnswer && <Notice intent="warning" title="The customer is waiting for your answer." />}
      {closed && <Notice intent="info" title="The customer closed this request." />}
      <dl className={styles.facts}>
        <Fact term="Status">
          <SupportStatusBadge status={request.status} />
        </Fact>
        <Fact term="Category">{categoryLabel(request.category)}</Fact>
        {request.link && <Fact term="About">{request.link.label}</Fact>}
        <Fact term="Created">
          {formatDateTime(request.createdAt)} by {request.createdBy}
        </Fact>
      </dl>
      <Field label="Assigned to" className={styles.assign}>
        <Select
          value={staff.assignedToUserId ?? ""}
          disabled={assign.isPending}
          onChange={(_, d) => assign.mutate(d.value || null, { onSuccess: () => announce("Assignment saved.") })}
        >
          <option value="">Nobody</option>
          {(assignees.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {assign.isError && <ErrorState error={assign.error} />}
      <section aria-labelledby="conversation" className={styles.stack}>
        <h2 id="conversation" className={styles.h2}>
          Conversation
        </h2>
        <Conversation base={base} newest={request.messages.items} continuation={request.messages.continuation} supplierName="" viewer="staff" />
      </section>
      {!closed && (
        <section aria-labelledby="answer" className={styles.stack}>
          <h2 id="answer" className={styles.h2}>
            Answer
          </h2>
          <MessageForm label="Your answer" submitLabel="Send answer" send={(reply) => post.mutateAsync(reply)} pending={post.isPending} error={post.error} />
        </section>
      )}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.dd}>{children}</dd>
    </div>
  );
}
