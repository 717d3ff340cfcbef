import type { ReactNode } from "react";
import { Link } from "react-router";
import { useMe } from "../lib/session";
import { PageHeader } from "../lib/ui";
import { mayOpen, type Audience } from "./pages";

/**
 * Opens a page only for the account kind it was declared for. Anyone else gets a plain explanation and the way
 * home instead of a page whose every request the API would refuse; the page's code is not even loaded.
 */
export function AccountGate({ who, children }: { who: Audience; children: ReactNode }) {
  const me = useMe();
  return mayOpen(who, me.user.kind) ? children : <NotForYourAccountPage who={who} />;
}

export function NotForYourAccountPage({ who }: { who: Audience }) {
  const me = useMe();
  const meant = who === "staff" ? "the supplier's staff" : "customers";
  const you = me.user.kind === "staff" ? "as staff" : `as a customer${me.counterparty ? ` (${me.counterparty.name})` : ""}`;
  return (
    <>
      <PageHeader title="This page is not for your account" />
      <p>
        This page is for {meant}; you are signed in {you}. Go to the <Link to="/">main menu</Link> for the pages of
        your account.
      </p>
    </>
  );
}
