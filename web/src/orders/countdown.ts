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

const MILESTONES = [
  { ms: 60_000, words: '1 minute left to pay.' },
  { ms: 5 * 60_000, words: '5 minutes left to pay.' },
];

/**
 * What to announce as the time left goes from `previousMs` to `leftMs`: a milestone just passed, the
 * nearest one when a sleeping tab skipped several; nothing for one already passed when the page opened.
 */
export function countdownAnnouncement(previousMs: number, leftMs: number): string | null {
  return MILESTONES.find((m) => leftMs <= m.ms && previousMs > m.ms)?.words ?? null;
}
