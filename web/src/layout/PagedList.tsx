import { useRef, type ReactNode } from 'react';
import { ErrorMessage } from './FormErrors';
import { ShowMore } from './ShowMore';

/** What usePagedList gives. */
interface Paged<T> {
  items: T[] | null;
  hasMore: boolean;
  error: string | null;
  loadMore: () => Promise<void>;
  more: { busy: boolean; error: string | null };
}

interface Props<T> {
  list: Paged<T>;
  /** The list's accessible name. */
  label: string;
  className: string;
  noun: readonly [one: string, many: string];
  /** Shown when there is nothing to list. */
  empty: ReactNode;
  /** One item's <li>, with its key. */
  children: (item: T) => ReactNode;
}

/** A list the API pages: "Loading…", or what to say when it is empty, or the items with "Show more" below. */
export function PagedList<T>({ list, label, className, noun, empty, children }: Props<T>) {
  const { items, hasMore, error, loadMore, more } = list;
  const ref = useRef<HTMLUListElement>(null);
  return (
    <>
      <ErrorMessage message={error} />
      {items === null ? (
        !error && <p>Loading…</p>
      ) : items.length === 0 && !hasMore ? (
        empty
      ) : (
        <>
          <ul className={className} aria-label={label} ref={ref}>
            {items.map(children)}
          </ul>
          <ShowMore
            listRef={ref}
            count={items.length}
            hasMore={hasMore}
            noun={noun}
            onMore={() => void loadMore()}
            busy={more.busy}
            error={more.error}
          />
        </>
      )}
    </>
  );
}
