import { Button, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CartRegular, NavigationRegular, SignOutRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { ApiError, onSessionEnded, problemKind, request, setCsrfToken } from "../lib/api";
import { lineCount, useCart } from "../lib/cart";
import { isCustomer, MeContext, sessionQueryKey, useSession, type MeView } from "../lib/session";
import { ErrorState } from "../lib/ui";
import { menuFor, type MenuSection } from "./menu";

const narrow = "@media (max-width: 767px)";
// A printed page is the page's content only (a document, an order): no header, menu or skip link.
const print = "@media print";

const useStyles = makeStyles({
  skip: {
    position: "absolute",
    left: tokens.spacingHorizontalS,
    top: "-100px",
    zIndex: 10,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus": { top: tokens.spacingVerticalS },
    [print]: { display: "none" },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    [print]: { display: "none" },
  },
  brand: {
    color: tokens.colorNeutralForegroundOnBrand,
    textDecorationLine: "none",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    marginRight: "auto",
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  company: { display: "block", fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200 },
  who: { fontSize: tokens.fontSizeBase200, textAlign: "right", [narrow]: { display: "none" } },
  headerLink: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForegroundOnBrand,
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  menuButton: { display: "none", [narrow]: { display: "inline-flex" } },
  body: { display: "flex", minHeight: "calc(100vh - 56px)", [narrow]: { flexDirection: "column" }, [print]: { display: "block", minHeight: 0 } },
  nav: {
    flexShrink: 0,
    width: "230px",
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    [narrow]: { display: "none", width: "auto", borderRight: "none" },
    [print]: { display: "none" },
  },
  navOpen: { [narrow]: { display: "block" }, [print]: { display: "none" } },
  navSection: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "uppercase",
  },
  navList: { listStyleType: "none", margin: 0, padding: 0 },
  navLink: {
    display: "block",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    '&[aria-current="page"]': {
      backgroundColor: tokens.colorNeutralBackground1Selected,
      fontWeight: tokens.fontWeightSemibold,
      boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    },
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: tokens.spacingHorizontalXXL,
    [narrow]: { padding: tokens.spacingHorizontalM },
    [print]: { padding: 0 },
    ":focus": { outline: "none" },
  },
  centered: { padding: "20vh 0", display: "flex", justifyContent: "center" },
});

/**
 * The signed-in frame around every page: header, main menu, and the rules for the session —
 * not signed in or session ended → sign-in page, keeping the address to come back to.
 */
export function Shell() {
  const styles = useStyles();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  useEffect(() => {
    onSessionEnded((problem) => {
      if (window.location.pathname === "/sign-in") return;
      const hadSession = client.getQueryData(sessionQueryKey) !== undefined;
      const reason = problemKind(problem) === "external-access-off" ? "closed" : hadSession ? "ended" : undefined;
      navigate(signInPath(window.location.pathname + window.location.search), { replace: true, state: { reason } });
      // Nothing of the ended session may show again, not even from the cache.
      client.clear();
    });
    return () => onSessionEnded(null);
  }, [client, navigate]);

  if (session.isPending) {
    return (
      <div className={styles.centered}>
        <Spinner label="Opening the portal…" />
      </div>
    );
  }
  if (session.isError) {
    if (session.error instanceof ApiError && (session.error.status === 401 || session.error.status === 403)) {
      return <Navigate to={signInPath(location.pathname + location.search)} replace />;
    }
    return (
      <main className={styles.main}>
        <ErrorState error={session.error} onRetry={() => session.refetch()} />
      </main>
    );
  }
  return (
    <MeContext.Provider value={session.data.me}>
      <Frame me={session.data.me} />
    </MeContext.Provider>
  );
}

function signInPath(returnTo: string): string {
  return returnTo === "/" ? "/sign-in" : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

function Frame({ me }: { me: MeView }) {
  const styles = useStyles();
  const location = useLocation();
  // The phone menu is open on the page where it was opened; navigating anywhere closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const main = useRef<HTMLElement>(null);
  const customer = isCustomer(me);
  const menu = menuFor(me.user.kind, me.companyAdministrator === true);

  useMoveFocusToHeadingOnNavigation(main, location.pathname);
  useRecheckSessionOnNavigation(location.pathname);

  return (
    <>
      <a className={styles.skip} href="#main">
        Skip to main content
      </a>
      <header className={styles.header}>
        <Button
          className={styles.menuButton}
          appearance="primary"
          icon={<NavigationRegular />}
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
        >
          Menu
        </Button>
        <Link to="/" className={styles.brand}>
          Customer Portal
          <span className={styles.company}>{me.companyName}</span>
        </Link>
        {customer && <CartLink className={styles.headerLink} />}
        <div className={styles.who}>
          <div>{me.user.displayName}</div>
          <div>{me.counterparty?.name ?? "Staff"}</div>
        </div>
        <SignOutButton />
      </header>
      <div className={styles.body}>
        <nav id="main-menu" aria-label="Main menu" className={mergeClasses(styles.nav, menuOpen && styles.navOpen)}>
          {menu.map((section) => (
            <div key={section.title}>
              <p className={styles.navSection} id={menuSectionId(section.title)}>
                {section.title}
              </p>
              <ul className={styles.navList} aria-labelledby={menuSectionId(section.title)}>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className={styles.navLink} end={endsHere(item.to, menu)}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" ref={main} tabIndex={-1} className={styles.main}>
          <Outlet />
        </main>
      </div>
    </>
  );
}

/**
 * A menu entry is current on its page and the pages below it (an order under Orders), except where another entry
 * lives below it: My account (/account) is not current on Materials (/account/materials).
 */
function endsHere(to: string, menu: MenuSection[]): boolean {
  return to === "/" || menu.some((section) => section.items.some((item) => item.to.startsWith(`${to}/`)));
}

/** aria-labelledby takes a list of ids separated by spaces, so "Documents from supplier" must become one word. */
function menuSectionId(title: string): string {
  return `menu-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

function CartLink({ className }: { className: string }) {
  const cart = useCart();
  const count = lineCount(cart.data?.cart);
  return (
    <Link to="/purchases/cart" className={className}>
      <CartRegular fontSize={20} aria-hidden />
      Products cart ({count})
    </Link>
  );
}

function SignOutButton() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => request<void>("POST", "/api/auth/sign-out", { expectUnauthorized: true }),
    // Whether or not the server still knew the session, the browser forgets it.
    onSettled: () => {
      setCsrfToken(null);
      navigate("/sign-in", { replace: true, state: { reason: "signed-out" } });
      client.clear();
    },
  });
  return (
    <Button icon={<SignOutRegular />} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      Sign out
    </Button>
  );
}

/**
 * Pages may show cached data without asking the server, so a session ended elsewhere (sign-out in another tab,
 * access switched off) would go unnoticed. Re-reading /api/me on each navigation finds out at the next click;
 * a 401 then leads to sign-in through the API client.
 */
function useRecheckSessionOnNavigation(pathname: string) {
  const client = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void client.invalidateQueries({ queryKey: sessionQueryKey });
  }, [client, pathname]);
}

/**
 * A client-side navigation leaves focus on the link that was pressed. Moving it to the new page's h1 tells
 * screen reader users where they are and lets keyboard users start from the top of the page. Pages load
 * lazily, so the heading may appear a moment after the address changes.
 */
function useMoveFocusToHeadingOnNavigation(main: React.RefObject<HTMLElement | null>, pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const container = main.current;
    if (!container) return;
    // A page may swap its heading once its data arrives ("Product" → the product's name); focus follows the
    // heading until the user does something, then stays wherever they put it.
    const focusHeading = () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.tagName !== "H1") return;
      container.querySelector<HTMLElement>("h1")?.focus();
    };
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      window.removeEventListener("keydown", stop, true);
      window.removeEventListener("pointerdown", stop, true);
    };
    const observer = new MutationObserver(focusHeading);
    observer.observe(container, { childList: true, subtree: true });
    const timer = window.setTimeout(stop, 5000);
    window.addEventListener("keydown", stop, true);
    window.addEventListener("pointerdown", stop, true);
    // The pressed link still has focus; let it go so the heading can take it now or when it appears.
    (document.activeElement as HTMLElement | null)?.blur?.();
    focusHeading();
    return stop;
  }, [main, pathname]);
}
