import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/**
 * The text range of the value at a JSON path (e.g. ['nodes', 1, 'config', 'expression']) in the editor's
 * document, read from the JSON syntax tree; the deepest existing ancestor when the path goes further.
 */
export function rangeOfPath(state: EditorState, path: Array<string | number>): { from: number; to: number } | undefined {
  let node: SyntaxNode | null = syntaxTree(state).topNode.firstChild;
  if (!node) return undefined;
  let found = { from: node.from, to: node.to };
  for (const segment of path) {
    const next = childAt(state, node!, segment);
    if (!next) break;
    node = next.value;
    found = next.range;
  }
  return found;
}

function childAt(
  state: EditorState,
  node: SyntaxNode,
  segment: string | number,
): { value: SyntaxNode; range: { from: number; to: number } } | undefined {
  if (node.name === 'Object') {
    for (let property = node.firstChild; property; property = property.nextSibling) {
      if (property.name !== 'Property') continue;
      const name = property.getChild('PropertyName');
      if (!name) continue;
      let key: unknown;
      try {
        key = JSON.parse(state.sliceDoc(name.from, name.to));
      } catch {
        continue;
      }
      if (key === String(segment)) {
        const value = name.nextSibling;
        return value ? { value, range: { from: name.from, to: value.to } } : undefined;
      }
    }
  }
  if (node.name === 'Array' && typeof segment === 'number') {
    let index = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === '[' || child.name === ']' || child.name === ',' || child.type.isError) continue;
      if (index++ === segment) return { value: child, range: { from: child.from, to: child.to } };
    }
  }
  return undefined;
}
