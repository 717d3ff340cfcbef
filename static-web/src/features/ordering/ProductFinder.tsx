import { Button, Checkbox, Field, SearchBox, Select, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useFavourites } from "../../lib/favourites";
import { ProductCard } from "../../lib/productCard";
import { useCategories, useProducts, type ProductSummary } from "../../lib/products";
import { EmptyState, ErrorState, LoadingState } from "../../lib/ui";
import { useRecentlyOrdered } from "./api";

const useStyles = makeStyles({
  finder: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // A grid, not a wrapping row: the search box grows a clear button while focused, and a row that wrapped by content
  // would jump when it goes, moving the products under the pointer between mouse down and up.
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  grid: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

type Source = "search" | "recent" | "favourites";

/**
 * The cart page's product finder: search and categories, the company's recently ordered products and the buyer's
 * favourites. Each product is dragged onto the cart or added with its button; Compare puts it beside the cart's lines.
 */
export function ProductFinder({ compared, onToggleCompare }: { compared: string[]; onToggleCompare: (product: ProductSummary) => void }) {
  const styles = useStyles();
  const [source, setSource] = useState<Source>("search");
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const categories = useCategories();
  const products = useProducts(search, category, source === "search");
  const recent = useRecentlyOrdered(source === "recent");
  const favourites = useFavourites();

  // Searching as one types, once typing pauses, so each key press does not cost a request.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), 350);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const query = source === "search" ? products : source === "recent" ? recent : favourites;
  const items: ProductSummary[] =
    source === "search" ? (products.data?.pages.flatMap((p) => p.items) ?? []) : source === "recent" ? (recent.data?.items ?? []) : (favourites.data?.items ?? []);
  const empty =
    source === "search"
      ? `No products match${search ? ` “${search}”` : ""}${category ? " in this category" : ""}.`
      : source === "recent"
        ? "Your company has not ordered anything yet."
        : "No favourites yet: star a product to find it here.";

  return (
    <section className={styles.finder} aria-labelledby="finder-title">
      <h2 className={styles.h2} id="finder-title">
        Find products
      </h2>
      <Text className={styles.meta}>Drag a product onto the cart, or use its Add to cart button.</Text>
      <TabList selectedValue={source} onTabSelect={(_, data) => setSource(data.value as Source)} aria-label="Where to look">
        <Tab value="search">Search</Tab>
        <Tab value="recent">Recently ordered</Tab>
        <Tab value="favourites">Favourites</Tab>
      </TabList>
      {source === "search" && (
        <div role="search" className={styles.filters}>
          <Field label="Search products">
            <SearchBox value={typed} onChange={(_, data) => setTyped(data.value)} placeholder="Name or SKU" />
          </Field>
          <Field label="Category">
            <Select value={category} onChange={(_, data) => setCategory(data.value)}>
              <option value="">All categories</option>
              {categories.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {query.isPending ? (
        <LoadingState label="Loading products…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <ul className={styles.grid} aria-label="Products found" data-testid="finder-products">
            {items.map((product) => (
              <li key={product.sku}>
                <ProductCard product={product} headingLevel={3}>
                  <Checkbox
                    label="Compare"
                    checked={compared.includes(product.sku)}
                    onChange={() => onToggleCompare(product)}
                    aria-describedby={`product-${product.sku}`}
                  />
                </ProductCard>
              </li>
            ))}
          </ul>
          {source === "search" && products.hasNextPage && (
            <Button onClick={() => products.fetchNextPage()} disabled={products.isFetchingNextPage}>
              {products.isFetchingNextPage ? "Loading…" : "Show more products"}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
