// The audit log: who did what to which subject, when — newest first, paged on
// the server (by entry id), filtered by the kind of subject or one subject.
import { adminOperationsEndpoints, type AuditEntry } from '@zamio/api-client';
import {
  DataTable,
  SelectField,
  TextField,
  formatDateTime,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useState } from 'react';
import { auditQueryKey } from '../operations/admin-queries';

const SUBJECT_OPTIONS = [
  { value: 'user', label: 'Accounts' },
  { value: 'rate_table_version', label: 'Rate table' },
  { value: 'cycle', label: 'Royalty cycles' },
  { value: 'dispute', label: 'Disputes' },
  { value: 'payout', label: 'Payouts' },
  { value: 'publisher_relationship', label: 'Publisher roster' },
];
const SUBJECT_LABEL = Object.fromEntries(SUBJECT_OPTIONS.map((o) => [o.value, o.label])) as Record<
  string,
  string
>;

/** "account.reject" → "Account reject"; the raw action stays in the title. */
const actionLabel = (action: string) => {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The details as short "key: value" pairs (the reason of a rejection, amounts, states). */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="zamio-muted">—</span>;
  return (
    <dl className="zamio-facts zamio-break">
      {entries.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const COLUMNS: DataColumn<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (entry) => formatDateTime(entry.at) },
  {
    key: 'actor',
    header: 'Who',
    render: (entry) => entry.actorName ?? <span className="zamio-muted">System</span>,
  },
  {
    key: 'action',
    header: 'What',
    render: (entry) => (
      <span title={entry.action} data-testid="audit-action">
        {actionLabel(entry.action)}
      </span>
    ),
  },
  {
    key: 'subject',
    header: 'Subject',
    render: (entry) => (
      <div className="zamio-stack-tight">
        <span>{SUBJECT_LABEL[entry.subjectType] ?? entry.subjectType}</span>
        <span className="zamio-muted zamio-mono zamio-break">{entry.subjectId}</span>
      </div>
    ),
  },
  { key: 'details', header: 'Details', render: (entry) => <Details details={entry.details} /> },
];

interface Filters {
  subjectType: string;
  subjectId: string;
}

export default function AuditPage() {
  const api = useApiClient();
  const [subjectType, setSubjectType] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const table = useCursorPages<AuditEntry, Filters>({
    queryKey: auditQueryKey,
    filters: { subjectType, subjectId: subjectId.trim() },
    limit: 25,
    // The route pages by `before` (an entry id): one entry more than shown says whether a next page exists.
    fetchPage: async ({ limit, cursor, filters, signal }) => {
      const entries = await adminOperationsEndpoints.listAudit(
        api,
        {
          limit: limit + 1,
          ...(cursor ? { before: Number(cursor) } : {}),
          ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
          ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
        },
        signal,
      );
      const items = entries.slice(0, limit);
      return {
        items,
        nextCursor: entries.length > limit && items.length > 0 ? String(items.at(-1)!.id) : null,
      };
    },
  });
  return (
    <>
      <h1>Audit log</h1>
      <p className="zamio-muted">
        Every administrative and money action, newest first: approvals and rejections, rate table versions,
        cycles, disputes and payouts. Entries can never be changed or removed.
      </p>
      <DataTable
        caption="Audit entries"
        columns={COLUMNS}
        rowKey={(entry) => String(entry.id)}
        empty="Nothing has been recorded yet."
        data-testid="audit-table"
        toolbar={
          <>
            <SelectField
              label="Subject"
              placeholder="Everything"
              value={subjectType}
              onChange={(event) => setSubjectType(event.target.value)}
              options={SUBJECT_OPTIONS}
              data-testid="audit-subject-type"
            />
            <TextField
              label="Subject id"
              value={subjectId}
              onChange={(event) => setSubjectId(event.target.value)}
              data-testid="audit-subject-id"
            />
          </>
        }
        {...table.tableProps}
      />
    </>
  );
}
