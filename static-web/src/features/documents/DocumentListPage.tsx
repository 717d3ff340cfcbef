import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  SearchBox,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CartRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useFillCartForReview } from "../../lib/cart";
import { formatDate, formatMoney } from "../../lib/format";
import { AskAboutLink } from "../../lib/support";
import { DataList, type ListColumn } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader, useDataTableStyles } from "../../lib/ui";
import { exportPath, useDocuments, type DocumentFilters, type DocumentSummary, type DocumentType } from "./api";
import { DocumentStatusBadge, RelatedLink, documentTypes, isOrderOrRma, statusLabel } from "./documentTypes";

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "end",
    marginBottom: tokens.spacingVerticalL,
  },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  reason: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  related: { display: "flex", flexDirection: "column" },
});

function readFilters(params: URLSearchParams): DocumentFilters {
  return {
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    status: params.get("status") ?? "",
    overdue: params.get("overdue") === "true",
    number: params.get("number") ?? "",
  };
}

/** The list of one document type (the app opens it once per menu entry): newest first, filtered, exportable. */
export function DocumentListPage({ type }: { type: DocumentType }) {
  const info = documentTypes[type];
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [typed, setTyped] = useState(filters.number);
  const documents = useDocuments(type, filters);
  const filtered = filters.from !== "" || filters.to !== "" || filters.status !== "" || filters.overdue || filters.number !== "";

  // Filters live in the address, so a filtered list can be bookmarked and Back returns to it. The change is applied
  // at once (not as a transition), so a checkbox or a date being typed never shows its old value for a moment.
  function setFilter(name: keyof DocumentFilters, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, flushSync: true },
    );
  }

  // The number is searched as one types, once typing pauses, so each key press does not cost a request.
  useEffect(() => {
    if (typed === filters.number) return;
    const timer = window.setTimeout(() => setFilter("number", typed.trim()), 350);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const clear = () => {
    setTyped("");
    setParams({}, { replace: true, flushSync: true });
  };

  const items = documents.data?.pages.flatMap((p) => p.items) ?? [];
  const noun = info.title.toLowerCase();
  return (
    <>
      <PageHeader
        title={info.title}
        subtitle={info.subtitle}
        actions={
          // A plain link: the browser downloads the file the API makes from the same filters.
          <Button as="a" href={exportPath(type, filters)} download icon={<ArrowDownloadRegular />}>
            Export CSV
          </Button>
        }
      />
      <div className={styles.filters} role="search" aria-label={`Filter ${noun}`}>
        <Field label="Number">
          <SearchBox
            value={typed}
            onChange={(_, d) => setTyped(d.value)}
            onKeyDown={(event) => event.key === "Enter" && setFilter("number", typed.trim())}
            placeholder="Beginning of the number"
          />
        </Field>
        <Field label="Status">
          <Select value={filters.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">All</option>
            {info.statuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {info.due && (
          <Checkbox label="Overdue only" checked={filters.overdue} onChange={(_, d) => setFilter("overdue", d.checked ? "true" : "")} />
        )}
        {filtered && <Button onClick={clear}>Clear filters</Button>}
      </div>
      {documents.isPending ? (
        <LoadingState label={`Loading ${noun}…`} />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => documents.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? `No ${noun} match these filters.` : info.empty}</EmptyState>
      ) : (
        <>
          <DocumentTable type={type} items={items} />
          {documents.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => documents.fetchNextPage()} disabled={documents.isFetchingNextPage}>
                {documents.isFetchingNextPage ? "Loading…" : `Show more ${noun}`}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function DocumentTable({ type, items }: { type: DocumentType; items: DocumentSummary[] }) {
  const info = documentTypes[type];
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const fill = useFillCartForReview();
  const [ordering, setOrdering] = useState<string | null>(null);

  // Create order: the quotation's lines go into the cart for review first, as on the quotation's page.
  const createOrder = (quotation: DocumentSummary) => {
    setOrdering(quotation.id);
    fill.start({ kind: "quotation", id: quotation.id, source: `quotation ${quotation.number}` });
  };

  // On a phone each document is a card: number, then date, status and amount; the rest labelled below.
  const columns: ListColumn<DocumentSummary>[] = [
    {
      header: "Number",
      card: "title",
      kind: "nowrap",
      cell: (document) => (
        <Link id={`number-${document.id}`} to={`/documents/${type}/${encodeURIComponent(document.id)}`}>
          {document.number}
        </Link>
      ),
    },
    { header: "Date", card: "primary", kind: "nowrap", cell: (document) => formatDate(document.date) },
    { header: "Status", card: "primary", kind: "nowrap", cell: (document) => <DocumentStatusBadge status={document.status} overdue={document.overdue} /> },
    ...(info.due ? [{ header: "Due date", kind: "nowrap", cell: (document) => formatDate(document.dueDate) } satisfies ListColumn<DocumentSummary>] : []),
    ...(info.validity
      ? [
          {
            header: "Valid until",
            kind: "nowrap",
            cell: (document) => (
              <>
                {formatDate(document.validUntil)}{" "}
                {document.expired && (
                  <Badge appearance="tint" color="danger">
                    Expired
                  </Badge>
                )}
              </>
            ),
          } satisfies ListColumn<DocumentSummary>,
        ]
      : []),
    ...(info.relatedColumn
      ? [
          {
            header: "Order or RMA request",
            cell: (document) => (
              <span className={styles.related}>
                {document.related.filter(isOrderOrRma).map((related) => (
                  <span key={`${related.type}-${related.number}`} className={styles.nowrap}>
                    <RelatedLink related={related} />
                  </span>
                ))}
              </span>
            ),
          } satisfies ListColumn<DocumentSummary>,
        ]
      : []),
    { header: "Amount", card: "primary", kind: "number", cell: (document) => formatMoney(document.total) },
    ...(info.validity
      ? [
          {
            header: "Action",
            kind: "text",
            cell: (document) => {
              const orderable = document.status === "issued" && !document.expired;
              const reasonId = `not-orderable-${document.id}`;
              return (
                <>
                  <Button
                    size="small"
                    icon={<CartRegular />}
                    onClick={() => createOrder(document)}
                    disabledFocusable={!orderable || fill.isPending}
                    aria-label={fill.isPending && ordering === document.id ? undefined : `Create order from ${document.number}`}
                    aria-describedby={orderable ? undefined : reasonId}
                  >
                    {fill.isPending && ordering === document.id ? "Adding…" : "Create order"}
                  </Button>
                  {!orderable && (
                    <span id={reasonId} className={styles.reason}>
                      {document.expired ? "Expired: its prices no longer apply." : `${statusLabel(document.status)}: it cannot be ordered.`}
                    </span>
                  )}
                </>
              );
            },
          } satisfies ListColumn<DocumentSummary>,
        ]
      : []),
    {
      header: "Questions",
      cell: (document) => <AskAboutLink link={{ type, id: document.id, label: `${info.singular} ${document.number}` }} describedBy={`number-${document.id}`} />,
    },
  ];

  return (
    <>
      {fill.isError && <ErrorState error={fill.error} />}
      <DataList label={info.title} items={items} rowKey={(d) => d.id} columns={columns} />
    </>
  );
}
