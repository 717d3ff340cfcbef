import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import { useEffect } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "../../lib/format";
import { useMe } from "../../lib/session";
import { SupportStatusBadge, supportLinkPath } from "../../lib/support";
import { DetailPage, ErrorState, Notice, PageHeader } from "../../lib/ui";
import { Conversation, MessageForm } from "./Conversation";
import { categoryLabel, markRead, supportKeys, useCloseOrReopen, usePostMessage, useSupportRequest, type SupportRequestDetail } from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  facts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** One support request: what it is about, its status, the conversation, and replying, closing or reopening it. */
export function SupportRequestPage() {
  const { id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/support", label: "Back to support requests" }} noun="support request" query={useSupportRequest(id)}>
      {(request) => <RequestView request={request} />}
    </DetailPage>
  );
}

function RequestView({ request }: { request: SupportRequestDetail }) {
  const styles = useStyles();
  const me = useMe();
  const client = useQueryClient();
  const location = useLocation();
  const base = `/api/support-requests/${encodeURIComponent(request.id)}`;
  const post = usePostMessage(base, supportKeys.all);
  const status = useCloseOrReopen(request.id);
  const closed = request.status === "closed";
  const canReopen = request.reopenUntil != null && new Date(request.reopenUntil) > new Date();
  const fileFailures = (location.state as { fileFailures?: { fileName: string; reason: string }[] } | null)?.fileFailures ?? [];

  // Opening the request reads it: the list's "New reply" marker goes away.
  useEffect(() => {
    markRead(request.id)
      .then(() => client.invalidateQueries({ queryKey: ["support-requests", "list"] }))
      .catch(() => {});
  }, [request.id, request.lastMessageAt, client]);

  return (
    <div className={styles.stack}>
      <PageHeader
        title={`${request.number}: ${request.subject}`}
        actions={
          <>
            {!closed && (
              <Button icon={<CheckmarkCircleRegular />} onClick={() => status.mutate("close")} disabled={status.isPending}>
                Close request
              </Button>
            )}
            {(closed || request.status === "resolved") && canReopen && (
              <Button icon={<ArrowUndoRegular />} onClick={() => status.mutate("reopen")} disabled={status.isPending}>
                Reopen
              </Button>
            )}
          </>
        }
      />
      {status.isError && <ErrorState error={status.error} />}
      {fileFailures.length > 0 && (
        <Notice intent="warning" title="Your request was sent, but these files were not attached:">
          <ul>
            {fileFailures.map((f) => (
              <li key={f.fileName}>
                {f.fileName}: {f.reason}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {request.status === "resolved" && (
        <Notice intent="success" title="Your supplier marked this request resolved.">
          If the answer helps, close the request. If not, reply: that opens it again.
        </Notice>
      )}
      {closed && (
        <Notice intent="info" title="This request is closed.">
          {canReopen
            ? `You can reopen it until ${formatDate(request.reopenUntil)}; after that, create a new request.`
            : "To ask again, create a new request."}
        </Notice>
      )}
      <dl className={styles.facts}>
        <Fact term="Status">
          <SupportStatusBadge status={request.status} />
        </Fact>
        <Fact term="Category">{categoryLabel(request.category)}</Fact>
        {request.link && (
          <Fact term="About">
            <Link to={supportLinkPath(request.link)}>{request.link.label}</Link>
          </Fact>
        )}
        <Fact term="Created">
          {formatDateTime(request.createdAt)} by {request.createdBy}
        </Fact>
        {request.assignedTo && <Fact term="Handled by">{request.assignedTo}</Fact>}
      </dl>
      <section aria-labelledby="conversation" className={styles.stack}>
        <h2 id="conversation" className={styles.h2}>
          Conversation
        </h2>
        <Conversation
          base={base}
          newest={request.messages.items}
          continuation={request.messages.continuation}
          supplierName={me.companyName || "Supplier"}
          viewer="customer"
        />
      </section>
      {!closed ? (
        <section aria-labelledby="reply" className={styles.stack}>
          <h2 id="reply" className={styles.h2}>
            Reply
          </h2>
          <MessageForm label="Your message" submitLabel="Send reply" send={(reply) => post.mutateAsync(reply)} pending={post.isPending} error={post.error} />
        </section>
      ) : (
        <Text>Replies are closed.</Text>
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
