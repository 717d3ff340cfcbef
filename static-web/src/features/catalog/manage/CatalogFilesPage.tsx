import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { ApiError } from "../../../lib/api";
import { useAnnounce } from "../../../lib/live";
import { describeError } from "../../../lib/problems";
import { DataList, type ListColumn } from "../../../lib/list";
import { ErrorState, Notice, PageHeader } from "../../../lib/ui";
import {
  applyImport,
  fieldLabel,
  lineProblems,
  previewImport,
  problemsCsv,
  type FieldChange,
  type ImportKind,
  type ImportPreview,
  type LineProblem,
  type PriceImportPreview,
  type ProductImportPreview,
} from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "100%" },
  card: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "720px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, ":focus": { outline: "none" } },
  h3: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-word" },
  file: { maxWidth: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  old: { color: tokens.colorNeutralForeground2 },
});

const kinds: Record<ImportKind, { label: string; columns: string; noun: [string, string] }> = {
  products: {
    label: "Products",
    columns:
      "sku, name, description, categoryId, unit, unitPrecision, price, defaultWarehouseId, active, then any stock:{warehouse} and char:{characteristic} columns",
    noun: ["product", "products"],
  },
  prices: {
    label: "Customer prices",
    columns: "counterpartyId, sku, price (an empty price removes the customer's own price, so the list price applies again)",
    noun: ["price", "prices"],
  },
};

function count(n: number, [one, many]: [string, string]): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/**
 * Staff: load the catalog from a file. The file is checked whole and compared with the catalog first (nothing is
 * written); the clerk sees what would be new and what would change, field by field, and then applies the same file.
 * A refused file shows every problem with its line, and the report can be downloaded for whoever fixes the file.
 */
export function CatalogFilesPage() {
  const styles = useStyles();
  const announce = useAnnounce();
  const [kind, setKind] = useState<ImportKind>("products");
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const preview = useMutation({ mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => previewImport(kind, file) });
  const apply = useMutation({ mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => applyImport(kind, file) });
  const reset = () => {
    preview.reset();
    apply.reset();
  };

  // Whatever the outcome, move to it: the heading of the preview, the problems or the result.
  const outcome = preview.status + apply.status;
  useEffect(() => {
    if (outcome !== "idleidle" && !preview.isPending && !apply.isPending) resultHeading.current?.focus();
  }, [outcome, preview.isPending, apply.isPending]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      announce("Choose a file first.", "assertive");
      return;
    }
    reset();
    preview.mutate(
      { kind, file },
      {
        onSuccess: (result) => announce(summary(result)),
        onError: (error) => announce(lineProblems(error) ? "The file was refused; nothing was written." : describeError(error).title, "assertive"),
      },
    );
  };

  const applyFile = () => {
    if (!file || !preview.data) return;
    apply.mutate(
      { kind: preview.data.kind, file },
      {
        onSuccess: (result) => announce(`Applied: ${count(result.imported, kinds[preview.data!.kind].noun)} imported.`),
        onError: (error) => announce(lineProblems(error) ? "The file was refused; nothing was written." : describeError(error).title, "assertive"),
      },
    );
  };

  const failure = apply.error ?? preview.error;
  const problems = lineProblems(failure);
  return (
    <>
      <PageHeader title="Catalog files" subtitle="Load products or customer prices from a file: see what it changes, then apply it." />
      <div className={styles.stack}>
        <Card>
          <form className={styles.card} onSubmit={submit} noValidate aria-labelledby="catalog-file-heading">
            <h2 className={styles.h2} id="catalog-file-heading">
              Choose a file
            </h2>
            <Field label="What the file holds">
              <RadioGroup
                value={kind}
                onChange={(_, data) => {
                  setKind(data.value as ImportKind);
                  reset();
                }}
              >
                <Radio value="products" label={kinds.products.label} />
                <Radio value="prices" label={kinds.prices.label} />
              </RadioGroup>
            </Field>
            <Text className={styles.hint}>
              CSV with a header row, or NDJSON (one JSON object a line), at most 20,000 lines and 8 MB. Columns:{" "}
              <span className={styles.code}>{kinds[kind].columns}</span>.
            </Text>
            <Field
              label="File (CSV or NDJSON)"
              required
              validationMessage={missingFile && !file ? "Choose a file first." : undefined}
            >
              {(fieldProps) => (
                <input
                  {...fieldProps}
                  ref={fileInput}
                  className={styles.file}
                  type="file"
                  accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setMissingFile(false);
                    reset();
                  }}
                />
              )}
            </Field>
            <Text className={styles.hint}>Nothing is written until you apply the file after the preview.</Text>
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={preview.isPending || apply.isPending}>
                {preview.isPending ? "Checking the file…" : "Preview changes"}
              </Button>
            </div>
          </form>
        </Card>

        {apply.isSuccess && preview.data ? (
          <section aria-labelledby="catalog-file-result">
            <h2 className={styles.h2} id="catalog-file-result" ref={resultHeading} tabIndex={-1}>
              File applied
            </h2>
            <Notice intent="success" title={`${count(apply.data.imported, kinds[preview.data.kind].noun)} imported.`}>
              {file?.name} is now in the catalog. Sending the same file again changes nothing.
            </Notice>
          </section>
        ) : problems ? (
          <Problems
            problems={problems}
            detail={failure instanceof ApiError ? failure.problem.detail : undefined}
            fileName={file?.name}
            headingRef={resultHeading}
          />
        ) : failure ? (
          <section aria-labelledby="catalog-file-result">
            <h2 className={styles.h2} id="catalog-file-result" ref={resultHeading} tabIndex={-1}>
              The file could not be checked
            </h2>
            <ErrorState error={failure} />
          </section>
        ) : preview.data ? (
          <Preview result={preview.data} headingRef={resultHeading} onApply={applyFile} applying={apply.isPending} />
        ) : null}
      </div>
    </>
  );
}

function summary({ kind, preview }: ImportPreview): string {
  const noun = kinds[kind].noun;
  if (kind === "products") {
    const p = preview as ProductImportPreview;
    return `${count(p.total, noun)} in the file: ${p.newCount} new, ${p.changedCount} changed, ${p.unchangedCount} unchanged.`;
  }
  const p = preview as PriceImportPreview;
  return `${count(p.total, noun)} in the file: ${p.newCount} new, ${p.changedCount} changed, ${p.removedCount} removed, ${p.unchangedCount} unchanged.`;
}

function Preview({
  result,
  headingRef,
  onApply,
  applying,
}: {
  result: ImportPreview;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onApply: () => void;
  applying: boolean;
}) {
  const styles = useStyles();
  const changes =
    result.kind === "products"
      ? result.preview.newCount + result.preview.changedCount
      : result.preview.newCount + result.preview.changedCount + result.preview.removedCount;
  return (
    <section aria-labelledby="catalog-file-result">
      <h2 className={styles.h2} id="catalog-file-result" ref={headingRef} tabIndex={-1}>
        What this file changes
      </h2>
      <Text as="p">{summary(result)}</Text>
      <Text as="p" className={styles.hint}>
        The preview lists at most {result.preview.listLimit.toLocaleString()} lines of each kind; the counts cover the whole file. Nothing has been
        written yet.
      </Text>
      {result.kind === "products" ? <ProductTables preview={result.preview} /> : <PriceTables preview={result.preview} />}
      <div className={styles.actions}>
        {changes === 0 ? (
          <Notice intent="info" title="Nothing to change.">
            The catalog already holds everything in this file.
          </Notice>
        ) : (
          <Button appearance="primary" onClick={onApply} disabled={applying}>
            {applying ? "Applying…" : `Apply the file (${changes.toLocaleString()} ${changes === 1 ? "change" : "changes"})`}
          </Button>
        )}
      </div>
    </section>
  );
}

function Listed({ title, total, listed, children }: { title: string; total: number; listed: number; children: ReactNode }) {
  const styles = useStyles();
  if (total === 0) return null;
  return (
    <>
      <h3 className={styles.h3}>
        {title} ({total.toLocaleString()})
      </h3>
      {listed < total && (
        <Text as="p" className={styles.hint}>
          The first {listed.toLocaleString()} of {total.toLocaleString()} are listed.
        </Text>
      )}
      {children}
    </>
  );
}

function ProductTables({ preview }: { preview: ProductImportPreview }) {
  const styles = useStyles();
  type Line = ProductImportPreview["new"][number];
  const line: ListColumn<Line> = { header: "Line", cell: (p) => p.line, kind: "number" };
  const sku: ListColumn<Line> = { header: "SKU", cell: (p) => p.sku, kind: "nowrap" };
  const name: ListColumn<Line> = { header: "Name", cell: (p) => p.name, kind: "text" };
  return (
    <>
      <Listed title="New products" total={preview.newCount} listed={preview.new.length}>
        <DataList label="New products" phone="scroll" items={preview.new} rowKey={(p) => p.sku} columns={[line, sku, name]} />
      </Listed>
      <Listed title="Changed products" total={preview.changedCount} listed={preview.changed.length}>
        <DataList
          label="Changed products"
          phone="scroll"
          items={preview.changed}
          rowKey={(p) => p.sku}
          columns={[
            line,
            sku,
            name,
            {
              header: "Changes (now → in the file)",
              kind: "text",
              cell: (p) => (
                <ul className={styles.changes}>
                  {p.changes.map((c) => (
                    <li key={c.field}>
                      <Change change={c} />
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Listed>
    </>
  );
}

function Change({ change }: { change: FieldChange }) {
  const styles = useStyles();
  return (
    <>
      {fieldLabel(change.field)}: <span className={styles.old}>{change.old ?? "(empty)"}</span> → {change.new ?? "(empty)"}
    </>
  );
}

function PriceTables({ preview }: { preview: PriceImportPreview }) {
  const styles = useStyles();
  type Line = PriceImportPreview["new"][number];
  const table = (label: string, rows: Line[], price: ListColumn<Line>) => (
    <DataList
      label={label}
      phone="scroll"
      items={rows}
      rowKey={(p) => `${p.counterpartyId}/${p.sku}`}
      columns={[
        { header: "Line", cell: (p) => p.line, kind: "number" },
        { header: "Customer", cell: (p) => p.counterpartyName, kind: "text" },
        { header: "SKU", cell: (p) => p.sku, kind: "nowrap" },
        { header: "Product", cell: (p) => p.productName, kind: "text" },
        price,
      ]}
    />
  );
  return (
    <>
      <Listed title="New prices" total={preview.newCount} listed={preview.new.length}>
        {table("New prices", preview.new, { header: "Price", cell: (p) => p.newPrice, kind: "number" })}
      </Listed>
      <Listed title="Changed prices" total={preview.changedCount} listed={preview.changed.length}>
        {table("Changed prices", preview.changed, {
          header: "Now → in the file",
          kind: "number",
          cell: (p) => (
            <>
              <span className={styles.old}>{p.oldPrice}</span> → {p.newPrice}
            </>
          ),
        })}
      </Listed>
      <Listed title="Removed prices (the list price applies again)" total={preview.removedCount} listed={preview.removed.length}>
        {table("Removed prices", preview.removed, { header: "Price now", cell: (p) => p.oldPrice, kind: "number" })}
      </Listed>
    </>
  );
}

/** The per-line report of a refused file, as a table and as a CSV file to hand to whoever fixes the file. */
function Problems({
  problems,
  detail,
  fileName,
  headingRef,
}: {
  problems: LineProblem[];
  detail?: string;
  fileName?: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const styles = useStyles();
  const download = () => {
    const url = URL.createObjectURL(new Blob([problemsCsv(problems)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${(fileName ?? "catalog-file").replace(/\.[^.]+$/, "")}-problems.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section aria-labelledby="catalog-file-result">
      <h2 className={styles.h2} id="catalog-file-result" ref={headingRef} tabIndex={-1}>
        Problems in the file
      </h2>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The file was refused; nothing was written.</MessageBarTitle>
          {detail ?? "Fix the lines below and send the whole file again."}
        </MessageBarBody>
      </MessageBar>
      <DataList
        label="Problems by line"
        phone="scroll"
        items={problems.map((p, i) => ({ ...p, key: String(i) }))}
        rowKey={(p) => p.key}
        columns={[
          { header: "Line", cell: (p) => p.line ?? "—", kind: "number" },
          { header: "Column", cell: (p) => fieldLabel(p.field), kind: "nowrap" },
          { header: "Problem", cell: (p) => p.message, kind: "text" },
        ]}
      />
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} onClick={download}>
          Download the report (CSV)
        </Button>
      </div>
    </section>
  );
}
