import { readFileSync } from 'node:fs';

/** Busy CPU time of the whole machine so far, in ms (Linux /proc/stat: every state but idle, iowait and steal). */
export function machineBusyCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return ((user + nice + system + irq + softirq) * 1000) / 100; // USER_HZ is 100 on Linux
}
