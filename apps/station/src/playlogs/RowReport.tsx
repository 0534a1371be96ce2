import type { PlaylogRejectedRow } from '@zamio/contracts';
import { DataTable, type DataColumn } from '@zamio/ui';

/** One line per problem: the CSV line, the column and what is wrong with it. */
interface Problem {
  key: string;
  row: number;
  field: string;
  message: string;
}

const COLUMNS: DataColumn<Problem>[] = [
  { key: 'row', header: 'Line', align: 'end', render: (problem) => problem.row },
  {
    key: 'field',
    header: 'Column',
    render: (problem) => <code className="zamio-code">{problem.field}</code>,
  },
  { key: 'message', header: 'Problem', render: (problem) => problem.message },
];

export function RowReport({
  rows,
  caption = 'Rows with errors',
}: {
  rows: readonly PlaylogRejectedRow[];
  caption?: string;
}) {
  const problems = rows.flatMap((row) =>
    row.problems.map((problem, index) => ({ key: `${row.row}-${index}`, row: row.row, ...problem })),
  );
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rows={problems}
      rowKey={(problem) => problem.key}
      empty="No rows with errors."
      data-testid="playlog-row-report"
    />
  );
}
