/**
 * How far the server's clock is ahead of the browser's, in ms, from a server time read during one request:
 * the server stamped it about halfway through the round trip.
 */
export function clockOffset(serverTime: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server) || receivedAt < sentAt) return 0;
  return Math.round(server - (sentAt + receivedAt) / 2);
}
