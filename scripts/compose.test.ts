import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join, posix, resolve } from 'node:path';
import { parse } from 'yaml';
import { ApiConfig } from '../apps/api/src/config';
import { WorkerConfig } from '../apps/worker/src/config';
import { TRELLIS_SEARCH_ATTRIBUTES } from '../packages/workflows/src/search-attributes';
import { cliTypeName } from '@trellis/devstack';

/**
 * Docker is not needed here: these checks read docker-compose.yml, the Dockerfile and the files under
 * temporal/ and hold them against the code (config schemas, search attributes, workspaces).
 */

const ROOT = resolve(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type EnvValue = string | number | boolean | null;
interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, EnvValue> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText) as ComposeFile;
const services = compose.services ?? {};
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** The environment block as written: name → raw value (null = passed through from the host). */
function rawEnvironment(svc: Service): Map<string, EnvValue> {
  const env = new Map<string, EnvValue>();
  if (Array.isArray(svc.environment)) {
    for (const entry of svc.environment) {
      const eq = entry.indexOf('=');
      if (eq === -1) env.set(entry, null);
      else env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else {
    for (const [name, value] of Object.entries(svc.environment ?? {})) env.set(name, value);
  }
  return env;
}

/** Compose's variable interpolation: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?msg}, ${VAR?msg}. */
function interpolate(text: string, host: Record<string, string | undefined>): string {
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  return text.replace(pattern, (match, name?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    if (bare) return host[bare] ?? '';
    const value = host[name!];
    if (!op) return value ?? '';
    const missing = op.startsWith(':') ? !value : value === undefined;
    if (!missing) return value!;
    if (op.endsWith('-')) return arg ?? '';
    throw new Error(`required variable ${name} is missing: ${arg}`);
  });
}

/** The environment the container would get, given the host's (or .env's) variables. */
function containerEnvironment(svc: Service, host: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of rawEnvironment(svc)) {
    if (value === null) {
      if (host[name] !== undefined) env[name] = host[name]!;
    } else {
      env[name] = interpolate(String(value), host);
    }
  }
  return env;
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/);

/** Maps a path inside a service's container to the host file its bind mount provides. */
function hostPathOf(svc: Service, containerPath: string): string | undefined {
  let best: { target: string; source: string } | undefined;
  for (const volume of svc.volumes ?? []) {
    let source: string | undefined;
    let target: string | undefined;
    if (typeof volume === 'string') [source, target] = volume.split(':');
    else if (volume.type === 'bind') [source, target] = [volume.source, volume.target];
    if (!source || !target || !(source.startsWith('.') || source.startsWith('/'))) continue;
    const normalised = posix.normalize(target).replace(/\/$/, '');
    const inside = containerPath === normalised || containerPath.startsWith(`${normalised}/`);
    if (inside && (!best || normalised.length > best.target.length)) best = { target: normalised, source };
  }
  if (!best) return undefined;
  const base = isAbsolute(best.source) ? best.source : join(ROOT, best.source);
  return join(base, containerPath.slice(best.target.length));
}

const dependsOn = (svc: Service): Record<string, { condition?: string }> =>
  Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((name) => [name, {}])) : (svc.depends_on ?? {});

const apiKeys = new Set(Object.keys(ApiConfig.shape));
const workerKeys = new Set(Object.keys(WorkerConfig.shape));

/** Host variables an operator sets (see the header of docker-compose.yml). */
const SECRETS = {
  POSTGRES_PASSWORD: 'f'.repeat(64),
  TRELLIS_DB_PASSWORD: '0123456789abcdef'.repeat(4),
  JWT_SECRET: 'a'.repeat(64),
};

describe('docker-compose.yml', () => {
  it('parses and has the stack services', () => {
    expect(typeof compose).toBe('object');
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'api', 'worker']) expect(services).toHaveProperty(name);
  });

  it('runs the compiled serve:api and serve:worker scripts (node called directly, so SIGTERM reaches the process)', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const [name, script] of [
      ['api', 'serve:api'],
      ['worker', 'serve:worker'],
    ] as const) {
      const command = asList(service(name).command).join(' ');
      expect([name, command]).toEqual([name, scripts[script]]);
    }
    const cmd = /^CMD (\[.*\])$/m.exec(existsSync(join(ROOT, 'Dockerfile')) ? read('Dockerfile') : '')?.[1];
    expect((JSON.parse(cmd ?? '[]') as string[]).join(' ')).toBe(scripts['serve:api']);
  });

  it('gives the api only variables ApiConfig knows', () => {
    const unknown = [...rawEnvironment(service('api')).keys()].filter((name) => !apiKeys.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives the worker only variables WorkerConfig knows', () => {
    const unknown = [...rawEnvironment(service('worker')).keys()].filter((name) => !workerKeys.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives both processes DATABASE_URL and TEMPORAL_ADDRESS, and the api JWT_SECRET', () => {
    for (const name of ['api', 'worker']) {
      const env = rawEnvironment(service(name));
      expect(env.get('DATABASE_URL')).toEqual(expect.any(String));
      expect(env.get('TEMPORAL_ADDRESS')).toBe('temporal:7233');
    }
    // Required from the operator, never defaulted.
    expect(rawEnvironment(service('api')).get('JWT_SECRET')).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });

  it('yields environments the config schemas accept, with or without the optional variables', () => {
    const full = {
      ...SECRETS,
      JWT_ISSUER: 'https://issuer.example',
      JWT_AUDIENCE: 'trellis',
      LLM_BASE_URL: 'https://llm.example/v1',
      LLM_API_KEY: 'sk-test',
      LLM_MODEL: 'some-model',
      LOG_LEVEL: 'debug',
    };
    for (const host of [SECRETS, full]) {
      const api = containerEnvironment(service('api'), host);
      const worker = containerEnvironment(service('worker'), host);
      const apiParsed = ApiConfig.safeParse(api);
      const workerParsed = WorkerConfig.safeParse(worker);
      expect(apiParsed.error?.issues).toBeUndefined();
      expect(workerParsed.error?.issues).toBeUndefined();
      // Both processes must talk to the same database, Temporal namespace and task queue.
      expect(api.DATABASE_URL).toBeTruthy();
      expect(worker.DATABASE_URL).toBe(api.DATABASE_URL);
      expect(worker.TEMPORAL_NAMESPACE).toBe(api.TEMPORAL_NAMESPACE);
      expect(worker.TEMPORAL_TASK_QUEUE).toBe(api.TEMPORAL_TASK_QUEUE);
    }
    const worker = containerEnvironment(service('worker'), full);
    expect(worker).toMatchObject({ LLM_BASE_URL: full.LLM_BASE_URL, LLM_API_KEY: 'sk-test', LLM_MODEL: 'some-model' });
    expect(containerEnvironment(service('worker'), SECRETS)).not.toHaveProperty('LLM_BASE_URL');
  });

  it('refuses to start the api without JWT_SECRET', () => {
    const { JWT_SECRET: _omitted, ...host } = SECRETS;
    expect(() => containerEnvironment(service('api'), host)).toThrow(/JWT_SECRET/);
  });

  it('documents every variable it requires from the operator', () => {
    const required = new Set([...composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]!));
    expect([...required].sort()).toEqual(Object.keys(SECRETS).sort());
    const docs = read('docs/deployment.md');
    for (const name of required) expect(docs).toContain(name);
  });

  it('keeps the app database apart from Temporal’s and creates it on first boot', () => {
    const url = new URL(containerEnvironment(service('api'), SECRETS).DATABASE_URL!);
    const database = url.pathname.slice(1);
    expect(['temporal', 'temporal_visibility']).not.toContain(database);
    expect(url.hostname).toBe('postgres');
    const initDir = hostPathOf(service('postgres'), '/docker-entrypoint-initdb.d');
    expect(initDir && existsSync(initDir)).toBeTruthy();
    const init = readdirSync(initDir!)
      .map((file) => readFileSync(join(initDir!, file), 'utf8'))
      .join('\n');
    expect(init).toMatch(new RegExp(`CREATE DATABASE ${database} OWNER ${decodeURIComponent(url.username)}\\b`, 'i'));
    expect(init).toMatch(new RegExp(`CREATE ROLE ${decodeURIComponent(url.username)} LOGIN PASSWORD`, 'i'));
  });

  it('runs Temporal auto-setup 1.29.x on that Postgres with the mounted dynamic config', () => {
    const temporal = service('temporal');
    expect(temporal.image).toMatch(/^temporalio\/auto-setup:1\.29\.\d+$/);
    const env = rawEnvironment(temporal);
    expect(env.get('DB')).toBe('postgres12');
    expect(env.get('POSTGRES_SEEDS')).toBe('postgres');
    const configPath = String(env.get('DYNAMIC_CONFIG_FILE_PATH'));
    const inContainer = configPath.startsWith('/') ? configPath : posix.join('/etc/temporal', configPath);
    const onHost = hostPathOf(temporal, inContainer);
    expect(onHost && existsSync(onHost)).toBeTruthy();
    expect(parse(readFileSync(onHost!, 'utf8'))).toEqual(expect.any(Object));
  });

  it('pins every image it pulls', () => {
    for (const [name, svc] of Object.entries(services)) {
      if (svc.build) continue;
      expect([name, svc.image]).toEqual([name, expect.stringMatching(/^[^:@\s]+(:[\w.-]+)$/)]);
      expect([name, svc.image]).not.toEqual([name, expect.stringMatching(/:latest$/)]);
    }
  });

  describe('search attributes', () => {
    const registrars = Object.entries(services).filter(([, svc]) =>
      [...asList(svc.entrypoint), ...asList(svc.command)].some((part) => part.includes('register-search-attributes.sh')),
    );

    it('are registered by a one-shot service that the api and worker wait for', () => {
      expect(registrars).toHaveLength(1);
      const [name] = registrars[0]!;
      for (const app of ['api', 'worker']) {
        expect(dependsOn(service(app))[name]?.condition).toBe('service_completed_successfully');
      }
    });

    it('are all the ones the code sets, with the same types', () => {
      const [, svc] = registrars[0]!;
      const scriptPath = [...asList(svc.entrypoint), ...asList(svc.command)].find((part) =>
        part.includes('register-search-attributes.sh'),
      )!;
      const onHost = hostPathOf(svc, scriptPath);
      expect(onHost && existsSync(onHost)).toBeTruthy();
      const script = readFileSync(onHost!, 'utf8');
      const registered = Object.fromEntries(
        [...script.matchAll(/temporal operator search-attribute create\b[^\n]*?--name\s+(\w+)\s+--type\s+(\w+)/g)].map((m) => [
          m[1]!,
          m[2]!,
        ]),
      );
      const expected = Object.fromEntries(TRELLIS_SEARCH_ATTRIBUTES.map((key) => [key.name, cliTypeName(key.type)]));
      expect(registered).toEqual(expected);
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = existsSync(join(ROOT, 'Dockerfile')) ? read('Dockerfile') : '';

  it('exists, installs with npm ci and runs as a non-root user', () => {
    expect(dockerfile).not.toBe('');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim\b/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^USER (?!root\b|0\b)\S+/m);
  });

  it('copies every workspace manifest before npm ci', () => {
    const beforeInstall = dockerfile.slice(0, dockerfile.search(/^RUN npm ci\b/m));
    const rootManifest = JSON.parse(read('package.json')) as { workspaces: string[] };
    const manifests = rootManifest.workspaces.flatMap((pattern) => {
      const parent = pattern.replace(/\/\*$/, '');
      return readdirSync(join(ROOT, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, parent, entry.name, 'package.json')))
        .map((entry) => `${parent}/${entry.name}/package.json`);
    });
    expect(manifests.length).toBeGreaterThan(0);
    for (const manifest of ['package.json', 'package-lock.json', ...manifests]) {
      expect([manifest, beforeInstall.includes(manifest)]).toEqual([manifest, true]);
    }
  });

  it('keeps node_modules, data and .git out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'data', '.git']));
  });
});
