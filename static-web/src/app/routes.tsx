import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { LoadingState } from "../lib/ui";
import { MainMenuPage } from "./MainMenuPage";
import { NotFoundPage } from "./NotFoundPage";
import { Shell } from "./Shell";

// Every page is its own chunk, so the first load carries only the shell; a page's code arrives when it opens.
function page<T, K extends keyof T>(load: () => Promise<T>, name: K & (T[K] extends ComponentType ? K : never)) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<LoadingState label="Opening the page…" />}>
      <Component />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: "/sign-in", element: page(() => import("../features/accounts/SignInPage"), "SignInPage") },
  {
    path: "/",
    element: <Shell />,
    children: [
      { index: true, element: <MainMenuPage /> },
      { path: "purchases", element: <Navigate to="/purchases/catalog" replace /> },
      { path: "purchases/catalog", element: page(() => import("./CatalogWithCart"), "CatalogWithCart") },
      { path: "purchases/catalog/:sku", element: page(() => import("../features/catalog/ProductPage"), "ProductPage") },
      { path: "purchases/compare", element: page(() => import("../features/catalog/ComparePage"), "ComparePage") },
      { path: "purchases/cart", element: page(() => import("../features/ordering/CartPage"), "CartPage") },
      { path: "purchases/orders", element: page(() => import("../features/ordering/OrdersPage"), "OrdersPage") },
      { path: "purchases/orders/:id", element: page(() => import("../features/ordering/OrderPage"), "OrderPage") },
      { path: "documents/quotations", element: page(() => import("../features/documents/QuotationsPage"), "QuotationsPage") },
      { path: "documents/quotations/:id", element: page(() => import("../features/documents/QuotationPage"), "QuotationPage") },
      { path: "reports/orders-statement", element: page(() => import("../features/ordering/OrdersStatementPage"), "OrdersStatementPage") },
      { path: "account", element: page(() => import("../features/accounts/AccountPage"), "AccountPage") },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
