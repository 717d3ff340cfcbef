import {
  Button,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type ChangeEvent } from "react";
import { newIdempotencyKey } from "../../lib/api";
import { formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError } from "../../lib/problems";
import { ErrorState, Notice, TableScroll } from "../../lib/ui";
import { useAddQuickOrder, useCheckQuickOrder, type QuickOrderCheck } from "./api";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  text: { fontFamily: tokens.fontFamilyMonospace },
  number: { textAlign: "right" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const maxFileBytes = 20_000;

/**
 * Quick order: lines of "SKU, quantity" pasted or read from a CSV file. The server checks the whole text and says what
 * it recognised and, by line number, what it did not; Add puts the recognised lines into the cart in one step.
 */
export function QuickOrder() {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<{ text: string; check: QuickOrderCheck; key: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const check = useCheckQuickOrder();
  const add = useAddQuickOrder();
  const announce = useAnnounce();

  const runCheck = (value: string) =>
    check.mutate(value, {
      onSuccess: (result) => {
        // A new key per checked text: adding it again after a lost answer is the same request.
        setChecked({ text: value, check: result, key: newIdempotencyKey() });
        announce(`${result.lines.length} lines recognised, ${result.problems.length} not.`);
      },
    });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > maxFileBytes) {
      setFileProblem(`${file.name} is too large for a quick order; send at most 100 lines.`);
      return;
    }
    setFileProblem(null);
    const content = await file.text();
    setText(content);
    runCheck(content);
  };

  const current = checked && checked.text === text ? checked : null;
  return (
    <section className={styles.section} aria-labelledby="quick-order-title">
      <h2 className={styles.h2} id="quick-order-title">
        Quick order
      </h2>
      <Field label="SKU, quantity — one product a line" hint="Paste from a spreadsheet or type, e.g. HT-SPAN-01, 4" validationMessage={fileProblem ?? undefined}>
        <Textarea className={styles.text} value={text} onChange={(_, data) => setText(data.value)} rows={5} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={text.trim() === "" || check.isPending} onClick={() => runCheck(text)}>
          {check.isPending ? "Checking…" : "Check lines"}
        </Button>
        <label>
          Or upload a CSV file{" "}
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={readFile} />
        </label>
      </div>
      {check.isError && <ErrorState error={check.error} />}
      {current && (
        <>
          {current.check.problems.length > 0 && (
            <Notice intent="warning" title={`${current.check.problems.length} ${current.check.problems.length === 1 ? "line was" : "lines were"} not recognised`}>
              <ul className={styles.problems} aria-label="Lines not recognised">
                {current.check.problems.map((p) => (
                  <li key={p.line}>
                    Line {p.line}
                    {p.sku ? ` (${p.sku})` : ""}: {p.message}
                  </li>
                ))}
              </ul>
            </Notice>
          )}
          {current.check.lines.length > 0 && (
            <TableScroll label="Recognised lines">
              <Table aria-label="Recognised lines">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Line</TableHeaderCell>
                    <TableHeaderCell>Product</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>Quantity</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>Price</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {current.check.lines.map((l) => (
                    <TableRow key={l.line}>
                      <TableCell>{l.line}</TableCell>
                      <TableCell>
                        {l.name} ({l.sku})
                      </TableCell>
                      <TableCell className={styles.number}>
                        {formatQuantity(l.quantity)} {l.unit}
                      </TableCell>
                      <TableCell className={styles.number}>{formatMoney(l.unitPrice)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
          {current.check.lines.length > 0 && (
            <div>
              <Button
                appearance="primary"
                disabled={add.isPending}
                onClick={() =>
                  add.mutate(
                    { text: current.text, key: current.key },
                    {
                      onSuccess: ({ result }) => {
                        announce(`${result.added.length} ${result.added.length === 1 ? "line" : "lines"} added to the cart.`);
                        setText("");
                        setChecked(null);
                      },
                      onError: (error) => announce(describeError(error).title, "assertive"),
                    },
                  )
                }
              >
                {add.isPending ? "Adding…" : `Add ${current.check.lines.length} ${current.check.lines.length === 1 ? "line" : "lines"} to the cart`}
              </Button>
            </div>
          )}
          {add.isError && <ErrorState error={add.error} />}
        </>
      )}
    </section>
  );
}
