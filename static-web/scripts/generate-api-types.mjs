// Writes src/lib/api-schema.d.ts, the TypeScript types of every route and body the API declares, from the committed
// OpenAPI document (../docs/openapi.json, generated from the C# functions). The front end's API types are aliases of
// these, so a C# change that no longer fits the browser fails the type check instead of a page at run time.
// The file is generated, not committed; build, typecheck, dev, test and lint run this first. It is rewritten only
// when its content changes, so an unchanged document does not make the front end look changed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";

const source = new URL("../../docs/openapi.json", import.meta.url);
const target = new URL("../src/lib/api-schema.d.ts", import.meta.url);

const header = `// Generated from docs/openapi.json by scripts/generate-api-types.mjs (npm run generate-api-types); do not edit.
// Import what you need through the aliases in src/lib/api.ts and the features' api.ts.
`;
const contents = header + astToString(await openapiTS(source));

if (!existsSync(target) || readFileSync(target, "utf8") !== contents) {
  writeFileSync(target, contents);
  console.log("API types generated from docs/openapi.json.");
}
