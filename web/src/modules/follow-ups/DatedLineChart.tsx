import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatDate } from '../cases/format';

/** One point of a dated series: a calendar date (YYYY-MM-DD) and its value. */
export interface DatedPoint {
  on: string;
  value: number;
}

/* Colours of the design system (dkfds): primary blue, dark grey text, light grey lines. */
const COLOURS = { line: '#0059b3', text: '#454545', grid: '#d9d9d9' } as const;
const DAY = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

function isoOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * A line over time drawn with recharts: the dates on the x axis (in the user's language, Danish
 * dd.mm.åååå), the values on the y axis with their labels. The chart is decoration for assistive
 * technology (aria-hidden, no keyboard layer): every chart stands next to a table with the same
 * dates and values. It takes the width of its box (down to a phone's 375 px).
 */
export function DatedLineChart({
  points,
  levels,
  levelLabel = String,
  height = 160,
  axisWidth = 28,
}: {
  points: readonly DatedPoint[];
  /** The y axis' values from lowest to highest, e.g. [1, 2, 3, 4]. */
  levels: readonly number[];
  levelLabel?: (value: number) => string;
  height?: number;
  /** Room for the y axis' labels, in px. */
  axisWidth?: number;
}) {
  const data = points.map((p) => ({ time: dayNumber(p.on), value: p.value }));
  const times = data.map((d) => d.time);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // A single point gets a day either side so it sits in the middle of the axis.
  const domain = first === last ? [first - DAY, last + DAY] : [first, last];
  return (
    <div aria-hidden="true" className="dated-chart">
      <LineChart
        data={data}
        responsive
        height={height}
        accessibilityLayer={false}
        // Room either side for the first and the last date under the axis.
        margin={{ top: 8, right: 32, bottom: 4, left: 16 }}
        className="dated-chart-surface"
      >
        <CartesianGrid stroke={COLOURS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={domain}
          ticks={[...new Set(times)]}
          tickFormatter={(time: number) => formatDate(isoOf(time))}
          interval="preserveStartEnd"
          minTickGap={12}
          stroke={COLOURS.text}
          tick={{ fill: COLOURS.text, fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={[levels[0] ?? 0, levels.at(-1) ?? 1]}
          ticks={[...levels]}
          tickFormatter={levelLabel}
          width={axisWidth}
          allowDecimals={false}
          stroke={COLOURS.text}
          tick={{ fill: COLOURS.text, fontSize: 12 }}
        />
        <Line
          dataKey="value"
          type="linear"
          stroke={COLOURS.line}
          strokeWidth={2}
          dot={{ r: 4, fill: COLOURS.line, stroke: COLOURS.line }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
