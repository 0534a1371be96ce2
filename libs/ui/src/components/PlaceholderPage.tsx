import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';

export interface PlaceholderPageProps {
  title: string;
  /** What this page will show once its feature ships. */
  children: ReactNode;
}

/** A page whose feature is not built yet: says plainly what will appear here. */
export function PlaceholderPage({ title, children }: PlaceholderPageProps) {
  return (
    <>
      <h1>{title}</h1>
      <EmptyState title="Not available yet">
        <p>{children}</p>
      </EmptyState>
    </>
  );
}
