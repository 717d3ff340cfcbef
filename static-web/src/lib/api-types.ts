// The API's request and response bodies come from its OpenAPI document (docs/openapi.json, made from the C#
// functions and their request/response types): `npm run generate-api-types` writes them to api-schema.ts, which is
// not committed and is made again before every dev server, build, type check, test run and lint. Pages name these
// types through aliases such as `type OrderView = Schemas["OrderView"]` and never copy them by hand, so a C# change
// the browser does not fit fails the front end's build where the browser uses it.
import type { components } from "./api-schema";

/** Every named schema of the API, under its C# type name. */
export type Schemas = components["schemas"];
