import {
  Button,
  Checkbox,
  Field,
  SearchBox,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useAnnounce } from "../../lib/live";
import { ProductCard } from "../../lib/productCard";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { useCategories, useProducts, type ProductSummary } from "./api";
import { useCompareSelection } from "./compareSelection";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 320px",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (max-width: 1023px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  aside: { position: "sticky", top: tokens.spacingVerticalL, "@media (max-width: 1023px)": { position: "static" } },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "end",
    marginBottom: tokens.spacingVerticalL,
  },
  search: { flexGrow: 1, minWidth: "200px" },
  grid: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(230px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  compareBar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** The catalog; the app puts the cart beside it (`aside`) so products can be dragged onto it. */
export function CatalogPage({ aside }: { aside?: ReactNode }) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const search = params.get("search") ?? "";
  const category = params.get("category") ?? "";
  const [typed, setTyped] = useState(search);
  const categories = useCategories();
  const products = useProducts(search, category);
  const compare = useCompareSelection();
  const navigate = useNavigate();
  const announce = useAnnounce();

  // Searching as one types, but only once typing pauses, so each key press does not cost a request.
  useEffect(() => {
    if (typed === search) return;
    const timer = window.setTimeout(() => setFilter("search", typed), 350);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  function setFilter(name: "search" | "category", value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  useEffect(() => {
    if (products.isSuccess && !products.isFetching) {
      announce(items.length === 0 ? "No products found." : `${items.length} products shown.`);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [products.isSuccess, products.isFetching, search, category]);

  return (
    <>
      <PageHeader title="Catalog" subtitle="Drag a product onto the cart, or use its Add to cart button." />
      <div className={styles.layout}>
        <section aria-label="Products">
          <div role="search" className={styles.filters}>
            <Field label="Search products" className={styles.search}>
              <SearchBox
                value={typed}
                onChange={(_, data) => setTyped(data.value)}
                placeholder="Name or SKU"
                onKeyDown={(event) => event.key === "Enter" && setFilter("search", typed)}
              />
            </Field>
            <Field label="Category">
              <Select value={category} onChange={(_, data) => setFilter("category", data.value)}>
                <option value="">All categories</option>
                {categories.data?.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>

          {compare.skus.length > 0 && (
            <div className={styles.compareBar} role="group" aria-label="Products to compare">
              <Text>
                {compare.skus.length} selected to compare{compare.skus.length < 2 ? " (choose at least 2)" : ""}.
              </Text>
              <Button
                appearance="primary"
                disabled={compare.skus.length < 2}
                onClick={() => navigate(`/purchases/compare?skus=${compare.skus.map(encodeURIComponent).join(",")}`)}
              >
                Compare selected
              </Button>
              <Button onClick={compare.clear}>Clear selection</Button>
            </div>
          )}

          {products.isPending ? (
            <LoadingState label="Loading products…" />
          ) : products.isError ? (
            <ErrorState error={products.error} onRetry={() => products.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState>
              No products match{search ? ` “${search}”` : ""}
              {category ? " in this category" : ""}. Try another search or category.
            </EmptyState>
          ) : (
            <>
              <ul className={styles.grid} aria-label="Products found">
                {items.map((product) => (
                  <li key={product.sku}>
                    <CatalogCard
                      product={product}
                      selected={compare.skus.includes(product.sku)}
                      canSelectMore={compare.skus.length < compare.max}
                      onToggleCompare={() => compare.toggle(product.sku)}
                    />
                  </li>
                ))}
              </ul>
              <div className={styles.more}>
                {products.hasNextPage ? (
                  <Button onClick={() => products.fetchNextPage()} disabled={products.isFetchingNextPage}>
                    {products.isFetchingNextPage ? "Loading…" : "Show more products"}
                  </Button>
                ) : (
                  <Text className={styles.meta}>All {items.length} products are shown.</Text>
                )}
              </div>
            </>
          )}
        </section>
        {aside && <div className={styles.aside}>{aside}</div>}
      </div>
    </>
  );
}

function CatalogCard(props: {
  product: ProductSummary;
  selected: boolean;
  canSelectMore: boolean;
  onToggleCompare: () => void;
}) {
  return (
    <ProductCard product={props.product}>
      <Checkbox
        label="Compare"
        checked={props.selected}
        disabled={!props.selected && !props.canSelectMore}
        onChange={props.onToggleCompare}
        aria-describedby={`product-${props.product.sku}`}
      />
    </ProductCard>
  );
}
