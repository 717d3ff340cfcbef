import { Card, makeStyles, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";
import { ErrorState, LoadingState } from "../../lib/ui";
import type { ContactInformation } from "./api";

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-line" },
});

/** Account → View contact information: how to reach the supplier, and the company's own account manager there. */
export function SupplierContacts() {
  const styles = useStyles();
  const contacts = useQuery({
    queryKey: ["account", "contacts"],
    queryFn: ({ signal }) => api.get<ContactInformation>("/api/account/contacts", signal),
    staleTime: 5 * 60_000,
  });
  return (
    <Card role="region" aria-labelledby="supplier-contacts-title">
      <h2 className={styles.h2} id="supplier-contacts-title">
        Supplier contacts
      </h2>
      {contacts.isPending ? (
        <LoadingState label="Loading the supplier's contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />
      ) : (
        <>
          <Facts
            facts={[
              ["Company", contacts.data.supplier.companyName],
              ["Address", contacts.data.supplier.address],
              ["Phone", contacts.data.supplier.phone, contacts.data.supplier.phone && `tel:${contacts.data.supplier.phone.replace(/\s/g, "")}`],
              ["E-mail", contacts.data.supplier.email, contacts.data.supplier.email && `mailto:${contacts.data.supplier.email}`],
              ["Hours", contacts.data.supplier.hours],
            ]}
          />
          {contacts.data.manager && (
            <>
              <h3 className={styles.h3}>Your account manager</h3>
              <Facts
                facts={[
                  ["Name", contacts.data.manager.name],
                  ["Phone", contacts.data.manager.phone, contacts.data.manager.phone && `tel:${contacts.data.manager.phone.replace(/\s/g, "")}`],
                  ["E-mail", contacts.data.manager.email, contacts.data.manager.email && `mailto:${contacts.data.manager.email}`],
                ]}
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}

function Facts({ facts }: { facts: [string, string | null | undefined, (string | null | undefined)?][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts
        .filter(([, value]) => value)
        .map(([term, value, href]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{href ? <a href={href}>{value}</a> : value}</dd>
          </div>
        ))}
    </dl>
  );
}
