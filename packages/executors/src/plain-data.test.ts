import { toExpressionData, toPlainData } from './plain-data';

describe('toExpressionData', () => {
  it('copies objects with a null prototype and keeps arrays as arrays', () => {
    const copy = toExpressionData({ a: { b: [1, { c: 2 }] } }) as Record<string, any>;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.getPrototypeOf(copy.a)).toBeNull();
    expect(Array.isArray(copy.a.b)).toBe(true);
    expect(Object.getPrototypeOf(copy.a.b[1])).toBeNull();
    expect(JSON.parse(JSON.stringify(copy))).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('drops functions, JSONata function objects, symbols and cycles', () => {
    const cyclic: Record<string, unknown> = { keep: 1 };
    cyclic.self = cyclic;
    const copy = toExpressionData({
      fn: () => process,
      lambda: { _jsonata_lambda: true, body: {} },
      builtin: { _jsonata_function: true, implementation: () => 1 },
      sym: Symbol('s'),
      list: [() => 1, 2],
      cyclic,
    });
    expect(JSON.parse(JSON.stringify(copy))).toEqual({ list: [null, 2], cyclic: { keep: 1 } });
  });

  it('keeps a __proto__ key as an ordinary key without touching any prototype', () => {
    const copy = toExpressionData(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, any>;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(copy.__proto__).toEqual(expect.objectContaining({ polluted: true }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns dates into ISO strings and non-finite numbers into null, as JSON does', () => {
    expect(toExpressionData([new Date('2024-01-02T03:04:05Z'), Number.NaN, Infinity])).toEqual(['2024-01-02T03:04:05.000Z', null, null]);
  });
});

describe('toPlainData', () => {
  it('copies null-prototype objects back to ordinary objects', () => {
    const source = Object.assign(Object.create(null), { a: Object.assign(Object.create(null), { b: 1 }) });
    const copy = toPlainData(source) as Record<string, any>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype);
    expect(copy).toEqual({ a: { b: 1 } });
  });

  it('skips __proto__ keys so the copy keeps Object.prototype and nothing is polluted', () => {
    const copy = toPlainData(JSON.parse('{"a": 1, "__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['a']);
    expect(copy.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not share structure with the original', () => {
    const original = { list: [{ a: 1 }] };
    const copy = toPlainData(original) as typeof original;
    copy.list[0]!.a = 2;
    expect(original.list[0]!.a).toBe(1);
  });
});
