import { z } from 'zod';

// Query values are text; these schemas state exactly which texts they take, so the document's pattern and the
// check the route makes are the same thing.

const ISO_TIMESTAMP =
  /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/;

/** An ISO 8601 date or date-time (years 1000–9999); a day past the month's end rolls over, as in JavaScript. */
export const TimestampParam = z
  .string()
  .regex(ISO_TIMESTAMP, 'expected an ISO 8601 date or date-time, e.g. 2026-01-31T12:00:00Z')
  .transform((text) => new Date(text));

/** A comma-separated list of values from `values`, e.g. `running,paused`. */
export function listParam<const T extends readonly [string, ...string[]]>(values: T) {
  const one = values.join('|');
  return z
    .string()
    .regex(new RegExp(`^(${one})(,(${one}))*$`), `expected a comma-separated list of: ${values.join(', ')}`)
    .transform((text) => text.split(',') as Array<T[number]>);
}
