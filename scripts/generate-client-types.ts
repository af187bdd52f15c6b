// `npm run generate:client-types`: rewrites packages/client's generated wire types from the OpenAPI document;
// with --check, only says whether the committed file is current (exit 1 if not).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLIENT_TYPES_FILE, clientTypesSource } from './client-types';

void clientTypesSource().then((source) => {
  if (process.argv.includes('--check')) {
    const current = readFileSync(CLIENT_TYPES_FILE, 'utf8') === source;
    console.log(current ? `${CLIENT_TYPES_FILE} is current` : `${CLIENT_TYPES_FILE} is stale: run npm run generate:client-types`);
    process.exit(current ? 0 : 1);
  }
  mkdirSync(dirname(CLIENT_TYPES_FILE), { recursive: true });
  writeFileSync(CLIENT_TYPES_FILE, source);
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
});
