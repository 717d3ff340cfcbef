// Prints how much JavaScript the first page load needs (gzipped) and fails the build above the budget
// (DESIGN.md §7: initial JavaScript ≤ 200 KB gzipped). "Initial" is the entry chunk and every chunk it imports
// statically — what the browser must fetch before anything shows; lazily loaded pages are not counted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgetKb = 200;
const dist = new URL("../dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isEntry) visit(key);
}

let total = 0;
for (const file of [...initial].filter((f) => f.endsWith(".js"))) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const kb = total / 1024;
console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
if (kb > budgetKb) {
  console.error(`The initial JavaScript is over the budget by ${(kb - budgetKb).toFixed(1)} KB. Load more of it lazily.`);
  process.exit(1);
}
