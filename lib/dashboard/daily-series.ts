// Counts per day as a chart shows them: every day from the first to the last, days without any counting 0.

export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  day: string;
  count: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `counts` (days in order, each once) with the missing days between them added as 0. */
export function dailySeries(counts: readonly DayCount[]): DayCount[] {
  if (!counts.length) return [];
  const byDay = new Map(counts.map(({ day, count }) => [day, count]));
  const series: DayCount[] = [];
  const last = Date.parse(`${counts.at(-1)!.day}T00:00:00Z`);
  for (let time = Date.parse(`${counts[0].day}T00:00:00Z`); time <= last; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    series.push({ day, count: byDay.get(day) ?? 0 });
  }
  return series;
}
