import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError } from './client';
import { fetchPage, PAGE_SIZE, type Page, type PageFetcher } from './paging';

/**
 * Where an item that changed (or was just read) goes in the list, or that it leaves it. `complete`: the list
 * holds every item there is, so one older than the last shown belongs in it; else that one is on a later page.
 * A change may say less than a whole item (`C`), e.g. only a sale's payout.
 */
export type ApplyChange<T, C = T> = (list: readonly T[], change: C, complete: boolean) => T[];

interface Loaded<T> {
  items: T[] | null;
  hasMore: boolean;
}

/**
 * A list the API pages, read a page at a time as the user asks for more; `change` edits it live. A reload
 * (after missed events) reads again as many items as the user had.
 */
export function usePagedList<C, T extends C = C>(fetcher: PageFetcher<T>, apply: ApplyChange<T, C>) {
  const [list, setList] = useState<Loaded<T>>({ items: null, hasMore: false });
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const current = useRef(list);
  // Changes seen while a read is in flight are replayed onto its answer, which may predate them.
  const missed = useRef<C[] | null>(null);
  const latestRead = useRef(0);

  useEffect(() => {
    current.current = list;
  });

  const read = useCallback(
    async (offset: number, count: number, combine: (previous: T[], page: Page<T>) => T[]) => {
      const readId = ++latestRead.current;
      missed.current ??= [];
      try {
        const page = await fetchPage(fetcher, offset, count);
        if (readId !== latestRead.current) return;
        const changes = missed.current ?? [];
        missed.current = null;
        setList((previous) => {
          const items = combine(previous.items ?? [], page);
          return { items: changes.reduce((l, c) => apply(l, c, !page.hasMore), items), hasMore: page.hasMore };
        });
      } catch (e) {
        if (readId !== latestRead.current) return;
        missed.current = null;
        throw e;
      }
    },
    [fetcher, apply],
  );

  const readFirst = useCallback(
    async (count: number) => {
      try {
        await read(0, count, (_, page) => page.items);
        setError(null);
      } catch (e) {
        setError(asApiError(e).message);
      }
    },
    [read],
  );

  useEffect(() => {
    setList({ items: null, hasMore: false });
    void readFirst(PAGE_SIZE);
  }, [readFirst]);

  const reload = useCallback(
    () => void readFirst(Math.max(current.current.items?.length ?? 0, PAGE_SIZE)),
    [readFirst],
  );

  const loadMore = useCallback(async () => {
    setMore({ busy: true, error: null });
    try {
      await read(current.current.items?.length ?? 0, PAGE_SIZE, (previous, page) =>
        page.items.reduce((l, item) => apply(l, item, true), previous),
      );
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: asApiError(e).message });
    }
  }, [read, apply]);

  const change = useCallback(
    (item: C) => {
      missed.current?.push(item);
      setList((l) => (l.items ? { ...l, items: apply(l.items, item, !l.hasMore) } : l));
    },
    [apply],
  );

  return { items: list.items, hasMore: list.hasMore, error, loadMore, more, reload, change };
}
