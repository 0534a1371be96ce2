// The page around one statement, shared by the artist's statement page and
// the admin's recipient statement: a breadcrumb back, the heading, loading and
// error states, then the StatementView (with the page's own line action).
import type { Statement } from '@zamio/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../components/ErrorBanner';
import { PageLoading } from '../components/PageLoading';
import { StatementView, type StatementLine } from './StatementView';

export interface StatementPageBodyProps {
  /** The statement query's state (e.g. a TanStack useQuery result). */
  statement: { data: Statement | undefined; isPending: boolean; isError: boolean; error: unknown };
  /** The breadcrumb's link back. */
  back: { to: string; label: string };
  /** The heading once the statement is loaded ("Statement" until then). */
  heading: (statement: Statement) => string;
  csvUrl: string;
  pdfUrl: string;
  lineAction?: (line: StatementLine) => ReactNode;
  /** Anything the page adds after the statement (e.g. its dispute dialog). */
  children?: ReactNode;
}

export function StatementPageBody({
  statement,
  back,
  heading,
  csvUrl,
  pdfUrl,
  lineAction,
  children,
}: StatementPageBodyProps) {
  return (
    <>
      <nav className="zamio-breadcrumb" aria-label="Breadcrumb">
        <Link to={back.to}>{back.label}</Link>
      </nav>
      <div className="zamio-page-head">
        <h1 data-testid="statement-heading">{statement.data ? heading(statement.data) : 'Statement'}</h1>
      </div>
      {statement.isPending ? <PageLoading /> : null}
      {statement.isError ? (
        <ErrorBanner title="This statement could not be loaded" error={statement.error} />
      ) : null}
      {statement.data ? (
        <StatementView
          statement={statement.data}
          csvUrl={csvUrl}
          pdfUrl={pdfUrl}
          {...(lineAction ? { lineAction } : {})}
        />
      ) : null}
      {children}
    </>
  );
}
