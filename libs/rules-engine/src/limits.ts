/**
 * Bounds on a submitted rule set. A cooperative's administrator writes rule
 * sets through the API, so they are untrusted input: these keep validation
 * and evaluation cheap and predictable whatever is sent.
 */
export const LIMITS = {
  /** Serialized JSON, in UTF-8 bytes. */
  maxBytes: 256 * 1024,
  /** Any JSON value, all levels counted: rejects absurd nesting before the schema recurses into it. */
  maxJsonDepth: 32,
  maxRules: 200,
  /** all/any/not levels in one rule, the top one included. */
  maxConditionDepth: 8,
  /** Leaf conditions in one rule. */
  maxConditionsPerRule: 50,
  maxParamsPerRule: 20,
  maxListItems: 100,
  maxIdLength: 64,
  maxNameLength: 120,
  maxMessageLength: 500,
  maxStringValueLength: 200,
  maxPathLength: 120,
  /** Any string anywhere (fixtures included). */
  maxAnyStringLength: 2000,
  /** Numbers must be exact as JSON and as JavaScript numbers. */
  maxMagnitude: 2 ** 53,
  maxPriority: 1000,
  maxFixtures: 500,
  /** Problems reported at once. */
  maxProblems: 50,
} as const;
