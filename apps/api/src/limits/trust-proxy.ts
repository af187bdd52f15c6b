import { isIP } from 'node:net';
import { z } from 'zod';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, or a subnet in CIDR notation. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * The proxies whose X-Forwarded-For names the client (Express's `trust proxy`, used for per-address limits): a hop
 * count, or comma-separated addresses, subnets and loopback/linklocal/uniquelocal. "Trust every proxy" is refused:
 * any client could then pick its own address and its own answer-link budget.
 */
export const TrustProxy = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx): number | string => {
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.find((entry) => !NAMED_RANGES.has(entry) && !isAddressOrSubnet(entry));
    if (bad === undefined) return entries.join(',');
    ctx.addIssue({
      code: 'custom',
      message: `"${bad}" is not a hop count, an address, a subnet or one of loopback, linklocal, uniquelocal (trusting every proxy is not offered: any client could choose its address)`,
    });
    return z.NEVER;
  });
