// The main menu, laid out as the supplier's customers know it from the portal help (Main menu → Purchases,
// Documents from supplier, Reports…) and, for the supplier's staff, the company workplace (Sales, Catalog…). It is made from the
// page declarations, so it lists exactly the pages the user may open; a new page adds its entry there.
import type { AccountKind } from "../lib/session";
import { mayOpen, menuSections, pages, type MenuSectionTitle } from "./pages";

export interface MenuItem {
  label: string;
  to: string;
  description: string;
}

export interface MenuSection {
  title: MenuSectionTitle;
  items: MenuItem[];
}

export function menuFor(kind: AccountKind, administrator = false): MenuSection[] {
  return menuSections
    .map((title) => ({
      title,
      items: pages
        .filter((p) => p.menu?.section === title && mayOpen(p.who, kind) && (!p.administratorsOnly || administrator))
        .map((p) => ({ label: p.menu!.label, to: `/${p.path}`, description: p.menu!.description })),
    }))
    .filter((section) => section.items.length > 0);
}
