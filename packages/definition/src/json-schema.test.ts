import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionJsonSchema } from './json-schema';

const PUBLISHED = join(__dirname, '..', '..', '..', 'docs', 'definition.schema.json');

describe('definitionJsonSchema', () => {
  // When this fails, regenerate the file: npx tsx scripts/generate-definition-schema.ts
  it('matches the published docs/definition.schema.json', () => {
    expect(JSON.parse(readFileSync(PUBLISHED, 'utf8'))).toEqual(definitionJsonSchema());
  });

  it('has one oneOf variant per node type, each with its own config schema', () => {
    const schema = definitionJsonSchema() as { properties: any; $defs: Record<string, any> };
    expect(schema.properties.nodes.items.oneOf.map((variant: { $ref: string }) => variant.$ref)).toEqual([
      '#/$defs/InputNode',
      '#/$defs/LlmNode',
      '#/$defs/ConditionNode',
      '#/$defs/TransformNode',
      '#/$defs/OutputNode',
      '#/$defs/HumanNode',
    ]);
    expect(schema.$defs.LlmNode.properties.config).toEqual({ $ref: '#/$defs/LlmConfig' });
    expect(schema.$defs.LlmConfig.required).toEqual(['prompt']);
  });

  it('leaves defaulted and empty-able fields optional, but requires config where it has required keys', () => {
    const schema = definitionJsonSchema() as { required: string[]; $defs: Record<string, any> };
    expect(schema.required).toEqual(['nodes']);
    expect(schema.$defs.OutputNode.required).toEqual(['id', 'type']);
    expect(schema.$defs.ConditionNode.required).toEqual(['id', 'type', 'config']);
  });
});
