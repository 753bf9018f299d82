import { LIMITS } from './limits.js';
import { RULE_SCOPES, SEVERITIES } from './rule-set.js';

/**
 * JSON Schema (draft 2020-12) of a rule set: the envelope and
 * json-rules-engine's condition format. What a schema cannot say (known
 * operators and facts, path syntax, parameter references, value types per
 * operator, nesting depth) is checked afterwards in `rule-set-checks.ts`.
 *
 * A pack file (`rules/*.json`) validates too: its name, description and
 * fixtures are allowed beside the rule set and left out of the result.
 */

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });
const localized = (maxLength: number) => ({
  type: 'object',
  required: ['fr', 'en'],
  additionalProperties: false,
  properties: { fr: text(maxLength), en: text(maxLength) },
});
const kebabCase = (maxLength: number) => ({ type: 'string', maxLength, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
const conditionExtras = {
  priority: { type: 'integer', minimum: 1, maximum: LIMITS.maxPriority },
  name: { type: 'string', maxLength: LIMITS.maxNameLength },
};
const conditionList = { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } };

export const ruleSetSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://kotizo.app/schemas/rule-set.json',
  type: 'object',
  required: ['pack', 'packVersion', 'rules'],
  additionalProperties: false,
  properties: {
    pack: kebabCase(LIMITS.maxIdLength),
    packVersion: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z.+-]+$' },
    rules: { type: 'array', maxItems: LIMITS.maxRules, items: { $ref: '#/$defs/rule' } },
    name: localized(LIMITS.maxNameLength),
    description: localized(LIMITS.maxMessageLength),
    fixtures: { type: 'array', maxItems: LIMITS.maxFixtures, items: { type: 'object' } },
  },
  $defs: {
    rule: {
      type: 'object',
      required: ['id', 'name', 'message', 'severity', 'scope', 'enabled', 'params', 'conditions'],
      additionalProperties: false,
      properties: {
        id: kebabCase(LIMITS.maxIdLength),
        name: localized(LIMITS.maxNameLength),
        message: localized(LIMITS.maxMessageLength),
        severity: { enum: [...SEVERITIES] },
        scope: { enum: [...RULE_SCOPES] },
        enabled: { type: 'boolean' },
        // json-rules-engine takes whole priorities from 1 up.
        priority: { type: 'integer', minimum: 1, maximum: LIMITS.maxPriority },
        params: {
          type: 'object',
          maxProperties: LIMITS.maxParamsPerRule,
          propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' },
          additionalProperties: { $ref: '#/$defs/param' },
        },
        conditions: { $ref: '#/$defs/topCondition' },
      },
    },
    param: {
      type: 'object',
      required: ['value', 'label'],
      additionalProperties: false,
      properties: {
        value: { type: ['number', 'string', 'boolean'], maxLength: LIMITS.maxStringValueLength },
        label: localized(LIMITS.maxNameLength),
        min: { type: 'number' },
        max: { type: 'number' },
      },
    },
    // The root of a rule's conditions must be all, any or not.
    topCondition: {
      type: 'object',
      if: { required: ['any'] },
      then: { $ref: '#/$defs/anyCondition' },
      else: {
        if: { required: ['all'] },
        then: { $ref: '#/$defs/allCondition' },
        else: { if: { required: ['not'] }, then: { $ref: '#/$defs/notCondition' }, else: false },
      },
    },
    condition: {
      type: 'object',
      if: { required: ['any'] },
      then: { $ref: '#/$defs/anyCondition' },
      else: {
        if: { required: ['all'] },
        then: { $ref: '#/$defs/allCondition' },
        else: {
          if: { required: ['not'] },
          then: { $ref: '#/$defs/notCondition' },
          else: { $ref: '#/$defs/factCondition' },
        },
      },
    },
    allCondition: {
      type: 'object',
      required: ['all'],
      additionalProperties: false,
      properties: { all: conditionList, ...conditionExtras },
    },
    anyCondition: {
      type: 'object',
      required: ['any'],
      additionalProperties: false,
      properties: { any: conditionList, ...conditionExtras },
    },
    notCondition: {
      type: 'object',
      required: ['not'],
      additionalProperties: false,
      properties: { not: { $ref: '#/$defs/condition' }, ...conditionExtras },
    },
    factCondition: {
      type: 'object',
      required: ['fact', 'operator', 'value'],
      additionalProperties: false,
      properties: {
        fact: { type: 'string', maxLength: 40 },
        path: { type: 'string', maxLength: LIMITS.maxPathLength },
        operator: { type: 'string', maxLength: 40 },
        value: {},
        ...conditionExtras,
      },
    },
  },
} as const;
