import { useId, type ReactNode } from 'react';

export interface ChartDatum {
  /** Category on the x axis (a day, a month, a station name). */
  label: string;
  value: number;
}

export interface ChartFrameProps {
  title: ReactNode;
  /** One sentence a screen reader hears instead of the picture, e.g. "Plays per day, 1–30 Nov". */
  summary: string;
  data: readonly ChartDatum[];
  /** How category and value read in the table version. */
  labelHeader: string;
  valueHeader: string;
  formatLabel?: (label: string) => string;
  formatValue?: (value: number) => string;
  /** CSS height of the plot, e.g. "18rem". */
  height?: string;
  empty?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}

/**
 * The frame every chart shares: a figure with a caption, the plot as an image
 * with a text summary, and the same numbers as a table behind "Show as table"
 * — for screen readers, and for people who would rather read exact values.
 */
export function ChartFrame({
  title,
  summary,
  data,
  labelHeader,
  valueHeader,
  formatLabel = (label) => label,
  formatValue = (value) => String(value),
  height,
  empty = 'No data for this period.',
  children,
  'data-testid': testId,
}: ChartFrameProps) {
  const captionId = useId();
  return (
    <figure className="zamio-chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId} className="zamio-card__title">
        {title}
      </figcaption>
      {data.length === 0 ? (
        <p className="zamio-empty">{empty}</p>
      ) : (
        <>
          <div
            className="zamio-chart__frame"
            role="img"
            aria-label={summary}
            style={height ? { height } : undefined}
          >
            {children}
          </div>
          <details>
            <summary>Show as table</summary>
            <table className="zamio-table">
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col" data-align="end">
                    {valueHeader}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((datum) => (
                  <tr key={datum.label}>
                    <td>{formatLabel(datum.label)}</td>
                    <td data-align="end">{formatValue(datum.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

export const CHART_COLOURS = [
  'var(--zamio-chart-1)',
  'var(--zamio-chart-2)',
  'var(--zamio-chart-3)',
  'var(--zamio-chart-4)',
  'var(--zamio-chart-5)',
] as const;
