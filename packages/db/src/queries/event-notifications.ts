/** Postgres channel on which committed events are announced (payload format below). */
export const EVENTS_CHANNEL = 'trellis_events';

/** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_EVENT_PAYLOAD_BYTES = 7_999;

/** "Execution X has new events, seqs `firstSeq`..`lastSeq`". */
export interface EventRange {
  executionId: string;
  firstSeq: number;
  lastSeq: number;
}

// `<executionId>:<seq>` for one event, `<executionId>:<firstSeq>-<lastSeq>` for several; the id is everything before
// the last ':' (ids may contain ':', never whitespace: the API allows [A-Za-z0-9_.:-], the rest are UUIDs).
const ENTRY = /^(.+):(?:(\d+)-)?(\d+)$/;

function formatEntry(range: EventRange): string {
  const seqs = range.firstSeq !== range.lastSeq ? `${range.firstSeq}-${range.lastSeq}` : `${range.lastSeq}`;
  return `${range.executionId}:${seqs}`;
}

/**
 * Packs ranges into as few payloads as fit under `maxBytes`, entries separated by a space. An entry that
 * cannot fit alone (or whose id has whitespace) is returned in `refused` rather than sent.
 */
export function formatEventNotifications(
  ranges: Iterable<EventRange>,
  maxBytes = MAX_EVENT_PAYLOAD_BYTES,
): { payloads: string[]; refused: EventRange[] } {
  const payloads: string[] = [];
  const refused: EventRange[] = [];
  let current = '';
  let size = 0;
  for (const range of ranges) {
    const entry = formatEntry(range);
    const bytes = Buffer.byteLength(entry);
    if (bytes > maxBytes || /\s/.test(range.executionId)) {
      refused.push(range);
      continue;
    }
    if (current && size + 1 + bytes > maxBytes) {
      payloads.push(current);
      current = '';
      size = 0;
    }
    current = current ? `${current} ${entry}` : entry;
    size += (size ? 1 : 0) + bytes;
  }
  if (current) payloads.push(current);
  return { payloads, refused };
}

/** Reads an EVENTS_CHANNEL payload; `malformed` counts entries it could not read. */
export function parseEventNotification(payload: string): { ranges: EventRange[]; malformed: number } {
  const ranges: EventRange[] = [];
  let malformed = 0;
  for (const entry of payload.split(' ')) {
    if (!entry) continue;
    const match = ENTRY.exec(entry);
    const lastSeq = Number(match?.[3]);
    const firstSeq = match?.[2] === undefined ? lastSeq : Number(match[2]);
    if (!match || !Number.isSafeInteger(lastSeq) || !(firstSeq <= lastSeq)) {
      malformed++;
      continue;
    }
    ranges.push({ executionId: match[1]!, firstSeq, lastSeq });
  }
  return { ranges, malformed };
}
