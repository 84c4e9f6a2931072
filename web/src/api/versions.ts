/** Whether `next` is an older copy of what `current` already shows: events and reads can cross. */
export function isOlder<T extends { id: string; version: number }>(current: T | null | undefined, next: T): boolean {
  return !!current && current.id === next.id && current.version > next.version;
}
