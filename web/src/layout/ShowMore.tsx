import { useEffect, useRef, type RefObject } from 'react';
import { ErrorMessage } from './FormErrors';

interface Props {
  /** The list whose items are shown; the first new one takes the focus after "Show more". */
  listRef: RefObject<HTMLElement | null>;
  count: number;
  hasMore: boolean;
  /** What the list holds: ["ticket", "tickets"]. */
  noun: readonly [one: string, many: string];
  onMore: () => void;
  busy?: boolean;
  error?: string | null;
}

/** Below a list: how much of it is shown, and a button for more while there is more. */
export function ShowMore({ listRef, count, hasMore, noun: [one, many], onMore, busy = false, error = null }: Props) {
  const firstNew = useRef<number | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const index = firstNew.current;
    if (index === null || busy) return;
    firstNew.current = null;
    if (error) return;
    // Keyboard users carry on with what was added; with nothing added (removed meanwhile), the count says so.
    const item = listRef.current?.children[index];
    (item?.querySelector<HTMLElement>('a, button') ?? summary.current)?.focus();
  }, [busy, count, error, listRef]);

  function more() {
    firstNew.current = count;
    onMore();
  }

  if (count === 0 && !hasMore) return null;
  const counted = `${count} ${count === 1 ? one : many}`;
  return (
    <div className="show-more">
      <p ref={summary} tabIndex={-1} className="muted">
        {hasMore ? `Showing the newest ${counted}.` : `That’s all: ${counted}.`}
      </p>
      <ErrorMessage message={error} />
      {hasMore && (
        <button type="button" className="secondary" onClick={more} disabled={busy}>
          {busy ? 'Loading…' : `Show more ${many}`}
        </button>
      )}
    </div>
  );
}
