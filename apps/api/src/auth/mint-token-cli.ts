// `npm run token -- --sub alice [--ttl 1h]`: prints an HS256 dev token signed with JWT_SECRET
// (or the secret `npm start` keeps in ./data/dev-jwt-secret).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from './jwt';

const { values } = parseArgs({ options: { sub: { type: 'string' }, ttl: { type: 'string', default: '1h' } } });
const secretFile = join(resolve(process.env.DATA_DIR ?? './data'), 'dev-jwt-secret');
const secret = process.env.JWT_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined);
const ttlSeconds = parseTtl(values.ttl!);
if (!values.sub || !secret || ttlSeconds === undefined) {
  console.error('usage: npm run token -- --sub <user id> [--ttl 1h|30m|3600]  (needs JWT_SECRET or ./data/dev-jwt-secret)');
  process.exit(1);
}
console.log(mintToken({ sub: values.sub, secret, ttlSeconds, issuer: process.env.JWT_ISSUER, audience: process.env.JWT_AUDIENCE }));

function parseTtl(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
