import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../runtime-config/runtime-config-context';
import { Card } from '../components/Card';
import { BackendStatus } from './BackendStatus';

/** Versions of this portal and of the bff, plus the bff's health checks. */
export function SystemStatusPage({
  heading = 'System',
  children,
}: {
  heading?: string;
  children?: ReactNode;
}) {
  const config = useRuntimeConfig();
  return (
    <>
      <h1>{heading}</h1>
      <Card title="This portal">
        <dl className="zamio-facts">
          <dt>Version</dt>
          <dd>{config.version}</dd>
          <dt>Environment</dt>
          <dd>{config.environment}</dd>
          <dt>API base URL</dt>
          <dd className="zamio-mono">{config.apiBaseUrl}</dd>
          <dt>Feature flags</dt>
          <dd>{config.features.length > 0 ? config.features.join(', ') : 'none'}</dd>
        </dl>
      </Card>
      <BackendStatus />
      {children}
    </>
  );
}
