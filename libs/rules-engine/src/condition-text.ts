import { type EvaluationClock } from './facts.js';
import { factLabel } from './fact-path.js';
import { formatNumber, formatOperand } from './format.js';
import { localTimeOfDayMs, parseInstant } from './local-time.js';
import { type OperatorName, zScoreOf, zScoreValue } from './operators.js';
import { type Locale, type Localized } from './rule-set.js';

/**
 * A condition in words, in French and English, for a hit's explanation:
 * "movement.amount (150000) is greater than 100000". `negated` describes the
 * condition failing, for conditions under a `not`.
 */

type Words = (value: string) => string;
interface Phrase {
  en: Words;
  fr: Words;
  enNot: Words;
  frNot: Words;
}

const phrase = (en: string, fr: string, enNot: string, frNot: string): Phrase => ({
  en: (v) => `${en} ${v}`,
  fr: (v) => `${fr} ${v}`,
  enNot: (v) => `${enNot} ${v}`,
  frNot: (v) => `${frNot} ${v}`,
});

const PHRASES: Record<OperatorName, Phrase> = {
  equal: phrase('is equal to', 'est égal à', 'is not equal to', "n'est pas égal à"),
  notEqual: phrase('is not equal to', 'est différent de', 'is equal to', 'est égal à'),
  lessThan: phrase('is less than', 'est inférieur à', 'is not less than', "n'est pas inférieur à"),
  lessThanInclusive: phrase('is at most', 'est inférieur ou égal à', 'is not at most', "n'est pas inférieur ou égal à"),
  greaterThan: phrase('is greater than', 'est supérieur à', 'is not greater than', "n'est pas supérieur à"),
  greaterThanInclusive: phrase(
    'is at least',
    'est supérieur ou égal à',
    'is not at least',
    "n'est pas supérieur ou égal à",
  ),
  in: phrase('is one of', 'est parmi', 'is not one of', "n'est pas parmi"),
  notIn: phrase('is not one of', "n'est pas parmi", 'is one of', 'est parmi'),
  contains: phrase('contains', 'contient', 'does not contain', 'ne contient pas'),
  doesNotContain: phrase('does not contain', 'ne contient pas', 'contains', 'contient'),
  withinDays: {
    en: (v) => `is within the last ${v} days`,
    fr: (v) => `est dans les ${v} derniers jours`,
    enNot: (v) => `is not within the last ${v} days`,
    frNot: (v) => `n'est pas dans les ${v} derniers jours`,
  },
  olderThanDays: {
    en: (v) => `is more than ${v} days old`,
    fr: (v) => `date de plus de ${v} jours`,
    enNot: (v) => `is not more than ${v} days old`,
    frNot: (v) => `ne date pas de plus de ${v} jours`,
  },
  beforeLocalTime: phrase('is before', 'est avant', 'is not before', "n'est pas avant"),
  afterLocalTime: phrase('is after', 'est après', 'is not after', "n'est pas après"),
  multipleOf: phrase('is a multiple of', 'est un multiple de', 'is not a multiple of', "n'est pas un multiple de"),
  notMultipleOf: phrase('is not a multiple of', "n'est pas un multiple de", 'is a multiple of', 'est un multiple de'),
  roundAmount: {
    en: (v) => `is a round amount (multiple of ${v})`,
    fr: (v) => `est un montant rond (multiple de ${v})`,
    enNot: (v) => `is not a round amount (multiple of ${v})`,
    frNot: (v) => `n'est pas un montant rond (multiple de ${v})`,
  },
  justBelow: phrase('is just below', 'est juste sous', 'is not just below', "n'est pas juste sous"),
  zScoreAbove: phrase('is above', 'est au-dessus de', 'is not above', "n'est pas au-dessus de"),
  percentOfAbove: phrase('is more than', 'dépasse', 'is not more than', 'ne dépasse pas'),
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The compared value as the phrase needs it. */
function formatConditionValue(operator: OperatorName, value: unknown, locale: Locale): string {
  const number = (n: unknown) => formatOperand(n, locale);
  if (operator === 'justBelow') {
    const percent = number(field(value, 'percent'));
    const within = locale === 'fr' ? `à moins de ${percent} %` : `within ${percent}%`;
    return `${number(field(value, 'threshold'))} (${within})`;
  }
  if (operator === 'percentOfAbove') {
    const percent = number(field(value, 'percent'));
    const of = number(field(value, 'of'));
    return locale === 'fr' ? `${percent} % de ${of}` : `${percent}% of ${of}`;
  }
  if (operator === 'zScoreAbove') return number(zScoreValue(value)?.threshold);
  // "08:00", not ""08:00"".
  if ((operator === 'beforeLocalTime' || operator === 'afterLocalTime') && typeof value === 'string') return value;
  return number(value);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The fact value as the phrase needs it: a local time for time-of-day operators, a z-score for zScoreAbove. */
function formatFactValue(operator: OperatorName, factValue: unknown, clock: EvaluationClock, locale: Locale): string {
  if (operator === 'beforeLocalTime' || operator === 'afterLocalTime') {
    const instant = typeof factValue === 'string' ? parseInstant(factValue) : NaN;
    if (instant !== instant) return formatOperand(factValue, locale);
    const seconds = Math.floor(localTimeOfDayMs(instant, clock.timeZone) / 1000);
    const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
    const withSeconds = seconds % 60 === 0 ? time : `${time}:${pad(seconds % 60)}`;
    return `${withSeconds} ${locale === 'fr' ? 'heure locale' : 'local time'}`;
  }
  if (operator === 'zScoreAbove') {
    const z = zScoreOf(factValue);
    const label = locale === 'fr' ? 'écart réduit' : 'z-score';
    return Number.isFinite(z) ? `${label} ${formatNumber(z, locale)}` : `${label} —`;
  }
  return formatOperand(factValue, locale);
}

export interface DescribedCondition {
  fact: string;
  /** '' for the whole fact. */
  path: string;
  operator: OperatorName;
  value: unknown;
  factValue: unknown;
  negated: boolean;
}

export function describeCondition(condition: DescribedCondition, clock: EvaluationClock): Localized {
  const { operator, negated } = condition;
  const words = PHRASES[operator];
  const label = factLabel(condition.fact, condition.path);
  const text = (locale: Locale) => {
    const say = locale === 'fr' ? (negated ? words.frNot : words.fr) : negated ? words.enNot : words.en;
    const factValue = formatFactValue(operator, condition.factValue, clock, locale);
    return `${label} (${factValue}) ${say(formatConditionValue(operator, condition.value, locale))}`;
  };
  return { fr: text('fr'), en: text('en') };
}
