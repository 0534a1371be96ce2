import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_RUNTIME_CONFIG, type RuntimeConfig } from './runtime-config';

const RuntimeConfigContext = createContext<RuntimeConfig>(DEFAULT_RUNTIME_CONFIG);

export function RuntimeConfigProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  return <RuntimeConfigContext.Provider value={config}>{children}</RuntimeConfigContext.Provider>;
}

/** The portal's runtime config; the defaults when rendered outside a provider (tests, stories). */
export const useRuntimeConfig = (): RuntimeConfig => useContext(RuntimeConfigContext);
