import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

// One pair of live regions for the whole app. They exist from the first render, because screen readers
// ignore a live region that appears together with its message.
type Announce = (message: string, urgency?: "polite" | "assertive") => void;

const AnnounceContext = createContext<Announce>(() => {});

const hidden: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
  border: 0,
};

export function LiveAnnouncer({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState("");
  const [assertive, setAssertive] = useState("");
  const timer = useRef<number | undefined>(undefined);
  // False once the app has gone away: a request finishing after that has nobody to tell.
  const alive = useRef(true);

  const announce = useCallback<Announce>((message, urgency = "polite") => {
    if (!alive.current) return;
    const set = urgency === "assertive" ? setAssertive : setPolite;
    // Clearing first makes the same message ("Added to cart") heard again when it repeats.
    set("");
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => set(message), 50);
  }, []);
  // A message still waiting when the app goes away (a test's clean-up, a closing page) is dropped, not set on nothing.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      window.clearTimeout(timer.current);
    };
  }, []);

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" style={hidden} data-testid="live-polite">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" style={hidden}>
        {assertive}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
