// The first data model's meaning in the current one, on plain values: what a migrated file must
// read as. The text edits are checked against it, so a slip in them can never reach a user's file.
import { OLD_DEFAULT_CURRENCY, OLD_SCALE_LABELS } from './migrate-file.js';

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Data[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** A copy of a data file's values, migrated. */
export function migrateValues(data: unknown): unknown {
  const copy = structuredClone(data);
  if (!isRecord(copy)) return copy;
  for (const programme of records(copy.programmes)) {
    for (const incentive of records(programme.incentives)) migrateIncentive(incentive);
    if (isRecord(programme.scale)) {
      programme.scale = Object.entries(programme.scale).map(([key, figure]) => {
        const item = isRecord(figure) ? figure : {};
        migrateFigure(item);
        return { label: OLD_SCALE_LABELS[key as keyof typeof OLD_SCALE_LABELS], ...item };
      });
    }
  }
  for (const claim of records(copy.claims)) for (const figure of records(claim.figures)) migrateFigure(figure);
  return copy;
}

function collapseRange(map: Data): void {
  if (typeof map.min === 'number' && map.min === map.max && map.amount === undefined) {
    map.amount = map.min;
    delete map.min;
    delete map.max;
  }
}

function migrateIncentive(incentive: Data): void {
  collapseRange(incentive);
  const hasAmount = ['amount', 'min', 'max'].some((k) => incentive[k] !== undefined);
  if (incentive.currency === undefined && (hasAmount || incentive.rate !== undefined)) incentive.currency = OLD_DEFAULT_CURRENCY;
  if (isRecord(incentive.usdAsReported)) {
    const reported: Data = { currency: 'USD', ...incentive.usdAsReported };
    collapseRange(reported);
    incentive.reported = reported;
    delete incentive.usdAsReported;
  }
  if (isRecord(incentive.rate) && incentive.rate.usdPerUnit !== undefined) {
    const { usdPerUnit, ...rest } = incentive.rate;
    incentive.rate = { rate: usdPerUnit, to: 'USD', ...rest };
  }
}

function migrateFigure(figure: Data): void {
  if (figure.qualifier === 'thousands' && typeof figure.value === 'number') {
    figure.value = 'thousands';
    delete figure.qualifier;
  }
}
