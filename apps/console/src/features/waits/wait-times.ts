/** "in 5 min", "in 3 h", "in 2 d"; "expired" once past. */
export function formatUntil(iso: string, now: number): string {
  const s = Math.round((Date.parse(iso) - now) / 1_000);
  if (s <= 0) return 'expired';
  if (s < 60) return `in ${s} s`;
  if (s < 3_600) return `in ${Math.floor(s / 60)} min`;
  if (s < 86_400) return `in ${Math.floor(s / 3_600)} h`;
  return `in ${Math.floor(s / 86_400)} d`;
}
