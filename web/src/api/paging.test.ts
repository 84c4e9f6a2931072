import { describe, expect, it } from 'vitest';
import { fetchPage, MAX_LIMIT, pagedPath, placeNewestFirst } from './paging';

/** A fetcher over `total` numbered items that records the pages asked for. */
function server(total: number) {
  const items = Array.from({ length: total }, (_, i) => i);
  const asked: [number, number][] = [];
  const fetcher = async (limit: number, offset: number) => {
    asked.push([limit, offset]);
    return items.slice(offset, offset + limit);
  };
  return { fetcher, asked };
}

describe('fetchPage', () => {
  it('asks for one more than it shows, to know that more follow', async () => {
    const { fetcher, asked } = server(45);
    expect(await fetchPage(fetcher, 0, 20)).toEqual({ items: [...Array(20).keys()], hasMore: true });
    expect(asked).toEqual([[21, 0]]);
  });

  it('says there is no more when the last page is short or exactly full', async () => {
    expect((await fetchPage(server(45).fetcher, 40, 20)).hasMore).toBe(false);
    expect((await fetchPage(server(40).fetcher, 20, 20)).hasMore).toBe(false);
  });

  it('splits a count over the API’s limit into several requests', async () => {
    const { fetcher, asked } = server(1200);
    const page = await fetchPage(fetcher, 0, 1000);
    expect(page.items).toHaveLength(1000);
    expect(page.items[999]).toBe(999);
    expect(page.hasMore).toBe(true);
    expect(asked).toEqual([
      [MAX_LIMIT, 0],
      [MAX_LIMIT, 500],
      [1, 1000],
    ]);
  });
});

describe('pagedPath', () => {
  it('adds the paging to the query there is', () => {
    expect(pagedPath('/api/tickets', 21, 40)).toBe('/api/tickets?limit=21&offset=40');
    expect(pagedPath('/api/tickets?q=jazz', 21, 0)).toBe('/api/tickets?q=jazz&limit=21&offset=0');
  });
});

describe('placeNewestFirst', () => {
  const id = (s: string) => s;

  it('puts an item in its place by id, replacing the one it was', () => {
    expect(placeNewestFirst(['05', '03', '01'], '04', id, true)).toEqual(['05', '04', '03', '01']);
    expect(placeNewestFirst(['05', '03'], '03', id, true)).toEqual(['05', '03']);
  });

  it('leaves a new item older than the last one shown to a later page while more follow', () => {
    expect(placeNewestFirst(['05', '03'], '01', id, false)).toEqual(['05', '03']);
    expect(placeNewestFirst(['05', '03'], '01', id, true)).toEqual(['05', '03', '01']);
  });
});
