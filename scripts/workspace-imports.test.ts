import { join } from 'node:path';
import { importsOf, undeclaredImports } from './workspace-imports';

/** Workspaces that ship as built files: every package they use is a devDependency. */
const BUNDLED = new Set(['@trellis/console']);

describe('importsOf', () => {
  it('finds static, re-exported, side-effect and dynamic imports of packages, and only those', () => {
    const source = [
      "import { a } from '@trellis/definition';",
      "import {\n  b,\n  c,\n} from 'zod/v4';",
      "export { d } from '@scope/pkg/deep';",
      "import 'side-effect';",
      "const e = await import('dynamic');",
      "const f = require('required');",
      "import { g } from './local';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
    ].join('\n');
    expect(importsOf(source).map((ref) => ref.packageName)).toEqual([
      '@trellis/definition',
      'zod',
      '@scope/pkg',
      'side-effect',
      'dynamic',
      'required',
    ]);
  });

  it('tells type-only imports from imports of values', () => {
    const source = [
      "import type { A } from 'types-only';",
      "import { type B, type C } from 'types-inline';",
      "import { type D, e } from 'mixed';",
      "export type { F } from 'type-export';",
      "import type { G } from 'both';",
      "import { h } from 'both';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { packageName: 'types-only', typeOnly: true },
      { packageName: 'types-inline', typeOnly: true },
      { packageName: 'mixed', typeOnly: false },
      { packageName: 'type-export', typeOnly: true },
      { packageName: 'both', typeOnly: false },
    ]);
  });
});

describe('workspace package.json files', () => {
  it('declare every package their code imports: dependencies for code that runs, any section for types and tests', () => {
    expect(undeclaredImports(join(__dirname, '..'), BUNDLED)).toEqual([]);
  });
});
