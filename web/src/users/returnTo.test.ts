import { describe, expect, it } from 'vitest';
import { authPath, returnPath } from './returnTo';

describe('authPath', () => {
  it('leads back to the page the user was on', () => {
    expect(authPath('/signin', { pathname: '/tickets/abc', search: '' })).toBe('/signin?next=%2Ftickets%2Fabc');
    expect(authPath('/signup', { pathname: '/orders', search: '?x=1' })).toBe('/signup?next=%2Forders%3Fx%3D1');
  });

  it('needs no way back from home', () => {
    expect(authPath('/signin', { pathname: '/', search: '' })).toBe('/signin');
  });

  it('keeps the way back when switching between sign-in and sign-up', () => {
    expect(authPath('/signup', { pathname: '/signin', search: '?next=%2Ftickets%2Fnew' })).toBe(
      '/signup?next=%2Ftickets%2Fnew',
    );
  });
});

describe('returnPath', () => {
  it('returns to a page of the app', () => {
    expect(returnPath('?next=%2Ftickets%2Fabc')).toBe('/tickets/abc');
    expect(returnPath('')).toBe('/');
  });

  it('never leaves the site nor loops back to a sign-in form', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/signin']) {
      expect(returnPath(`?${new URLSearchParams({ next })}`), next).toBe('/');
    }
  });
});
