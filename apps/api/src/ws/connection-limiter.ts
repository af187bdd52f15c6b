/** Counts open WebSocket connections per user so one user cannot hold an unbounded number. */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Takes a slot for the user; false when the user is at the limit. */
  tryAcquire(userId: string): boolean {
    const count = this.open.get(userId) ?? 0;
    if (count >= this.maxPerUser) return false;
    this.open.set(userId, count + 1);
    return true;
  }

  /** Gives a slot back; call once per successful tryAcquire. */
  release(userId: string): void {
    const count = (this.open.get(userId) ?? 0) - 1;
    if (count > 0) this.open.set(userId, count);
    else this.open.delete(userId);
  }
}
