import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../format/dates';
import { formatGhs } from '../format/money';
import { CHART_COLOURS, ChartFrame } from './ChartFrame';
import { chartTooltip } from './chart-tooltip';

export interface EarningsPerMonth {
  /** "YYYY-MM". */
  month: string;
  /** Integer pesewas, as the ledger reports them. */
  pesewas: number;
}

export interface EarningsPerMonthChartProps {
  data: readonly EarningsPerMonth[];
  title?: string;
  height?: string;
}

// Axis ticks in cedis, compact ("1.2K"); exact amounts are in the tooltip and table.
// Below GHS 10 the ticks keep their pesewas (0.45, not a rounded 0.5 twice).
const compactCedis = new Intl.NumberFormat('en-GH', { notation: 'compact', maximumFractionDigits: 1 });
const smallCedis = new Intl.NumberFormat('en-GH', { maximumFractionDigits: 2 });
export const axisCedisFor = (maxPesewas: number) => (pesewas: number) =>
  (maxPesewas < 1_000 ? smallCedis : compactCedis).format(pesewas / 100);

/** Earnings per month in GHS (artist and publisher earnings pages). */
export function EarningsPerMonthChart({
  data,
  title = 'Earnings per month (GHS)',
  height,
}: EarningsPerMonthChartProps) {
  const points = data.map(({ month, pesewas }) => ({ label: month, value: pesewas }));
  const total = data.reduce((sum, { pesewas }) => sum + pesewas, 0);
  const summary =
    data.length === 0
      ? `${title}: nothing earned yet`
      : `${title} from ${formatMonth(data[0]!.month)} to ${formatMonth(data.at(-1)!.month)}: ${formatGhs(total)} in total.`;
  const money = (value: number) => formatGhs(value);
  return (
    <ChartFrame
      title={title}
      summary={summary}
      data={points}
      labelHeader="Month"
      valueHeader="Earnings"
      formatLabel={formatMonth}
      formatValue={money}
      empty="Nothing earned yet: the chart fills once a cycle is calculated."
      data-testid="earnings-per-month-chart"
      {...(height ? { height } : {})}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--zamio-chart-grid)" vertical={false} />
          <XAxis
            dataKey="label"
            tickFormatter={(month: string) => formatMonth(month)}
            tickLine={false}
            minTickGap={8}
          />
          <YAxis
            tickFormatter={axisCedisFor(Math.max(0, ...data.map(({ pesewas }) => pesewas)))}
            width={48}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            content={chartTooltip((month) => formatMonth(month), money)}
            cursor={{ fill: 'var(--zamio-surface-muted)' }}
          />
          <Bar
            dataKey="value"
            name="Earnings"
            fill={CHART_COLOURS[2]}
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
