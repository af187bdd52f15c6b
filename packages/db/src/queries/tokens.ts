import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/** Postgres channel for live LLM token deltas; ephemeral, never stored (the final text is in the node's output). */
export const TOKENS_CHANNEL = 'trellis_tokens';

/** One NOTIFY payload on TOKENS_CHANNEL; `index` counts from 0 per node attempt, so listeners can order and spot gaps. */
export interface TokenDelta {
  execution_id: string;
  node_id: string;
  attempt: number;
  index: number;
  delta: string;
}

/** Postgres refuses NOTIFY payloads of 8000 bytes or more; this leaves room for the other fields. */
export const MAX_TOKEN_PAYLOAD_BYTES = 7_000;

/** Announces deltas in order, one NOTIFY each; each must come from splitTokenText so it fits a payload. */
export async function publishTokenDeltas(db: DbOrTx, deltas: TokenDelta[]): Promise<void> {
  for (const delta of deltas) {
    await db.execute(sql`select pg_notify(${TOKENS_CHANNEL}, ${JSON.stringify(delta)})`);
  }
}

/** Cuts `text` (never inside a code point) into pieces whose payloads stay under MAX_TOKEN_PAYLOAD_BYTES. */
export function splitTokenText(text: string, envelope: Omit<TokenDelta, 'delta' | 'index'>): string[] {
  const budget = MAX_TOKEN_PAYLOAD_BYTES - Buffer.byteLength(JSON.stringify({ ...envelope, index: Number.MAX_SAFE_INTEGER, delta: '' }));
  if (Buffer.byteLength(JSON.stringify(text)) - 2 <= budget) return [text];
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const char of text) {
    const cost = Buffer.byteLength(JSON.stringify(char)) - 2; // as escaped in the payload: '"' is 2 bytes, U+0001 is 6
    if (size + cost > budget && piece) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += char;
    size += cost;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Reads a TOKENS_CHANNEL payload; undefined when it is not a well-formed delta. */
export function parseTokenDelta(payload: string): TokenDelta | undefined {
  let value: Partial<TokenDelta>;
  try {
    value = JSON.parse(payload) as Partial<TokenDelta>;
  } catch {
    return undefined;
  }
  const ok =
    typeof value?.execution_id === 'string' &&
    typeof value.node_id === 'string' &&
    Number.isInteger(value.attempt) &&
    Number.isInteger(value.index) &&
    typeof value.delta === 'string';
  return ok ? (value as TokenDelta) : undefined;
}
