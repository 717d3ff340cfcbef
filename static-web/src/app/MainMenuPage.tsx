import { Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Link } from "react-router";
import { useMe } from "../lib/session";
import { PageHeader } from "../lib/ui";
import { menuFor } from "./menu";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalS },
  link: { fontWeight: tokens.fontWeightSemibold },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export function MainMenuPage() {
  const styles = useStyles();
  const me = useMe();
  const menu = menuFor(me.user.kind, me.companyAdministrator === true);
  return (
    <>
      <PageHeader title="Main menu" subtitle={`Welcome, ${me.user.displayName}.`} />
      <div className={styles.grid}>
        {menu.map((section) => (
          <Card key={section.title}>
            <CardHeader header={<h2 className={styles.sectionTitle}>{section.title}</h2>} />
            <ul className={styles.list}>
              {section.items.map((item) => (
                <li key={item.to}>
                  <Link className={styles.link} to={item.to}>
                    {item.label}
                  </Link>
                  <Text as="p" block size={200}>
                    {item.description}
                  </Text>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
