import type { EdgeDefinition, NodeDefinition } from './definition';
import { buildGraph, findCycles, reachableFrom } from './graph';

function node(id: string, type: NodeDefinition['type'] = 'transform'): NodeDefinition {
  return { id, type, config: {} };
}

function graphOf(ids: string[], pairs: Array<[string, string]>) {
  const edges: EdgeDefinition[] = pairs.map(([source, target]) => ({ source, target }));
  return buildGraph({ nodes: ids.map((id) => node(id)), edges });
}

describe('buildGraph', () => {
  it('indexes nodes and each edge as outgoing of its source and incoming of its target', () => {
    const graph = graphOf(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    );
    expect([...graph.nodes.keys()]).toEqual(['a', 'b', 'c']);
    expect(graph.outgoing.get('a')!.map((edge) => edge.target)).toEqual(['b', 'c']);
    expect(graph.incoming.get('c')!.map((edge) => edge.source)).toEqual(['a', 'b']);
    expect(graph.incoming.get('a')).toEqual([]);
  });

  it('leaves out edges that name a missing node', () => {
    const graph = graphOf(
      ['a'],
      [
        ['a', 'ghost'],
        ['ghost', 'a'],
      ],
    );
    expect(graph.outgoing.get('a')).toEqual([]);
    expect(graph.incoming.get('a')).toEqual([]);
    expect(graph.nodes.has('ghost')).toBe(false);
  });

  it('keeps the first node when an id is duplicated', () => {
    const graph = buildGraph({ nodes: [node('a', 'input'), node('a', 'output')], edges: [] });
    expect(graph.nodes.size).toBe(1);
    expect(graph.nodes.get('a')!.type).toBe('input');
  });
});

describe('reachableFrom', () => {
  it('returns the start and every node downstream of it, but nothing upstream or disconnected', () => {
    const graph = graphOf(
      ['up', 'start', 'mid', 'end', 'island'],
      [
        ['up', 'start'],
        ['start', 'mid'],
        ['mid', 'end'],
      ],
    );
    expect(reachableFrom(graph, 'start')).toEqual(new Set(['start', 'mid', 'end']));
  });

  it('terminates on a cycle', () => {
    const graph = graphOf(
      ['a', 'b'],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(reachableFrom(graph, 'a')).toEqual(new Set(['a', 'b']));
  });
});

describe('findCycles', () => {
  it('returns nothing for a diamond', () => {
    const graph = graphOf(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ],
    );
    expect(findCycles(graph)).toEqual([]);
  });

  it('reports a self loop as a one-node cycle', () => {
    expect(
      findCycles(
        graphOf(
          ['a', 'b'],
          [
            ['a', 'a'],
            ['a', 'b'],
          ],
        ),
      ),
    ).toEqual([['a']]);
  });

  it('reports each strongly connected component that loops, with all its nodes', () => {
    const graph = graphOf(
      ['a', 'b', 'c', 'x', 'y', 'z'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'x'],
        ['x', 'y'],
        ['y', 'x'],
        ['y', 'z'],
      ],
    );
    const cycles = findCycles(graph).map((members) => [...members].sort());
    expect(cycles).toHaveLength(2);
    expect(cycles).toEqual(
      expect.arrayContaining([
        ['a', 'b', 'c'],
        ['x', 'y'],
      ]),
    );
  });

  it('handles a 10,000-node chain without overflowing the stack', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `n${i}`);
    const chain = ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]);
    expect(findCycles(graphOf(ids, chain))).toEqual([]);
    const loop = findCycles(graphOf(ids, [...chain, [ids[ids.length - 1]!, ids[0]!]]));
    expect(loop).toHaveLength(1);
    expect(loop[0]).toHaveLength(10_000);
  });
});
