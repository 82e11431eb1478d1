/** The dashboard's ranges: the last N UTC days, today included. */
export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const from = new Date(now.getTime() - (days - 1) * 86_400_000);
  return { from: isoDay(from), to: isoDay(now) };
}
