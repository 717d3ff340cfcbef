// Adds up the .trx files that `dotnet test` wrote and prints one closing line for the whole run:
// "N passed, N failed, N skipped". Exits non-zero when no test ran at all.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".trx"))) {
  const xml = readFileSync(join(dir, file), "utf8");
  const counters = /<Counters\b([^>]*)\/>/.exec(xml)?.[1] ?? "";
  const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
  passed += count("passed");
  failed += count("failed") + count("error") + count("timeout") + count("aborted");
  skipped += count("notExecuted");
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error("No test ran.");
  process.exit(1);
}
