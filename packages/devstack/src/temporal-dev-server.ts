import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TRELLIS_SEARCH_ATTRIBUTES } from '@trellis/workflows';
import { freePort } from './free-port';
import { locateTemporalCli } from './temporal-cli';

export interface DevServerOptions {
  ip?: string;
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; no UI when omitted. */
  uiPort?: number;
  /** SQLite file to persist state across restarts; in memory when omitted. */
  dbFilename?: string;
  log?: (message: string) => void;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` with Trellis's search attributes registered, and waits until it answers. */
export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const port = options.port ?? (await freePort(ip));
  const log = options.log ?? (() => {});
  if (options.dbFilename) mkdirSync(dirname(options.dbFilename), { recursive: true });
  const searchAttributeArgs = TRELLIS_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${cliTypeName(key.type)}`]);
  const uiUrl = options.uiPort ? `http://${ip === '0.0.0.0' ? 'localhost' : ip}:${options.uiPort}` : undefined;
  const source = await locateTemporalCli({ log });

  if (source.kind === 'sdk-download') {
    log('No local Temporal CLI; the Temporal SDK downloads one (needs internet).');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip,
        port,
        ui: Boolean(options.uiPort),
        uiPort: options.uiPort,
        dbFilename: options.dbFilename,
        searchAttributes: [...TRELLIS_SEARCH_ATTRIBUTES],
      },
    });
    return { address: `${ip}:${port}`, uiUrl, stop: () => env.teardown() };
  }

  const args = ['server', 'start-dev', '--ip', ip, '--port', String(port), '--log-level', 'error'];
  args.push(...searchAttributeArgs);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  const child = spawn(source.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // A parent that exits without stopping it (process.exit on bad configuration, a crash) takes the server with it
  // rather than leaving an orphan holding its port and ~150 MB.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const address = `${ip}:${port}`;
  try {
    await waitUntilServing(address, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { address, uiUrl, stop: () => stopChild(child) };
}

async function waitUntilServing(address: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Temporal dev server exited with code ${child.exitCode}: ${stderr()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`Temporal dev server at ${address} did not answer within 60 s: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The Temporal CLI's name for a search attribute type (`--search-attribute Key=Keyword`). */
export function cliTypeName(type: string): string {
  const names: Record<string, string> = {
    KEYWORD: 'Keyword',
    TEXT: 'Text',
    INT: 'Int',
    DOUBLE: 'Double',
    BOOL: 'Bool',
    DATETIME: 'Datetime',
    KEYWORD_LIST: 'KeywordList',
  };
  return names[type] ?? 'Keyword';
}
