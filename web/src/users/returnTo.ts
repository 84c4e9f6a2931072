// Signing in or up returns the user to the page they came from, carried in the URL (?next=/tickets/…) so
// that it survives a reload and a switch between the two forms.

const AUTH_PAGES = ['/signin', '/signup'];

interface Here {
  pathname: string;
  search: string;
}

/** The sign-in (or sign-up) page that leads back to `here`; from one auth page to the other, back to the same place. */
export function authPath(page: '/signin' | '/signup', here: Here): string {
  const back = AUTH_PAGES.includes(here.pathname) ? returnPath(here.search) : here.pathname + here.search;
  return back === '/' ? page : `${page}?${new URLSearchParams({ next: back })}`;
}

/** Where to go after signing in: `next` if it is a page of this app, else home. */
export function returnPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only a path on this site: "//evil.example" or "/\evil.example" would leave it.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return AUTH_PAGES.includes(new URL(next, 'http://x').pathname) ? '/' : next;
}
