import type { RouteObject } from "react-router";
import { AccountGate } from "./AccountGate";
import { MainMenuPage } from "./MainMenuPage";
import { NotFoundPage } from "./NotFoundPage";
import { page, pages } from "./pages";
import { Shell } from "./Shell";

/** The app's routes: sign-in, then the shell with every declared page behind the check of who may open it. */
export const routes: RouteObject[] = [
  { path: "/sign-in", element: page(() => import("../features/accounts/SignInPage"), "SignInPage") },
  {
    path: "/",
    element: <Shell />,
    children: [
      { index: true, element: <MainMenuPage /> },
      ...pages.map((p) => ({ path: p.path, element: <AccountGate who={p.who}>{p.element}</AccountGate> })),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
