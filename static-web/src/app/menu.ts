// The main menu, laid out as the supplier's customers know it from the portal help (Main menu → Purchases,
// Documents from supplier, Reports…). Only areas that work are listed; later areas add their entries here.
export interface MenuSection {
  title: string;
  items: { label: string; to: string; description: string }[];
}

export const customerMenu: MenuSection[] = [
  {
    title: "Purchases",
    items: [
      { label: "Catalog", to: "/purchases/catalog", description: "Find products, compare them and put them into the cart." },
      { label: "Products cart", to: "/purchases/cart", description: "Review the cart and create an order." },
      { label: "Orders", to: "/purchases/orders", description: "Your orders and their lifecycle status." },
    ],
  },
  {
    title: "Documents from supplier",
    items: [{ label: "Quotations", to: "/documents/quotations", description: "Offers from your supplier; order from them." }],
  },
  {
    title: "Reports",
    items: [
      { label: "Orders statement", to: "/reports/orders-statement", description: "Ordered, shipped and pending quantities of orders in progress." },
    ],
  },
  {
    title: "Account",
    items: [{ label: "My account", to: "/account", description: "Contact information, password and colleagues." }],
  },
];

// Staff use the company side, which is not in the browser yet; they can still manage their own account.
export const staffMenu: MenuSection[] = [customerMenu[customerMenu.length - 1]!];
