import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="zamio-empty" role="status">
      <p className="zamio-empty__title">{title}</p>
      {children}
    </div>
  );
}
