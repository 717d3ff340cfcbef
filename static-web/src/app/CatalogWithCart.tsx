// The seed's "Products cart" workplace: the catalog with the cart beside it, so products can be dragged onto
// the cart. The two features stay independent; this is the only place that puts them together.
import { CartPanel } from "../features/ordering/CartPanel";
import { CatalogPage } from "../features/catalog/CatalogPage";

export function CatalogWithCart() {
  return <CatalogPage aside={<CartPanel />} />;
}
