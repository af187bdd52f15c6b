// A human node's `form` (JSON Schema) as form fields, their values as the answer, and the API's 422 problems per field.

/** One input of a generated form: a property of the form's object schema. */
export interface AnswerField {
  name: string;
  label: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
  required: boolean;
  description?: string;
  /** The allowed values of an enum field, in the schema's order. */
  options?: unknown[];
  /** Shown under the input: the limits the API checks (e.g. "at most 20 characters"). */
  hint?: string;
  /** A string field without a short maxLength: a text area. */
  multiline?: boolean;
  defaultValue?: unknown;
}

/** What the inputs hold: text for text and number inputs, a flag for checkboxes, the option index for enums ("" for none). */
export type AnswerValues = Record<string, string | boolean>;

/** One way an answer breaks the form, as the API's 422 lists it (`path` like `$.note`). */
export interface AnswerProblem {
  path: string;
  message: string;
}

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields of a form the generator covers: an object whose properties are strings, numbers, integers, booleans or
 * enums. Anything else (no form, nested objects, arrays, type unions) is answered as raw JSON: null.
 */
export function answerFieldsOf(form: unknown): AnswerField[] | null {
  if (!isSchema(form) || form.type !== 'object' || !isSchema(form.properties)) return null;
  const required = Array.isArray(form.required) ? form.required.filter((r): r is string => typeof r === 'string') : [];
  const fields: AnswerField[] = [];
  for (const [name, property] of Object.entries(form.properties)) {
    const field = fieldOf(name, property, required.includes(name));
    if (!field) return null;
    fields.push(field);
  }
  return fields.length ? fields : null;
}

function fieldOf(name: string, property: unknown, required: boolean): AnswerField | null {
  if (!isSchema(property)) return null;
  const base = {
    name,
    label: typeof property.title === 'string' ? property.title : name,
    required,
    description: typeof property.description === 'string' ? property.description : undefined,
    defaultValue: property.default,
  };
  if (Array.isArray(property.enum) && property.enum.length > 0) return { ...base, kind: 'enum', options: property.enum };
  const type = property.type;
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === 'string') {
    const multiline = !(typeof property.maxLength === 'number' && property.maxLength <= 120);
    return { ...base, kind: 'string', multiline, hint: rangeHint(property.minLength, property.maxLength, 'characters') };
  }
  if (type === 'number') return { ...base, kind: 'number', hint: rangeHint(property.minimum, property.maximum, '') };
  if (type === 'integer')
    return {
      ...base,
      kind: 'integer',
      hint: ['A whole number', rangeHint(property.minimum, property.maximum, '')?.toLowerCase()].filter(Boolean).join(', '),
    };
  return null;
}

/** "At most 20 characters", "Between 1 and 5", "A whole number, at least 0". */
function rangeHint(min: unknown, max: unknown, unit: string): string | undefined {
  const lo = typeof min === 'number' ? min : undefined;
  const hi = typeof max === 'number' ? max : undefined;
  const suffix = unit ? ` ${unit}` : '';
  if (lo !== undefined && hi !== undefined) return `Between ${lo} and ${hi}${suffix}`;
  if (lo !== undefined) return `At least ${lo}${suffix}`;
  if (hi !== undefined) return `At most ${hi}${suffix}`;
  return undefined;
}

/** The inputs' starting values: the schema's defaults, else empty (booleans unchecked). */
export function initialValues(fields: AnswerField[]): AnswerValues {
  const values: AnswerValues = {};
  for (const field of fields) {
    const d = field.defaultValue;
    if (field.kind === 'boolean') values[field.name] = d === true;
    else if (field.kind === 'enum')
      values[field.name] = d === undefined ? '' : String(field.options!.findIndex((o) => JSON.stringify(o) === JSON.stringify(d)));
    else values[field.name] = d === undefined || d === null ? '' : String(d);
  }
  return values;
}

/**
 * The answer the inputs describe. Empty inputs are left out, so the API reports a missing required field itself;
 * nothing else is checked here: the API's 422 is the one authority on what the form accepts.
 */
export function answerFromValues(fields: AnswerField[], values: AnswerValues): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') answer[field.name] = value === true;
    else if (typeof value !== 'string' || value.trim() === '') continue;
    else if (field.kind === 'enum') answer[field.name] = field.options![Number(value)];
    else if (field.kind === 'string') answer[field.name] = value;
    else answer[field.name] = Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return answer;
}

/** The 422's problems sorted to the field each names (`$.note` → note); the rest are the answer's as a whole. */
export function problemsByField(
  problems: AnswerProblem[],
  fields: AnswerField[] | null,
): { byField: Record<string, string[]>; other: AnswerProblem[] } {
  const byField: Record<string, string[]> = {};
  const other: AnswerProblem[] = [];
  for (const problem of problems) {
    const name = fields?.find((f) => namesField(problem.path, f.name))?.name;
    if (name) (byField[name] ??= []).push(problem.message);
    else other.push(problem);
  }
  return { byField, other };
}

/** Whether a problem's path is the field or inside it: `$.note`, `$["two words"]`, `$.tags[0]`. */
function namesField(path: string, name: string): boolean {
  const prefix = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `$.${name}` : `$[${JSON.stringify(name)}]`;
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The problems a 422 carries in `details`, if it is the answer's (VALIDATION_FAILED listing paths). */
export function answerProblemsOf(details: unknown): AnswerProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is AnswerProblem => isSchema(d) && typeof d.path === 'string' && typeof d.message === 'string');
}

/** A readable label for an enum option. */
export function optionLabel(option: unknown): string {
  return typeof option === 'string' ? option : JSON.stringify(option);
}
