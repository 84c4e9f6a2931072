import { describe, expect, it } from 'vitest';
import { ticket } from '../api/fixtures';
import { applyTicketChange, hasTakenPlace, matchesSearch, searchPath, searchProblem } from './availableTickets';

describe('applyTicketChange', () => {
  it('adds a newly listed ticket at the top', () => {
    const list = [ticket('02'), ticket('01')];
    expect(applyTicketChange(list, ticket('03')).map((t) => t.id)).toEqual(['03', '02', '01']);
  });

  it('drops a ticket someone reserved', () => {
    const list = [ticket('02'), ticket('01')];
    const reserved = ticket('02', { status: 'reserved', orderId: 'o', version: 1 });
    expect(applyTicketChange(list, reserved).map((t) => t.id)).toEqual(['01']);
  });

  it('puts a released ticket back in its place', () => {
    const list = [ticket('03'), ticket('01')];
    expect(applyTicketChange(list, ticket('02', { version: 2 })).map((t) => t.id)).toEqual(['03', '02', '01']);
  });

  it('replaces an edited ticket', () => {
    const list = [ticket('01')];
    expect(applyTicketChange(list, ticket('01', { title: 'new', version: 1 }))[0]?.title).toBe('new');
  });

  it('ignores a change older than what it shows', () => {
    const list = [ticket('01', { version: 3 })];
    const stale = ticket('01', { status: 'reserved', version: 2 });
    expect(applyTicketChange(list, stale)).toEqual(list);
  });

  it('leaves a released ticket older than the last one shown to a later page while more follow', () => {
    const list = [ticket('05'), ticket('03')];
    expect(applyTicketChange(list, ticket('01', { version: 2 }), false).map((t) => t.id)).toEqual(['05', '03']);
    expect(applyTicketChange(list, ticket('04', { version: 2 }), false).map((t) => t.id)).toEqual(['05', '04', '03']);
    expect(applyTicketChange(list, ticket('01', { version: 2 }), true).map((t) => t.id)).toEqual(['05', '03', '01']);
  });
});

describe('applyTicketChange under a search', () => {
  it('keeps to the tickets whose titles hold the search, in any case', () => {
    const list = [ticket('02', { title: 'Jazz at noon' })];
    expect(applyTicketChange(list, ticket('03', { title: 'Late JAZZ' }), true, 'jazz').map((t) => t.id)).toEqual(['03', '02']);
    expect(applyTicketChange(list, ticket('04', { title: 'Opera' }), true, 'jazz').map((t) => t.id)).toEqual(['02']);
  });

  it('drops a ticket whose new title no longer matches', () => {
    const list = [ticket('02', { title: 'Jazz at noon' })];
    expect(applyTicketChange(list, ticket('02', { title: 'Blues at noon', version: 1 }), true, 'jazz')).toEqual([]);
  });
});

describe('matchesSearch', () => {
  it('takes every character literally, as the API does', () => {
    expect(matchesSearch(ticket('01', { title: 'A.* show' }), '.*')).toBe(true);
    expect(matchesSearch(ticket('01', { title: 'A show' }), '.*')).toBe(false);
    expect(matchesSearch(ticket('01', { title: 'A show' }), ' SHOW ')).toBe(true);
  });
});

describe('searchPath and searchProblem', () => {
  it('puts the trimmed search in the query, and none for a blank one', () => {
    expect(searchPath('  jazz & blues ')).toBe('/?q=jazz+%26+blues');
    expect(searchPath('   ')).toBe('/');
  });

  it('refuses what the API refuses, in its words', () => {
    expect(searchProblem('x'.repeat(100))).toBeNull();
    expect(searchProblem('🎷'.repeat(100))).toBeNull();
    expect(searchProblem('x'.repeat(101))).toBe('Search must be between 1 and 100 characters');
  });
});

describe('hasTakenPlace', () => {
  it('is true from the event’s start on, and never for a ticket without a date', () => {
    const at = Date.parse('2026-12-05T19:30:00Z');
    const concert = ticket('01', { eventAt: '2026-12-05T19:30:00Z' });
    expect(hasTakenPlace(concert, at - 1)).toBe(false);
    expect(hasTakenPlace(concert, at)).toBe(true);
    expect(hasTakenPlace(ticket('02'), at)).toBe(false);
  });
});
