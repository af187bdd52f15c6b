import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HISTORY_FIXTURES_DIR, HISTORY_FIXTURES_MANIFEST, readFixtureManifest } from './engine-helpers';

// Replay fixtures are evidence of what past workflow code did: a fixture is added, never rewritten. Each one's
// SHA-256 is in the manifest (saveHistoryFixture appends it), and the manifest itself only ever grows.
const ROOT = join(__dirname, '..');
const manifestPath = relative(ROOT, HISTORY_FIXTURES_MANIFEST);
const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT }).status === 0;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('history fixtures', () => {
  const manifest = readFixtureManifest();

  it('lists the fixtures of every earlier workflow code', () => {
    expect(manifest.size).toBeGreaterThanOrEqual(35);
    expect([...manifest.keys()].filter((file) => file.startsWith('chains-v1/'))).toHaveLength(8);
  });

  it.each([...manifest.keys()])('keeps %s exactly as recorded', (file) => {
    const path = join(HISTORY_FIXTURES_DIR, file);
    expect(existsSync(path)).toBe(true);
    expect(sha256(path)).toBe(manifest.get(file));
  });

  (inGit ? it : it.skip)('only ever adds lines to the manifest', () => {
    const current = new Set(readFileSync(HISTORY_FIXTURES_MANIFEST, 'utf8').split('\n').filter(Boolean));
    const versions = execFileSync('git', ['log', '--format=%H', '--', manifestPath], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const dropped = versions.flatMap((commit) =>
      execFileSync('git', ['show', `${commit}:${manifestPath}`], { cwd: ROOT, encoding: 'utf8' })
        .split('\n')
        .filter((line) => line && !current.has(line))
        .map((line) => `${commit.slice(0, 8)}: ${line}`),
    );
    expect(dropped).toEqual([]);
  });
});
