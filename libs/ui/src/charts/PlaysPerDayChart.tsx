import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDayShort } from '../format/dates';
import { formatCount } from '../format/numbers';
import { CHART_COLOURS, ChartFrame } from './ChartFrame';
import { chartTooltip } from './chart-tooltip';

export interface PlaysPerDay {
  /** Calendar day "YYYY-MM-DD" in the timezone the page reports in. */
  day: string;
  plays: number;
}

export interface PlaysPerDayChartProps {
  data: readonly PlaysPerDay[];
  title?: string;
  height?: string;
}

/** Plays per day over a period (artist plays page, station plays page). */
export function PlaysPerDayChart({ data, title = 'Plays per day', height }: PlaysPerDayChartProps) {
  const points = data.map(({ day, plays }) => ({ label: day, value: plays }));
  const total = data.reduce((sum, { plays }) => sum + plays, 0);
  const summary =
    data.length === 0
      ? `${title}: no plays`
      : `${title} from ${formatDayShort(data[0]!.day)} to ${formatDayShort(data.at(-1)!.day)}: ${formatCount(total)} plays in total, at most ${formatCount(Math.max(...data.map((d) => d.plays)))} on one day.`;
  const tooltip = chartTooltip(
    (day) => formatDayShort(day),
    (value) => `${formatCount(value)} plays`,
  );
  return (
    <ChartFrame
      title={title}
      summary={summary}
      data={points}
      labelHeader="Day"
      valueHeader="Plays"
      formatLabel={formatDayShort}
      formatValue={formatCount}
      data-testid="plays-per-day-chart"
      {...(height ? { height } : {})}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <AreaChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--zamio-chart-grid)" vertical={false} />
          <XAxis
            dataKey="label"
            tickFormatter={(day: string) => formatDayShort(day)}
            minTickGap={24}
            tickLine={false}
          />
          <YAxis allowDecimals={false} width={40} tickLine={false} axisLine={false} />
          <Tooltip content={tooltip} />
          <Area
            type="monotone"
            dataKey="value"
            name="Plays"
            stroke={CHART_COLOURS[0]}
            fill={CHART_COLOURS[0]}
            fillOpacity={0.18}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
