/** Milliseconds left until expiresAt, by the server's clock (browser time + offset). */
export function timeLeft(expiresAt: string, browserNow: number, clockOffsetMs: number): number {
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) return 0;
  return Math.max(0, expires - (browserNow + clockOffsetMs));
}

/** "m:ss", rounding up so the display reaches 0:00 exactly when the time is up. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
