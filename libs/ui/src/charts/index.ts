// Charts for the pages that show them: import from '@zamio/ui/charts'. Kept out of
// the main entry so Recharts loads only with a page that draws a chart.
export { ChartFrame, CHART_COLOURS, type ChartDatum, type ChartFrameProps } from './ChartFrame';
export { PlaysPerDayChart, type PlaysPerDay, type PlaysPerDayChartProps } from './PlaysPerDayChart';
export {
  PlaysPerStationChart,
  type PlaysPerStation,
  type PlaysPerStationChartProps,
} from './PlaysPerStationChart';
export {
  EarningsPerMonthChart,
  type EarningsPerMonth,
  type EarningsPerMonthChartProps,
} from './EarningsPerMonthChart';
