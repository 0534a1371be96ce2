// Tooltip content styled like the portal, for every chart.
import type { TooltipContentProps, TooltipValueType } from 'recharts';

export function chartTooltip(formatLabel: (label: string) => string, formatValue: (value: number) => string) {
  return function ChartTooltip({
    active,
    payload,
    label,
  }: TooltipContentProps<TooltipValueType, string | number>) {
    if (!active || !payload?.length) return null;
    return (
      <div className="zamio-chart__tooltip">
        <p>
          <strong>{formatLabel(String(label))}</strong>
        </p>
        <p>{formatValue(Number(payload[0]?.value ?? 0))}</p>
      </div>
    );
  };
}
