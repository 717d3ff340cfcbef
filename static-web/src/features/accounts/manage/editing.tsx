// What the staff's edit pages share: the warning after a 412 (someone saved first: the page shows the latest
// version and says what changed), the styles of a form card, and the way back to the list.
import { makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../../../lib/api";
import { Notice } from "../../../lib/ui";

export const useFormStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "640px" },
  card: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  back: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, overflowWrap: "anywhere" },
});

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/** Shown after a 412: what the other person changed, and that the page now shows their version. */
export function StaleNotice({ changes }: { changes: string | null }) {
  return changes ? (
    <Notice intent="warning" title={changes}>
      The latest version is shown now; check it and save again.
    </Notice>
  ) : null;
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  const styles = useFormStyles();
  return (
    <Link to={to} className={styles.back}>
      <ArrowLeftRegular aria-hidden /> {children}
    </Link>
  );
}

/** A key the company chooses for a thing, suggested from its name: "Tools & Safety" → "tools-safety". */
export function suggestId(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

/** The API's rule for such keys. */
export function idProblem(id: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? undefined : "Use 1–64 letters, digits, '-' or '_'.";
}
