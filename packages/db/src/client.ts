import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Client, Pool } from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle database on either driver; query functions take this (or a transaction) first. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DbOrTx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type Unlisten = () => Promise<void>;

/** A database handle plus what drizzle does not cover: migrations, LISTEN and closing. */
export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  /** Calls `onPayload` for every NOTIFY on `channel`; survives reconnects on real Postgres. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a real server; PGlite under `dataDir` when absent. */
  url?: string;
  /** PGlite's directory; in memory when absent. */
  dataDir?: string;
  poolSize?: number;
}

const MIGRATIONS_FOLDER = join(__dirname, '..', 'migrations');

/** Opens Postgres through pg when a URL is given, else an embedded PGlite database. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.dataDir);
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: (channel, onPayload) => listenPostgres(url, channel, onPayload),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return unlisten;
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/** A dedicated connection for LISTEN that reconnects with backoff when the server goes away. */
async function listenPostgres(url: string, channel: string, onPayload: (payload: string) => void): Promise<Unlisten> {
  let client: Client | undefined;
  let closed = false;
  let retryMs = 250;
  const quoted = `"${channel.replace(/"/g, '""')}"`;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN ${quoted}`);
    client = next;
    retryMs = 250;
  };
  const scheduleReconnect = (failed: Client): void => {
    if (closed || client !== failed) return;
    client = undefined;
    failed.end().catch(() => {});
    const attempt = (): void => {
      if (closed) return;
      connect().catch(() => {
        retryMs = Math.min(retryMs * 2, 5_000);
        setTimeout(attempt, retryMs).unref();
      });
    };
    setTimeout(attempt, retryMs).unref();
  };

  await connect();
  return async () => {
    closed = true;
    await client?.end().catch(() => {});
  };
}
