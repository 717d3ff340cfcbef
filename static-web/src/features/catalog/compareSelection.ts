import { useCallback, useState } from "react";

// The products picked for comparison survive opening a product and coming back (sessionStorage: this tab only).
const storageKey = "portal.compare";
const max = 10;

function load(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(0, max) : [];
  } catch {
    return [];
  }
}

export function useCompareSelection() {
  const [skus, setSkus] = useState<string[]>(load);

  const save = useCallback((next: string[]) => {
    sessionStorage.setItem(storageKey, JSON.stringify(next));
    setSkus(next);
  }, []);

  const toggle = useCallback(
    (sku: string) => {
      const current = load();
      save(current.includes(sku) ? current.filter((s) => s !== sku) : current.length < max ? [...current, sku] : current);
    },
    [save],
  );

  return { skus, max, toggle, clear: () => save([]) };
}
