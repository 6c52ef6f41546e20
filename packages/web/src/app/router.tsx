import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

// A tiny History-API router: the server answers every non-API path with index.html (SPA fallback).
// `path` is the pathname (pages are chosen by it); `search` is the query string, for pages whose state is
// shareable in the URL (the items filters). Changing only the query does not remount the page.

interface RouterValue {
  path: string;
  /** The query string, with its leading `?` (or empty). */
  search: string;
  navigate: (to: string, options?: { replace?: boolean; keepScroll?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function currentPath(): string {
  const p = window.location.pathname.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

function currentSearch(): string {
  return window.location.search;
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(currentPath);
  const [search, setSearch] = useState(currentSearch);

  useEffect(() => {
    const onPop = () => {
      setPath(currentPath());
      setSearch(currentSearch());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options?: { replace?: boolean; keepScroll?: boolean }) => {
    if (to === currentPath() + currentSearch()) {
      setPath(currentPath());
      setSearch(currentSearch());
      return;
    }
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPath(currentPath());
    setSearch(currentSearch());
    if (!options?.keepScroll) window.scrollTo(0, 0);
  }, []);

  const value = useMemo(() => ({ path, search, navigate }), [path, search, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRouter must be used inside <RouterProvider>');
  return ctx;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; current?: boolean };

/** An ordinary link (works with middle-click, "open in new tab", keyboard) that navigates in-app on plain clicks. */
export function Link({ to, current, onClick, children, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} aria-current={current ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
