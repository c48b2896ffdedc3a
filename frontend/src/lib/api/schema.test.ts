// @vitest-environment node
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { expect, it } from 'vitest';

// openapi.json is checked against the server by the backend's OpenApiDocumentTests; this checks
// that the types the UI compiles against are the ones generated from it.
it('the committed API types are generated from the committed openapi.json', async () => {
  const document = new URL('../../../openapi.json', import.meta.url);
  const generated = astToString(await openapiTS(document));
  const committed = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');

  const body = (text: string) => text.slice(text.indexOf('export '));
  expect(body(committed), 'src/lib/api/schema.d.ts is stale: run npm run api:types').toBe(body(generated));
});
