import { OutputInvalidError } from './errors';
import { validateJsonSchema } from './json-schema-check';
import { readSchema } from './node-config';
import { toPlainData } from './plain-data';

/** Parses a reply asked for as JSON (tolerating a ```json fence) and checks it against `jsonSchema` if given. */
export function parseJsonReply(text: string, jsonSchema?: Record<string, unknown>): unknown {
  let value: unknown;
  try {
    value = JSON.parse(unfence(text));
  } catch (error) {
    throw new OutputInvalidError('the model was asked for JSON but its reply does not parse', {
      text,
      parseError: (error as Error).message,
    });
  }
  if (jsonSchema === undefined) return toPlainData(value);
  const checked = validateJsonSchema(readSchema(jsonSchema, 'json_schema'), value);
  if (checked.problems.length > 0) {
    throw new OutputInvalidError('the JSON reply does not match json_schema', { text, problems: checked.problems });
  }
  return checked.value;
}

function unfence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
}
