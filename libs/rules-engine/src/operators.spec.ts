import { Engine } from 'json-rules-engine';
import { type EvaluationClock } from './facts.js';
import { BUILTIN_OPERATORS, type OperatorName, operators } from './operators.js';

const abidjan = (now: string): EvaluationClock => ({ now, timeZone: 'Africa/Abidjan' });
const paris = (now: string): EvaluationClock => ({ now, timeZone: 'Europe/Paris' });
const clock = abidjan('2026-11-25T12:00:00Z');
const op = (name: OperatorName, factValue: unknown, value: unknown, at: EvaluationClock = clock) =>
  operators[name](factValue, value, at);

/** json-rules-engine's own built-in operators, as its engine holds them. */
function referenceOperator(name: string): { evaluate(factValue: unknown, value: unknown): boolean } {
  const engine = new Engine() as unknown as {
    operators: { get(name: string): { evaluate(factValue: unknown, value: unknown): boolean } };
  };
  return engine.operators.get(name);
}

describe('built-in operators', () => {
  // Values of every kind a fact or a condition can hold, the awkward ones included.
  const values: unknown[] = [
    undefined,
    null,
    0,
    -0,
    1,
    -1,
    99.5,
    100,
    100.5,
    1e21,
    Infinity,
    NaN,
    '',
    '100',
    '12abc',
    'abc',
    '1e3',
    ' 7',
    true,
    false,
    [],
    [100],
    ['cash', 'bank'],
    [null],
    {},
    { a: 1 },
  ];
  const lists: unknown[] = [['cash', 'bank'], [100, '100'], [null, 0], [], 'cash-bank', [NaN]];

  it.each(BUILTIN_OPERATORS)('%s gives json-rules-engine 7.3.1 results on every pair of values', (name) => {
    const reference = referenceOperator(name);
    const rights = name === 'in' || name === 'notIn' ? lists : values;
    for (const factValue of values) {
      for (const value of rights) {
        expect([factValue, value, op(name, factValue, value)]).toEqual([
          factValue,
          value,
          reference.evaluate(factValue, value),
        ]);
      }
    }
  });

  it('compares numbers at the boundary', () => {
    expect(op('greaterThan', 100, 100)).toBe(false);
    expect(op('greaterThanInclusive', 100, 100)).toBe(true);
    expect(op('lessThan', 100, 100)).toBe(false);
    expect(op('lessThanInclusive', 100, 100)).toBe(true);
    expect(op('greaterThan', 100.000001, 100)).toBe(true);
  });

  it('is false for numeric comparisons on null or missing values, as json-rules-engine is', () => {
    for (const name of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const) {
      expect(op(name, null, 0)).toBe(false);
      expect(op(name, undefined, 0)).toBe(false);
    }
  });

  it('holds notEqual and notIn on null, as json-rules-engine does', () => {
    expect(op('notEqual', null, 'expense')).toBe(true);
    expect(op('notIn', null, ['cash'])).toBe(true);
    expect(op('notIn', null, [null])).toBe(false);
    expect(op('equal', null, null)).toBe(true);
    expect(op('equal', undefined, null)).toBe(false);
  });

  it('needs a list fact for contains and doesNotContain', () => {
    expect(op('contains', ['fees', 'cash'], 'fees')).toBe(true);
    expect(op('contains', 'fees', 'fees')).toBe(false);
    expect(op('doesNotContain', ['cash'], 'fees')).toBe(true);
    expect(op('doesNotContain', null, 'fees')).toBe(false);
  });
});

describe('withinDays and olderThanDays', () => {
  it('count days from a calendar date to today', () => {
    expect(op('withinDays', '2026-11-25', 0)).toBe(true);
    expect(op('withinDays', '2026-11-18', 7)).toBe(true);
    expect(op('withinDays', '2026-11-17', 7)).toBe(false);
    expect(op('withinDays', '2026-11-26', 7)).toBe(false); // the future is not within the last days
    expect(op('olderThanDays', '2026-11-18', 7)).toBe(false);
    expect(op('olderThanDays', '2026-11-17', 7)).toBe(true);
    expect(op('olderThanDays', '2026-11-26', 0)).toBe(false);
  });

  it('take today in the clock zone: 23:30 UTC is still the 25th in Abidjan, already the 26th in Paris', () => {
    const now = '2026-11-25T23:30:00Z';
    expect(op('withinDays', '2026-11-25', 0, abidjan(now))).toBe(true);
    expect(op('withinDays', '2026-11-25', 0, paris(now))).toBe(false);
    expect(op('withinDays', '2026-11-26', 0, paris(now))).toBe(true);
    expect(op('olderThanDays', '2026-11-24', 1, paris(now))).toBe(true);
    expect(op('olderThanDays', '2026-11-24', 1, abidjan(now))).toBe(false);
  });

  it('convert timestamps to the local date in the clock zone', () => {
    const now = '2026-11-26T08:00:00Z';
    // 23:30 UTC on the 25th: the 25th in Abidjan (one day ago), the 26th in Paris (today).
    expect(op('withinDays', '2026-11-25T23:30:00Z', 0, abidjan(now))).toBe(false);
    expect(op('withinDays', '2026-11-25T23:30:00Z', 0, paris(now))).toBe(true);
    expect(op('withinDays', '2026-11-26T00:30:00+01:00', 0, abidjan(now))).toBe(false); // 23:30 UTC the 25th
    expect(op('olderThanDays', '2026-11-25T22:59:59.999Z', 0, paris(now))).toBe(true);
    expect(op('olderThanDays', '2026-11-25T23:00:00.000Z', 0, paris(now))).toBe(false);
  });

  it('follow daylight saving time in Paris (UTC+1 to UTC+2 on 2026-03-29)', () => {
    // 22:00 UTC on the 29th is midnight of the 30th in summer time.
    const now = '2026-03-29T22:00:00Z';
    expect(op('withinDays', '2026-03-30', 0, paris(now))).toBe(true);
    expect(op('withinDays', '2026-03-29T21:59:59Z', 0, paris(now))).toBe(false);
    expect(op('withinDays', '2026-03-29T21:59:59Z', 1, paris(now))).toBe(true);
    // The same UTC time a day earlier is still 23:00 on the 28th (winter time).
    expect(op('withinDays', '2026-03-29', 0, paris('2026-03-28T22:00:00Z'))).toBe(false);
    expect(op('withinDays', '2026-03-29', 0, paris('2026-03-28T23:00:00Z'))).toBe(true);
    // Back to winter time on 2026-10-25: 23:00 UTC on the 25th is midnight of the 26th.
    expect(op('withinDays', '2026-10-26', 0, paris('2026-10-25T23:00:00Z'))).toBe(true);
    expect(op('withinDays', '2026-10-26', 0, paris('2026-10-25T22:59:59Z'))).toBe(false);
  });

  it('are false on values that are not dates, or day counts that are not whole and positive', () => {
    for (const bad of [
      null,
      undefined,
      '',
      '2026-02-30',
      '2026-11-25T10:00:00',
      '25/11/2026',
      20261125,
      ['2026-11-25'],
    ]) {
      expect(op('withinDays', bad, 365)).toBe(false);
      expect(op('olderThanDays', bad, 0)).toBe(false);
    }
    for (const days of [-1, 1.5, '7', null, Infinity]) {
      expect(op('withinDays', '2026-11-25', days)).toBe(false);
      expect(op('olderThanDays', '2020-01-01', days)).toBe(false);
    }
  });
});

describe('beforeLocalTime and afterLocalTime', () => {
  it('compare the local time of day in the clock zone', () => {
    expect(op('beforeLocalTime', '2026-11-25T07:59:59Z', '08:00')).toBe(true);
    expect(op('beforeLocalTime', '2026-11-25T08:00:00Z', '08:00')).toBe(false);
    expect(op('afterLocalTime', '2026-11-25T08:00:00Z', '08:00')).toBe(false);
    expect(op('afterLocalTime', '2026-11-25T08:00:00.001Z', '08:00')).toBe(true);
    // 07:30 UTC is 07:30 in Abidjan, 08:30 in Paris.
    expect(op('beforeLocalTime', '2026-11-25T08:30:00+01:00', '08:00', abidjan('2026-11-25T12:00:00Z'))).toBe(true);
    expect(op('beforeLocalTime', '2026-11-25T08:30:00+01:00', '08:00', paris('2026-11-25T12:00:00Z'))).toBe(false);
  });

  it('use the offset in force at the timestamp in Paris, winter and summer', () => {
    const at = paris('2026-06-01T12:00:00Z');
    expect(op('beforeLocalTime', '2026-03-28T07:59:00Z', '09:00', at)).toBe(true); // 08:59 winter time
    expect(op('beforeLocalTime', '2026-03-28T08:00:00Z', '09:00', at)).toBe(false); // 09:00
    expect(op('beforeLocalTime', '2026-03-30T06:59:00Z', '09:00', at)).toBe(true); // 08:59 summer time
    expect(op('beforeLocalTime', '2026-03-30T07:00:00Z', '09:00', at)).toBe(false); // 09:00
    expect(op('afterLocalTime', '2026-03-29T21:59:00Z', '23:58', at)).toBe(true); // 23:59 summer time
  });

  it('are false on dates without a time, timestamps without a zone, or malformed times', () => {
    for (const bad of ['2026-11-25', '2026-11-25T07:00:00', null, 7]) {
      expect(op('beforeLocalTime', bad, '08:00')).toBe(false);
      expect(op('afterLocalTime', bad, '00:00')).toBe(false);
    }
    for (const time of ['8:00', '24:00', '08:60', '', null, 800]) {
      expect(op('beforeLocalTime', '2026-11-25T07:00:00Z', time)).toBe(false);
    }
  });
});

describe('amount operators', () => {
  it('multipleOf and notMultipleOf need whole numbers', () => {
    expect(op('multipleOf', 15000, 5000)).toBe(true);
    expect(op('multipleOf', 15001, 5000)).toBe(false);
    expect(op('multipleOf', 0, 5000)).toBe(true);
    expect(op('multipleOf', -10000, 5000)).toBe(true);
    expect(op('notMultipleOf', 15001, 5000)).toBe(true);
    expect(op('notMultipleOf', 15000, 5000)).toBe(false);
    for (const [x, n] of [
      [15000.5, 5000],
      ['15000', 5000],
      [null, 5000],
      [15000, 0],
      [15000, -5000],
      [15000, 2.5],
    ]) {
      expect(op('multipleOf', x, n)).toBe(false);
      expect(op('notMultipleOf', x, n)).toBe(false);
    }
  });

  it('roundAmount wants a positive multiple of the unit', () => {
    expect(op('roundAmount', 500000, 100000)).toBe(true);
    expect(op('roundAmount', 100000, 100000)).toBe(true);
    expect(op('roundAmount', 150000, 100000)).toBe(false);
    expect(op('roundAmount', 0, 100000)).toBe(false);
    expect(op('roundAmount', -100000, 100000)).toBe(false);
    expect(op('roundAmount', 100000, 0)).toBe(false);
  });

  it('justBelow: threshold × (100 − percent) / 100 <= x < threshold', () => {
    const value = { threshold: 1_000_000, percent: 10 };
    expect(op('justBelow', 899_999, value)).toBe(false);
    expect(op('justBelow', 900_000, value)).toBe(true);
    expect(op('justBelow', 999_999, value)).toBe(true);
    expect(op('justBelow', 1_000_000, value)).toBe(false);
    expect(op('justBelow', '950000', value)).toBe(false);
    expect(op('justBelow', 950_000, { threshold: 1_000_000 })).toBe(false);
  });

  it('percentOfAbove: x > of × percent / 100', () => {
    expect(op('percentOfAbove', 150_000, { percent: 300, of: 50_000 })).toBe(false);
    expect(op('percentOfAbove', 150_001, { percent: 300, of: 50_000 })).toBe(true);
    expect(op('percentOfAbove', null, { percent: 300, of: 50_000 })).toBe(false);
    expect(op('percentOfAbove', 150_001, { percent: 300 })).toBe(false);
  });
});

describe('zScoreAbove', () => {
  const window = (count: number, mean: number, stddev: number, amount: number) => ({
    count,
    sum: count * mean,
    mean,
    stddev,
    amount,
  });

  it('holds when the amount is more than threshold standard deviations above the mean', () => {
    expect(op('zScoreAbove', window(10, 1000, 100, 1300), 3)).toBe(false); // exactly 3
    expect(op('zScoreAbove', window(10, 1000, 100, 1301), 3)).toBe(true);
    expect(op('zScoreAbove', window(10, 1000, 100, 800), -3)).toBe(true); // -2 > -3
  });

  it('needs minCount movements (5 by default) and a spread', () => {
    expect(op('zScoreAbove', window(4, 1000, 100, 5000), 3)).toBe(false);
    expect(op('zScoreAbove', window(5, 1000, 100, 5000), 3)).toBe(true);
    expect(op('zScoreAbove', window(9, 1000, 100, 5000), { threshold: 3, minCount: 10 })).toBe(false);
    expect(op('zScoreAbove', window(10, 1000, 100, 5000), { threshold: 3, minCount: 10 })).toBe(true);
    expect(op('zScoreAbove', window(10, 1000, 0, 5000), 3)).toBe(false);
  });

  it('is false on anything but a window of numbers', () => {
    expect(op('zScoreAbove', null, 3)).toBe(false);
    expect(op('zScoreAbove', { count: 10, mean: 1000, stddev: 100 }, 3)).toBe(false);
    expect(op('zScoreAbove', { ...window(10, 1000, 100, 5000), count: '10' }, 3)).toBe(false);
    expect(op('zScoreAbove', window(10, 1000, 100, 5000), '3')).toBe(false);
    expect(op('zScoreAbove', window(10, 1000, 100, 5000), { minCount: 2 })).toBe(false);
  });
});
