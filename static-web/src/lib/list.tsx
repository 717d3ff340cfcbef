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
   * (the first line under it: status, date, total), `detail` (labelled, below; the default), `plain` (under the
   * title without a label: a description, a download link) or `none` (the table only, for what a phone does not
   * need).
   */
  card?: "title" | "primary" | "detail" | "plain" | "none";
};

const useStyles = makeStyles({
  grid: { gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", columnGap: tokens.spacingHorizontalM },
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
  plain: { minWidth: 0 },
  primaryItem: { display: "grid", minWidth: 0 },
  // The rest as label : value lines; the label column is fixed so the values line up from card to card.
  details: { margin: 0, display: "grid", gap: tokens.spacingVerticalXS },
  detailItem: { display: "grid", gridTemplateColumns: "minmax(0, 9em) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  labelInline: { color: tokens.colorNeutralForeground3, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, minWidth: 0, lineHeight: tokens.lineHeightBase300 },
  strong: { fontWeight: tokens.fontWeightSemibold },
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
  wide = "table",
  headingLevel = 2,
  summary,
  className,
}: {
  /** Names the table, the scroll region and the card list for assistive technology. */
  label: string;
  items: readonly T[];
  rowKey: (item: T) => string;
  columns: readonly ListColumn<T>[];
  phone?: "cards" | "scroll";
  /** `cards` shows cards on every screen, side by side where there is room (materials: a description each). */
  wide?: "table" | "cards";
  /** The level of each card's heading: one below the heading the list sits under. */
  headingLevel?: 2 | 3 | 4;
  /** A closing row (totals), by column header; a table's last row, or a last card with the values labelled. */
  summary?: Readonly<Record<string, ReactNode>>;
  className?: string;
}) {
  const narrow = useNarrowScreen();
  const grid = useStyles();
  return wide === "cards" || (narrow && phone === "cards") ? (
    <ListCards
      label={label}
      items={items}
      rowKey={rowKey}
      columns={columns}
      headingLevel={headingLevel}
      summary={summary}
      className={mergeClasses(wide === "cards" && !narrow && grid.grid, className)}
    />
  ) : (
    <ListTable label={label} items={items} rowKey={rowKey} columns={columns} summary={summary} className={className} />
  );
}

type Parts<T> = {
  label: string;
  items: readonly T[];
  rowKey: (item: T) => string;
  columns: readonly ListColumn<T>[];
  summary?: Readonly<Record<string, ReactNode>>;
  className?: string;
};

function ListTable<T>({ label, items, rowKey, columns, summary, className }: Parts<T>) {
  const styles = useDataTableStyles();
  const strong = useStyles();
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
          {summary && (
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.header} className={mergeClasses(cellClass(column), strong.strong)}>
                  {summary[column.header]}
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function ListCards<T>({ label, items, rowKey, columns, headingLevel, summary, className }: Parts<T> & { headingLevel: 2 | 3 | 4 }) {
  const styles = useStyles();
  const title = columns.find((c) => c.card === "title") ?? columns[0];
  const primary = columns.filter((c) => c !== title && c.card === "primary");
  const plain = columns.filter((c) => c !== title && c.card === "plain");
  const details = columns.filter((c) => c !== title && (c.card ?? "detail") === "detail");
  return (
    // list-style none makes Safari drop the list semantics, hence the explicit role.
    <ul role="list" aria-label={label} className={mergeClasses(styles.cards, className)}>
      {items.map((item) => (
        <li key={rowKey(item)} className={styles.card} data-list-card="">
          {createElement(`h${headingLevel}`, { className: styles.title }, title.cell(item))}
          {plain.map((column) => {
            const value = column.cell(item);
            return value === null || value === undefined || value === false || value === "" ? null : (
              <div key={column.header} className={styles.plain}>
                {value}
              </div>
            );
          })}
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
      {summary && (
        <li className={styles.card}>
          <dl className={styles.details}>
            {columns
              .filter((column) => summary[column.header] !== undefined)
              .map((column) => (
                <div key={column.header} className={styles.detailItem}>
                  <dt className={styles.labelInline}>{column.header}</dt>
                  <dd className={mergeClasses(styles.value, styles.strong)}>{summary[column.header]}</dd>
                </div>
              ))}
          </dl>
        </li>
      )}
    </ul>
  );
}
