// After a 412 a staff page reloads what someone else saved and says what they changed. This names the changed
// fields, in the form's words, by comparing the version the page was editing with the one it reloaded.

/** The labels of the fields whose values differ between two versions (arrays compare by content, in any order). */
export function changedFields<T extends object>(before: T, after: T, labels: Partial<Record<keyof T, string>>): string[] {
  return (Object.keys(labels) as (keyof T)[]).filter((key) => !same(before[key], after[key])).map((key) => labels[key]!);
}

/** "Someone changed the name and the address in the meantime." — or a plain sentence when nothing visible changed. */
export function describeChanges(changed: string[]): string {
  if (changed.length === 0) return "Someone saved this in the meantime.";
  const list = changed.length === 1 ? changed[0]! : `${changed.slice(0, -1).join(", ")} and ${changed[changed.length - 1]}`;
  return `Someone changed ${list} in the meantime.`;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? [...(a as unknown[])].map(String).sort() : [];
    const right = Array.isArray(b) ? [...(b as unknown[])].map(String).sort() : [];
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    // A nested value (a counterparty's account manager): the same when it reads the same.
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return (a ?? "") === (b ?? "");
}
