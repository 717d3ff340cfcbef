// The one way a page shows a list of things (orders, documents, requests, balances): a table on a wide screen; on
// a phone either a stack of cards or the same table scrolling inside its own box, chosen per page.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { createElement, useSyncExternalStore, type ReactNode } from "react";
import { TableScroll, useDataTableStyles } from "./ui";

/** The width below which the shell folds its menu and lists change to their phone form (the shell uses the same). */
export const narrowScreenQuery = "(max-width: 767px)";

function subscribe(onChange: () => void) {
  if (typeof window === "undefined" || !window.matchMedia) return () => {};
  const query = window.matchMedia(narrowScreenQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const isNarrow = () => typeof window !== "undefined" && !!window.matchMedia && window.matchMedia(narrowScreenQuery).matches;

/**
 * True on a phone-sized screen. Read during the first render (not after it), so a list is drawn once in its final
 * form: no table that jumps into cards a moment later.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false);
}

export type ListColumn<T> = {
  /** The column's header in the table and the value's label on a card. */
  header: string;
  cell: (item: T) => ReactNode;
  /**
   * `number`: right-aligned and never wrapped (amounts, quantities); `nowrap`: a short value kept on one line
   * (numbers, dates, statuses); `text`: free text that wraps but keeps a readable width when the table scrolls.
   */
  kind?: "number" | "nowrap" | "text";
  /**
   * Where the value goes on a card: `title` (the card's heading: the thing's number, usually its link), `primary`
   * (the first line under it: status, date, total), `detail` (labelled, below; the default) or `none` (the table
   * only, for what a phone does not need).
   */
  card?: "title" | "primary" | "detail" | "none";
};

const useStyles = makeStyles({
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Primary values side by side, each with its small label above; they wrap to a new line rather than overlap.
  primary: {
    margin: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  primaryItem: { display: "grid", minWidth: 0 },
  // The rest as label : value lines; the label column is fixed so the values line up from card to card.
  details: { margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
  detailItem: { display: "grid", gridTemplateColumns: "minmax(0, 9em) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  labelInline: { color: tokens.colorNeutralForeground3, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, minWidth: 0, lineHeight: tokens.lineHeightBase300 },
});

/**
 * A list of things. Wide screens get a real table (headers, one row per thing). Below {@link narrowScreenQuery}
 * `phone="cards"` shows each thing as a card in a list: its heading (the `title` column), the `primary` values,
 * then the rest labelled; `phone="scroll"` keeps the table, which scrolls sideways in its own focusable box with
 * columns at their readable width (for reports a buyer compares across rows).
 */
export function DataList<T>({
  label,
  items,
  rowKey,
  columns,
  phone = "cards",
  headingLevel = 2,
  className,
}: {
  /** Names the table, the scroll region and the card list for assistive technology. */
  label: string;
  items: readonly T[];
  rowKey: (item: T) => string;
  columns: readonly ListColumn<T>[];
  phone?: "cards" | "scroll";
  /** The level of each card's heading: one below the heading the list sits under. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}) {
  const narrow = useNarrowScreen();
  return narrow && phone === "cards" ? (
    <ListCards label={label} items={items} rowKey={rowKey} columns={columns} headingLevel={headingLevel} className={className} />
  ) : (
    <ListTable label={label} items={items} rowKey={rowKey} columns={columns} className={className} />
  );
}

function ListTable<T>({ label, items, rowKey, columns, className }: { label: string; items: readonly T[]; rowKey: (item: T) => string; columns: readonly ListColumn<T>[]; className?: string }) {
  const styles = useDataTableStyles();
  const cellClass = (column: ListColumn<T>) => (column.kind ? styles[column.kind] : undefined);
  return (
    <TableScroll label={label}>
      <Table aria-label={label} className={mergeClasses(styles.table, className)}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.header} className={cellClass(column)}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={rowKey(item)}>
              {columns.map((column) => (
                <TableCell key={column.header} className={cellClass(column)}>
                  {column.cell(item)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function ListCards<T>({
  label,
  items,
  rowKey,
  columns,
  headingLevel,
  className,
}: {
  label: string;
  items: readonly T[];
  rowKey: (item: T) => string;
  columns: readonly ListColumn<T>[];
  headingLevel: 2 | 3 | 4;
  className?: string;
}) {
  const styles = useStyles();
  const title = columns.find((c) => c.card === "title") ?? columns[0];
  const primary = columns.filter((c) => c !== title && c.card === "primary");
  const details = columns.filter((c) => c !== title && (c.card ?? "detail") === "detail");
  return (
    // list-style none makes Safari drop the list semantics, hence the explicit role.
    <ul role="list" aria-label={label} className={mergeClasses(styles.cards, className)}>
      {items.map((item) => (
        <li key={rowKey(item)} className={styles.card} data-list-card="">
          {createElement(`h${headingLevel}`, { className: styles.title }, title.cell(item))}
          {primary.length > 0 && (
            <dl className={styles.primary}>
              {primary.map((column) => (
                <div key={column.header} className={styles.primaryItem}>
                  <dt className={styles.label}>{column.header}</dt>
                  <dd className={styles.value}>{column.cell(item)}</dd>
                </div>
              ))}
            </dl>
          )}
          {details.length > 0 && (
            <dl className={styles.details}>
              {details.map((column) => (
                <div key={column.header} className={styles.detailItem}>
                  <dt className={styles.labelInline}>{column.header}</dt>
                  <dd className={styles.value}>{column.cell(item)}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
