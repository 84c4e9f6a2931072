// Lists the API pages with ?limit and ?offset (tickets, and a seller's sales): it gives no total, so a page
// asks for one item more than it shows to know whether more follow.

/** How many items a list shows at first, and how many more each time the user asks. */
export const PAGE_SIZE = 20;
/** The API refuses a larger limit. */
export const MAX_LIMIT = 500;

export type PageFetcher<T> = (limit: number, offset: number) => Promise<T[]>;

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** Up to `count` items from `offset`, and whether more follow; a count over MAX_LIMIT takes several requests. */
export async function fetchPage<T>(fetcher: PageFetcher<T>, offset: number, count: number): Promise<Page<T>> {
  const items: T[] = [];
  for (;;) {
    const limit = Math.min(count - items.length + 1, MAX_LIMIT);
    const got = await fetcher(limit, offset + items.length);
    items.push(...got);
    if (got.length < limit) return { items, hasMore: false };
    if (items.length > count) return { items: items.slice(0, count), hasMore: true };
  }
}

/** `path?limit=…&offset=…`, keeping the query the path already has (e.g. a search). */
export function pagedPath(path: string, limit: number, offset: number): string {
  return `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`;
}

/**
 * `list` with `item` in its place, newest first by `idOf` (ObjectIds start with their creation time). While
 * more pages follow (`complete` false), an item new to the list and older than its last one belongs to
 * them, not here, so that the next page's offset stays right.
 */
export function placeNewestFirst<T>(list: readonly T[], item: T, idOf: (t: T) => string, complete: boolean): T[] {
  const id = idOf(item);
  const others = list.filter((t) => idOf(t) !== id);
  const last = others[others.length - 1];
  if (!complete && others.length === list.length && last && id < idOf(last)) return others;
  return [...others, item].sort((a, b) => (idOf(a) < idOf(b) ? 1 : idOf(a) > idOf(b) ? -1 : 0));
}
