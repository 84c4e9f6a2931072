import { useCallback, useEffect, useState } from 'react';
import { asApiError, request } from './client';

/**
 * What the API answers to GET `path`, read when the component mounts and again on `reload` (after missed
 * events). `take` makes the shown value of what was shown and what was read, which may be older than an
 * event already shown; it must be a stable function.
 */
export function useApiRead<R, T = R>(path: string, take: (shown: T | null, read: R) => T) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const read = await request<R>('GET', path);
      setData((shown) => take(shown, read));
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [path, take]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, setData, error, reload };
}
