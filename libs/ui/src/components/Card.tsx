import { useId, type ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/** A titled surface; rendered as a labelled <section> so screen readers can jump to it. */
export function Card({ title, children, className, 'data-testid': testId }: CardProps) {
  const titleId = useId();
  return (
    <section
      className={['zamio-card', className].filter(Boolean).join(' ')}
      aria-labelledby={title ? titleId : undefined}
      data-testid={testId}
    >
      {title ? (
        <h2 id={titleId} className="zamio-card__title">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
