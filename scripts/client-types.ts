import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../apps/api/src/api-routes';

/** Where packages/client keeps the wire types generated from the OpenAPI document. */
export const CLIENT_TYPES_FILE = 'packages/client/src/generated/openapi.ts';

const HEADER = `// Generated from the API's OpenAPI document by \`npm run generate:client-types\` (openapi-typescript); do not edit.
// scripts/client-types.test.ts fails when it no longer matches the document.
`;

/** The TypeScript source of the document's paths and component schemas (with every optional route documented). */
export async function clientTypesSource(): Promise<string> {
  const document = openApiDocument({ metricsOnApiPort: true });
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
