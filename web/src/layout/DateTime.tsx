import { formatDateTime, formatFullDateTime } from './format';

/** A moment in the reader's locale, machine-readable too; the time alone when it is today. */
export function DateTime({ iso, timeIfToday = false }: { iso: string; timeIfToday?: boolean }) {
  return (
    <time dateTime={iso} title={formatFullDateTime(iso)}>
      {formatDateTime(iso, timeIfToday ? new Date() : undefined)}
    </time>
  );
}
