// Why a full date is not on the calendar, in words: "February 2023 has 28 days".

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** For "2023-02-29", "2023-13" and the like; undefined for a date that exists or a value of another form. */
export function describeImpossibleDate(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  if (!parts) return undefined;
  const [year, month] = [Number(parts[1]), Number(parts[2])];
  if (month < 1 || month > 12) return `there is no month ${parts[2]}`;
  if (parts[3] === undefined) return undefined;
  const [day, days] = [Number(parts[3]), daysIn(year, month)];
  if (day < 1) return `there is no day ${parts[3]}`;
  return day > days ? `${MONTHS[month - 1]} ${year} has ${days} days` : undefined;
}

/** Days in a month of the Gregorian calendar, as RFC 3339 counts them (its appendix C for leap years). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
