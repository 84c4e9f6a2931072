import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { request } from './client';
import { clockOffset } from './clock';
import type { ServerConfig } from './types';

interface Config {
  stripePublishableKey: string | null;
  /** Server time minus browser time, in ms. */
  clockOffsetMs: number;
  /** How long a new order holds its ticket, when the API says. */
  orderHoldSeconds: number | null;
  loaded: boolean;
}

const fallback: Config = { stripePublishableKey: null, clockOffsetMs: 0, orderHoldSeconds: null, loaded: false };
const ConfigContext = createContext<Config>(fallback);

export function ConfigProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<Config>(fallback);
  useEffect(() => {
    let active = true;
    const sentAt = Date.now();
    request<ServerConfig>('GET', '/api/config')
      .then((c) => {
        const offset = clockOffset(c.serverTime, sentAt, Date.now());
        if (!active) return;
        setConfig({
          stripePublishableKey: c.stripePublishableKey ?? null,
          clockOffsetMs: offset,
          orderHoldSeconds: c.orderHoldSeconds ?? null,
          loaded: true,
        });
      })
      // Without the endpoint: sandbox payments and the browser's own clock.
      .catch(() => active && setConfig({ ...fallback, loaded: true }));
    return () => {
      active = false;
    };
  }, []);
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): Config {
  return useContext(ConfigContext);
}
