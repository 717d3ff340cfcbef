// The states every page has — loading, empty, failed — look and read the same everywhere.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { describeError, isNotFound } from "./problems";

// Printing shows the page's content: actions (buttons, Print itself) and the way back stay on screen.
const print = "@media print";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    ":focus": { outline: "none" },
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, [print]: { display: "none" } },
  state: { padding: `${tokens.spacingVerticalXXL} 0` },
  empty: {
    padding: tokens.spacingVerticalXXL,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
    ...shorthands.border("1px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
  },
  // The box is as wide as its container and never wider: width 0 keeps a wide table from stretching the page (or a
  // grid column) on a phone, min-width 100% then fills the container. On paper nothing scrolls: the whole table prints.
  tableWrap: { overflowX: "auto", width: 0, minWidth: "100%", [print]: { overflowX: "visible" } },
  back: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalM,
    [print]: { display: "none" },
  },
  rowHeader: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalS}`,
    verticalAlign: "middle",
  },
});

/** The page's one h1. The shell moves focus to it after a navigation (hence tabIndex -1, and no outline). */
export function PageHeader({ title, actions, subtitle }: { title: string; actions?: ReactNode; subtitle?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <div>
        <h1 className={styles.title} tabIndex={-1}>
          {title}
        </h1>
        {subtitle && <Text as="p">{subtitle}</Text>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.state} role="status">
      <Spinner label={label} />
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.empty}>{children}</div>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.detail}
        {message.fields && (
          <ul>
            {Object.entries(message.fields).map(([field, texts]) => (
              <li key={field}>{texts.join(" ")}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Notice({ intent, title, children }: { intent: "success" | "info" | "warning"; title: string; children?: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * For data tables inside TableScroll: columns sized by their content (Fluent's tables share the width out equally,
 * which on a phone squeezes a number over the next column), so a narrow screen scrolls the table instead; numbers
 * and their headers on the right.
 */
export const useDataTableStyles = makeStyles({
  table: { tableLayout: "auto" },
  number: { textAlign: "right", whiteSpace: "nowrap", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  nowrap: { whiteSpace: "nowrap" },
  text: { minWidth: "12em" },
});

/** Wide tables scroll sideways on a phone instead of widening the page. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable), so it takes focus.
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A header for a table row (a characteristic's name); a native th, so it is announced as the row's header. */
export function RowHeader({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <th scope="row" className={styles.rowHeader}>
      {children}
    </th>
  );
}

/**
 * A page that shows one thing read by id (a product, an order, a quotation): the way back to its list, then its
 * loading state, "not found" (the API's 404 for anything that is not the customer's), another failure with a
 * retry, or the thing itself.
 */
export function DetailPage<T>({
  back,
  noun,
  query,
  children,
}: {
  back: { to: string; label: string };
  noun: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const styles = useStyles();
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <>
      <Link to={back.to} className={styles.back}>
        <ArrowLeftRegular aria-hidden /> {back.label}
      </Link>
      {query.isPending ? (
        <>
          <PageHeader title={title} />
          <LoadingState label={`Loading the ${noun}…`} />
        </>
      ) : query.isError ? (
        <>
          <PageHeader title={isNotFound(query.error) ? `${title} not found` : title} />
          <ErrorState error={query.error} onRetry={isNotFound(query.error) ? undefined : () => query.refetch()} />
        </>
      ) : (
        children(query.data)
      )}
    </>
  );
}
