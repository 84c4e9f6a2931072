// Each page names itself: in the browser tab, and with a heading that takes the focus after a navigation,
// so a screen reader announces the new page instead of leaving the user on the old link.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

const SITE = 'Ticketing';

/** "Concert — $19.99 · Ticketing" in the tab; the site's name alone while the page has none yet. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE}` : SITE;
  }, [title]);
}

interface Navigation {
  /** Whether the user has moved within the app since it opened. */
  navigated: boolean;
  /** The location whose heading took the focus: a heading that re-renders must not take it again. */
  focusedKey: { current: string | null };
}

const NavigationContext = createContext<Navigation>({ navigated: false, focusedKey: { current: null } });

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const { key } = useLocation();
  const [firstKey] = useState(key);
  const [navigated, setNavigated] = useState(false);
  if (key !== firstKey && !navigated) setNavigated(true);
  const focusedKey = useRef<string | null>(null);
  const value = useMemo(() => ({ navigated, focusedKey }), [navigated]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/**
 * The page's h1. After a navigation within the app (not on the first load, where the browser starts at the
 * top anyway) it takes the focus once it appears, also when the page first shows "Loading…".
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  const { navigated, focusedKey } = useContext(NavigationContext);

  useEffect(() => {
    if (!navigated || focusedKey.current === key) return;
    focusedKey.current = key;
    heading.current?.focus();
  }, [key, navigated, focusedKey]);

  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
