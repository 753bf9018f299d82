import { z } from 'zod';
import * as contracts from '@kotizo/contracts';
import { slugField } from '@kotizo/contracts';
import { translate } from '../errors/messages/catalog.js';
import { CONTRACT_WORDING, contractWording } from './contract-wording.js';
import { zodIssuesToFieldErrors } from './zod-field-errors.js';

type Def = Record<string, unknown> & { type?: string; format?: string; check?: string; error?: () => unknown };
type Node = { _zod: { def: Def } };

/** An English text a contracts schema gives for an issue, with the values its check knows. */
interface Worded {
  text: string;
  issue: z.core.$ZodIssue['code'];
  params: { min?: number; max?: number };
  where: string;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as Node)._zod?.def === 'object';

const textOf = (def: Def): string | undefined => {
  const said = def.error?.();
  return typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
};

// Where a schema's own message goes: a plain type's message only ever reaches a wrong type, which
// the pipe words itself ("must be a number"), so those are not listed.
const schemaIssue: Record<string, z.core.$ZodIssue['code']> = {
  enum: 'invalid_value',
  literal: 'invalid_value',
  union: 'invalid_union',
};
const checkIssue: Record<string, z.core.$ZodIssue['code']> = {
  min_length: 'too_small',
  max_length: 'too_big',
  greater_than: 'too_small',
  less_than: 'too_big',
  string_format: 'invalid_format',
  number_format: 'invalid_type',
  custom: 'custom',
};

/** Every text a schema (and the schemas inside it) words itself. */
function wordedTexts(root: Node, name: string): Worded[] {
  const found: Worded[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, where: string): void => {
    if (!isNode(node) || seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def;
    const text = textOf(def);
    const issue = def.format ? 'invalid_format' : schemaIssue[def.type ?? ''];
    if (text && issue) found.push({ text, issue, params: {}, where });
    for (const check of (def['checks'] as Node[] | undefined) ?? []) {
      const checkDef = check._zod.def;
      const checkText = textOf(checkDef);
      const value = (checkDef['minimum'] ?? checkDef['maximum'] ?? checkDef['value']) as number | undefined;
      const checkKind = checkIssue[checkDef.check ?? ''];
      if (checkText && checkKind)
        found.push({ text: checkText, issue: checkKind, params: { min: value, max: value }, where });
    }
    const children = [
      ...Object.entries((def['shape'] as Record<string, unknown> | undefined) ?? {}),
      ...['innerType', 'in', 'out', 'element', 'keyType', 'valueType', 'catchall', 'left', 'right'].map(
        (key) => [key, def[key]] as const,
      ),
      ...((def['options'] as unknown[] | undefined) ?? []).map((option, i) => [`option ${i}`, option] as const),
    ];
    for (const [key, child] of children) visit(child, `${where}.${key}`);
  };
  visit(root, name);
  return found;
}

describe('the wording of libs/contracts', () => {
  const worded = Object.entries(contracts as Record<string, unknown>).flatMap(([name, value]) =>
    value instanceof z.ZodType ? wordedTexts(value as unknown as Node, name) : [],
  );

  it('finds the texts of the schemas', () => {
    expect(worded.length).toBeGreaterThan(40);
    expect(worded).toContainEqual(expect.objectContaining({ text: 'the borrower cannot guarantee their own loan' }));
  });

  it('has every one of them in the catalog, so it is said in French too', () => {
    const unknown = worded
      .filter(({ text, issue, params }) => contractWording(issue, text, params) === undefined)
      .filter(({ text, issue, params }) => !saidByThePipe(issue, text, params))
      .map(({ text, issue, where }) => `${where}: "${text}" (${issue}): add it to contract-wording.ts`);
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('lists codes that each render to a text of the contracts', () => {
    const texts = new Set(worded.map((w) => w.text));
    const slugTexts = ['ab', 'a'.repeat(60), 'Bad_Slug', 'admin'].flatMap((slug) => {
      const result = slugField.safeParse(slug);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    });
    for (const text of slugTexts) texts.add(text);
    for (const { code, params, issue } of CONTRACT_WORDING) {
      const used = [...texts].some((text) => contractWording(issue, text, wordedParams(worded, text)) !== undefined);
      expect({ code, params, used }).toEqual({ code, params, used: true });
    }
  });

  it('words the slug problems, found by a function the walk cannot see into', () => {
    const codes = ['ab', 'a'.repeat(60), 'Bad_Slug', 'admin'].map((slug) => {
      const result = slugField.safeParse(slug, { reportInput: true });
      return result.success ? null : zodIssuesToFieldErrors(result.error.issues)[0]!.code;
    });
    expect(codes).toEqual(['too_short', 'too_long', 'slug_format', 'reserved_word']);
  });
});

/** A size check whose text is the pipe's own words for sizes ("must be at least 2 characters"). */
function saidByThePipe(issue: string, text: string, params: { min?: number; max?: number }): boolean {
  const house =
    issue === 'too_small'
      ? ['too_short', 'too_small', 'too_few']
      : issue === 'too_big'
        ? ['too_long', 'too_big', 'too_many']
        : [];
  return house.some((code) => translate('en', 'field', code as 'too_short', params) === text);
}

function wordedParams(worded: Worded[], text: string): { min?: number; max?: number } {
  return worded.find((w) => w.text === text)?.params ?? {};
}
