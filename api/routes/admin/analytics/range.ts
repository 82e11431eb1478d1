/**
 * The day range every analytics figure is asked for: whole UTC days, `from` and `to` both included. Absent, `to` is
 * today and `from` the 30th day back (`to` included); a range is at most MAX_RANGE_DAYS days.
 */

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayRange {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, included. */
  to: string;
  /** Midnight UTC starting `from`. */
  start: Date;
  /** Midnight UTC after `to`: rows are in the range when `start <= created_at < end`. */
  end: Date;
}

export interface RangeProblem {
  path: 'from' | 'to';
  message: string;
}

const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(midnight(day).getTime() + n * DAY_MS));

export function resolveRange(query: { from?: string; to?: string }, now: Date): DayRange {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
  return { from, to, start: midnight(from), end: midnight(addDays(to, 1)) };
}

/** What is wrong with a range of valid days, if anything: backwards, or longer than MAX_RANGE_DAYS. */
export function rangeProblem(query: { from?: string; to?: string }, now: Date): RangeProblem | null {
  const { start, end } = resolveRange(query, now);
  if (start >= end) return { path: 'from', message: '`from` must not be after `to`' };
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_RANGE_DAYS)
    return { path: query.to ? 'to' : 'from', message: `A range is at most ${MAX_RANGE_DAYS} days` };
  return null;
}

/** Every day of the range in order, so days without a row still show (as zeros). */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}
