import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../format/numbers';
import { CHART_COLOURS, ChartFrame } from './ChartFrame';
import { chartTooltip } from './chart-tooltip';

export interface PlaysPerStation {
  station: string;
  plays: number;
}

export interface PlaysPerStationChartProps {
  data: readonly PlaysPerStation[];
  title?: string;
  /** Show the top N stations (most plays first). Default 10. */
  limit?: number;
}

/** Horizontal bars, most-played station on top: names stay readable on a phone. */
export function PlaysPerStationChart({
  data,
  title = 'Plays per station',
  limit = 10,
}: PlaysPerStationChartProps) {
  const top = [...data].sort((a, b) => b.plays - a.plays).slice(0, limit);
  const points = top.map(({ station, plays }) => ({ label: station, value: plays }));
  const summary =
    top.length === 0
      ? `${title}: no plays`
      : `${title}: ${top.map((d) => `${d.station} ${formatCount(d.plays)}`).join(', ')}.`;
  const height = `${Math.max(8, points.length * 2.4 + 3)}rem`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      data={points}
      labelHeader="Station"
      valueHeader="Plays"
      formatValue={formatCount}
      height={height}
      data-testid="plays-per-station-chart"
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <BarChart data={points} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--zamio-chart-grid)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="label" width={110} tickLine={false} axisLine={false} />
          <Tooltip
            content={chartTooltip(
              (label) => label,
              (value) => `${formatCount(value)} plays`,
            )}
            cursor={{ fill: 'var(--zamio-surface-muted)' }}
          />
          <Bar
            dataKey="value"
            name="Plays"
            fill={CHART_COLOURS[1]}
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
