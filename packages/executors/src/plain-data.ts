// Deep copies that keep only JSON data: functions (including JSONata's function objects), symbols and
// cycles are dropped as JSON.stringify would drop them, and arrays come out as fresh plain arrays.

/** Copy for JSONata to read: every object has a null prototype, so no lookup can reach Object.prototype. */
export function toExpressionData(value: unknown): unknown {
  return copy(
    value,
    new Set(),
    () => true,
    () => Object.create(null),
  );
}

/** Copy for everything else: ordinary objects, without `__proto__` keys. */
export function toPlainData(value: unknown): unknown {
  return copy(
    value,
    new Set(),
    (key) => key !== '__proto__',
    () => ({}),
  );
}

type KeyFilter = (key: string) => boolean;

function copy(value: unknown, ancestors: Set<object>, keep: KeyFilter, newObject: () => object): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || isJsonataFunction(value) || ancestors.has(value)) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => copy(item, ancestors, keep, newObject) ?? null);
    }
    const result = newObject() as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (!keep(key)) continue;
      const item = copy((value as Record<string, unknown>)[key], ancestors, keep, newObject);
      // Define, never assign: assigning `__proto__` on an ordinary object would set its prototype.
      if (item !== undefined) Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return marked._jsonata_function === true || marked._jsonata_lambda === true;
}
