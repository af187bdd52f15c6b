/** Characters Postgres refuses in text and jsonb: NUL, and UTF-16 surrogates that are not half of a pair. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** What the API and the node records say about such a character. */
export const UNSTORABLE_TEXT_MESSAGE = 'contains a character that cannot be stored: NUL (\\u0000) or an unpaired UTF-16 surrogate';

/** True when Postgres can store the string as text or inside jsonb. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The string with every unstorable character replaced by U+FFFD, e.g. to quote user data in a message. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\ufffd');
}

/**
 * Where in a JSON-like value the first string or key Postgres cannot store is (`a.b[2]`, `` for the value
 * itself), or undefined when every one can be. Walks without recursion, so any depth is safe.
 */
export function findUnstorableText(value: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push([current[i], `${path}[${i}]`]);
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = path ? `${path}.${toStorableText(key)}` : toStorableText(key);
      if (!isStorableText(key)) return child;
      pending.push([(current as Record<string, unknown>)[key], child]);
    }
  }
  return undefined;
}

/** A copy of a JSON-like value (e.g. error details) with every unstorable character in its strings and keys replaced by U+FFFD. */
export function toStorableValue<T>(value: T): T {
  if (findUnstorableText(value) === undefined) return value;
  const copy = (current: unknown): unknown => {
    if (typeof current === 'string') return toStorableText(current);
    if (Array.isArray(current)) return current.map(copy);
    if (current === null || typeof current !== 'object') return current;
    return Object.fromEntries(Object.entries(current).map(([key, child]) => [toStorableText(key), copy(child)]));
  };
  return copy(value) as T;
}
