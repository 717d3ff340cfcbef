// Support requests as other features show them: "Ask a question about this" on a document or order, and the
// requests already asked about it. The support pages themselves live in features/support; this small piece is here
// because documents and ordering use it too, and features do not import each other.
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChatHelpRegular } from "@fluentui/react-icons";
import { useQuery } from "@tanstack/react-query";
import type { MouseEvent, ReactElement, ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { api, withQuery, type Schema } from "./api";
import { formatDateTime } from "./format";

export type SupportStatus = Schema<"SupportStatus">;
export type SupportRequestSummary = Schema<"SupportRequestSummaryView">;
export type SupportLink = Schema<"SupportLinkView">;

/** The lifecycle: Open → In progress → Resolved → Closed. */
export const supportStatuses: { value: SupportStatus; label: string; color: "informative" | "warning" | "success" | "subtle" }[] = [
  { value: "open", label: "Open", color: "informative" },
  { value: "inProgress", label: "In progress", color: "warning" },
  { value: "resolved", label: "Resolved", color: "success" },
  { value: "closed", label: "Closed", color: "subtle" },
];

export function SupportStatusBadge({ status }: { status: string }) {
  const info = supportStatuses.find((s) => s.value === status) ?? { label: status, color: "subtle" as const };
  return (
    <Badge appearance="tint" color={info.color}>
      {info.label}
    </Badge>
  );
}

/** Where a linked thing opens in the portal: a document's page or an order's page. */
export function supportLinkPath(link: Pick<SupportLink, "type" | "id">): string {
  if (link.type === "orders") return `/purchases/orders/${encodeURIComponent(link.id)}`;
  if (link.type === "rma-requests") return `/returns/rma-requests/${encodeURIComponent(link.id)}`;
  return `/documents/${link.type}/${encodeURIComponent(link.id)}`;
}

/** The new-request page, already about one document or order. */
export function askAboutPath(link: SupportLink): string {
  return withQuery("/support/new", { linkType: link.type, linkId: link.id, label: link.label });
}

export const linkedSupportKey = (type: string, id: string) => ["support-requests", "linked", type, id] as const;

export function useLinkedSupportRequests(type: string, id: string) {
  return useQuery({
    queryKey: linkedSupportKey(type, id),
    queryFn: ({ signal }) =>
      api.get<Schema<"ListPageOfSupportRequestSummaryView">>(withQuery("/api/support-requests", { linkedType: type, linkedId: id, pageSize: 20 }), signal),
    staleTime: 0,
  });
}

/** A button that is a link within the portal: the router opens it; Ctrl- or middle-click opens a new tab as links do. */
function ButtonLink({ to, icon, describedBy, size, appearance, children }: {
  to: string;
  icon: ReactElement;
  describedBy?: string;
  size?: "small" | "medium";
  appearance?: "subtle" | "secondary";
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const open = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Button as="a" href={to} size={size} appearance={appearance} icon={icon} aria-describedby={describedBy} onClick={open}>
      {children}
    </Button>
  );
}

/**
 * A small link for a row of a list: "Ask a question" about this one document. Its name stays short (the row says
 * which document); <paramref name="describedBy"/> names the element that says it, for screen readers.
 */
export function AskAboutLink({ link, describedBy }: { link: SupportLink; describedBy?: string }) {
  return (
    <ButtonLink to={askAboutPath(link)} size="small" appearance="subtle" icon={<ChatHelpRegular />} describedBy={describedBy}>
      Ask a question
    </ButtonLink>
  );
}

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS, justifyItems: "start" },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  print: { "@media print": { display: "none" } },
});

/**
 * "Questions about this": the requests the company asked about one document or order, and the way to ask another.
 * Not printed: it is about the portal, not the document.
 */
export function SupportForThis({ link }: { link: SupportLink }) {
  const styles = useStyles();
  const requests = useLinkedSupportRequests(link.type, link.id);
  const items = requests.data?.items ?? [];
  return (
    <section aria-labelledby="support-for-this" className={`${styles.section} ${styles.print}`}>
      <h2 id="support-for-this" className={styles.h2}>
        Questions about this
      </h2>
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((r) => (
            <li key={r.id}>
              <Link to={`/support/${encodeURIComponent(r.id)}`}>
                {r.number}: {r.subject}
              </Link>{" "}
              <SupportStatusBadge status={r.status} />{" "}
              {r.unread && (
                <Badge appearance="filled" color="brand">
                  New reply
                </Badge>
              )}{" "}
              <Text size={200} className={styles.meta}>
                last message {formatDateTime(r.lastMessageAt)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {requests.isError && <Text className={styles.meta}>The questions about this could not be loaded.</Text>}
      <ButtonLink to={askAboutPath(link)} icon={<ChatHelpRegular />}>
        Ask a question about this
      </ButtonLink>
    </section>
  );
}
