/// <reference types="jest" />
import { answerFieldsOf, answerFromValues, initialValues, problemsByField } from './answer-form-model';

const approval = {
  type: 'object',
  properties: {
    approved: { type: 'boolean' },
    note: { type: 'string', maxLength: 20, description: 'Why' },
    amount: { type: 'integer', minimum: 1 },
    priority: { enum: ['low', 'high', 3] },
    'two words': { type: 'string', default: 'preset' },
  },
  required: ['approved', 'note'],
};

describe('answer form model', () => {
  it('makes one field per property, with required markers, hints and multi-line text for long strings', () => {
    const fields = answerFieldsOf(approval)!;
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['approved', 'boolean', true],
      ['note', 'string', true],
      ['amount', 'integer', false],
      ['priority', 'enum', false],
      ['two words', 'string', false],
    ]);
    expect(fields[1]).toMatchObject({ hint: 'At most 20 characters', multiline: false, description: 'Why' });
    expect(fields[2]!.hint).toBe('A whole number, at least 1');
    expect(fields[4]!.multiline).toBe(true);
  });

  it('answers as raw JSON for forms it does not cover', () => {
    expect(answerFieldsOf(undefined)).toBeNull();
    expect(answerFieldsOf({ type: 'string' })).toBeNull();
    expect(answerFieldsOf({ type: 'object', properties: { address: { type: 'object' } } })).toBeNull();
    expect(answerFieldsOf({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } })).toBeNull();
    expect(answerFieldsOf({ type: 'object', properties: { n: { type: ['string', 'null'] } } })).toBeNull();
  });

  it('turns the inputs into the answer, leaving empty ones out and keeping enum values as they are', () => {
    const fields = answerFieldsOf(approval)!;
    const values = initialValues(fields);
    expect(values).toEqual({ approved: false, note: '', amount: '', priority: '', 'two words': 'preset' });
    expect(answerFromValues(fields, values)).toEqual({ approved: false, 'two words': 'preset' });
    expect(answerFromValues(fields, { ...values, approved: true, note: 'ok', amount: '4', priority: '2' })).toEqual({
      approved: true,
      note: 'ok',
      amount: 4,
      priority: 3,
      'two words': 'preset',
    });
  });

  it('puts each problem of a 422 next to the field it names and keeps the others for the whole answer', () => {
    const fields = answerFieldsOf(approval)!;
    const problems = [
      { path: '$.note', message: 'must have at most 20 characters' },
      { path: '$["two words"]', message: 'is required' },
      { path: '$.extra', message: 'is not allowed' },
      { path: '$', message: 'must be object, not string' },
    ];
    expect(problemsByField(problems, fields)).toEqual({
      byField: { note: ['must have at most 20 characters'], 'two words': ['is required'] },
      other: [problems[2], problems[3]],
    });
  });
});
