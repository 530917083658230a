// Calendar arithmetic on plain year/month/day numbers (no time zones, no clock), and ISO formatting at a granularity.

/** A calendar point known to some granularity: year only, year-month, or a full day. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO at the date's own granularity: `2019`, `2019-04`, `2019-04-15`. */
export function formatIso(d: CalendarDate): string {
  const year = String(d.year).padStart(4, '0');
  if (d.month === undefined) return year;
  if (d.day === undefined) return `${year}-${pad(d.month)}`;
  return `${year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part is ignored); anything else is null. */
export function parseIso(value: string | null): CalendarDate | null {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(value) : null;
  if (!m) return null;
  const out: CalendarDate = { year: Number(m[1]) };
  if (m[2]) out.month = Number(m[2]);
  if (m[2] && m[3]) out.day = Number(m[3]);
  return out;
}

/** Whether day `day` exists in that month (Feb 30 does not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Shift a full date by whole days. */
export function addDays(d: Required<CalendarDate>, days: number): Required<CalendarDate> {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Shift by whole months, keeping the granularity (a day past the month's end is clamped). */
export function addMonths(d: CalendarDate & { month: number }, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const out: CalendarDate = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  if (d.day !== undefined) out.day = Math.min(d.day, new Date(Date.UTC(out.year, out.month!, 0)).getUTCDate());
  return out;
}

/** Day of the week, 0 = Sunday. */
export function weekdayOf(d: Required<CalendarDate>): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export const hasDay = (d: CalendarDate | null): d is Required<CalendarDate> => d !== null && d.month !== undefined && d.day !== undefined;
