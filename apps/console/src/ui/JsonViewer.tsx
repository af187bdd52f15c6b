import type { ReactNode } from 'react';
import { useState } from 'react';

const LONG_STRING = 600;

/** A JSON value as a tree: objects and arrays fold (large or deep ones start folded), long strings shorten. */
export function JsonViewer({ value, label }: { value: unknown; label: string }) {
  if (value === undefined) return <p className="muted small">Nothing recorded.</p>;
  return (
    <div className="json json-block" role="tree" aria-label={label}>
      <JsonNode value={value} depth={0} />
    </div>
  );
}

function JsonNode({ value, depth, name }: { value: unknown; depth: number; name?: string }) {
  const key = name !== undefined ? <span className="json-key">{JSON.stringify(name)}: </span> : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div role="treeitem" aria-selected={false}>
        {key}
        <JsonScalar value={value} />
      </div>
    );
  }
  return <JsonBranch value={value as Record<string, unknown> | unknown[]} depth={depth} name={name} keyLabel={key} />;
}

function JsonBranch({
  value,
  depth,
  name,
  keyLabel,
}: {
  value: Record<string, unknown> | unknown[];
  depth: number;
  name?: string;
  keyLabel: ReactNode;
}) {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const [open, setOpen] = useState(depth < 2 && entries.length <= 30);
  const [brackets, summary] = Array.isArray(value)
    ? [['[', ']'], `${entries.length} item${entries.length === 1 ? '' : 's'}`]
    : [['{', '}'], `${entries.length} key${entries.length === 1 ? '' : 's'}`];
  if (entries.length === 0) {
    return (
      <div role="treeitem" aria-selected={false}>
        {keyLabel}
        {brackets[0]}
        {brackets[1]}
      </div>
    );
  }
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={false}>
      <button
        type="button"
        className="json-toggle"
        onClick={() => setOpen(!open)}
        aria-label={`${open ? 'Fold' : 'Unfold'} ${name ?? 'value'} (${summary})`}
      >
        {open ? '▾' : '▸'}
      </button>
      {keyLabel}
      {brackets[0]}
      {open ? (
        <div className="json-children" role="group">
          {entries.map(([k, v]) => (
            <JsonNode key={k} value={v} depth={depth + 1} name={Array.isArray(value) ? undefined : k} />
          ))}
        </div>
      ) : (
        <span className="json-summary"> {summary} </span>
      )}
      {brackets[1]}
    </div>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    if (text.length <= LONG_STRING || full) return <span className="json-string">{text}</span>;
    return (
      <span className="json-string">
        {text.slice(0, LONG_STRING)}…{' '}
        <button type="button" className="json-toggle" onClick={() => setFull(true)}>
          show all {value.length.toLocaleString()} characters
        </button>
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-bool">{String(value)}</span>;
  return <span className="json-null">null</span>;
}
