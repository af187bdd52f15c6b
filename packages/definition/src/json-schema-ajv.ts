import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { re2RegExpEngine } from './json-schema-regexp';

/** The only `$schema` accepted: the instance speaks draft 2020-12, and drafts differ on keywords like `items`. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The one Ajv instance that checks users' JSON Schemas (input `schema`, llm `json_schema`, human `form`).
 * strictSchema refuses keywords Ajv would ignore (unknown ones, unknown formats, `default` where it cannot
 * apply); the type and tuple checks stay off because they reject valid schemas. ownProperties keeps
 * `constructor` and friends ordinary property names on plain objects. Schemas are not kept by
 * `$id` (addUsedSchema), so two users' schemas never collide and nothing is fetched.
 */
export function createJsonSchemaAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    ownProperties: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    addUsedSchema: false,
    logger: false,
    code: { regExp: re2RegExpEngine },
  });
  addFormats(ajv);
  return ajv;
}
