import type { Action, SubjectName } from '@kotizo/authorization';

/** A record an AI text rests on, as the API names it. */
export interface CitedRecord {
  id: string;
  /** `transaction`, `finding`, `member`, `loan`, `case`; anything else is shown, not linked. */
  kind: string;
}

/** Where a cited record is shown in the console; `fragment` is a finding's anchor on its case page. */
export interface CitationTarget {
  link: string[];
  fragment?: string;
}

/** The right a user needs to open each kind of record (the route guards check the same). */
export const CITATION_RIGHTS: Readonly<Record<string, readonly [Action, SubjectName]>> = {
  transaction: ['read', 'Transaction'],
  member: ['read', 'Member'],
  loan: ['read', 'Loan'],
  case: ['read', 'Case'],
  finding: ['read', 'Case'],
};

/** `finding-<id>`: the anchor of a finding's card on the case page. */
export const findingAnchor = (findingId: string) => `finding-${findingId}`;

/**
 * The page of a cited record. A finding lives on its case's page, so it needs the case
 * (`findingCase`); without one, or for an unknown kind, there is nowhere to go: null.
 */
export function citationTarget(
  slug: string,
  record: CitedRecord,
  findingCase: (findingId: string) => string | null = () => null,
): CitationTarget | null {
  switch (record.kind) {
    case 'transaction':
      return { link: ['/c', slug, 'journal', record.id] };
    case 'member':
      return { link: ['/c', slug, 'members', record.id] };
    case 'loan':
      return { link: ['/c', slug, 'loans', record.id] };
    case 'case':
      return { link: ['/c', slug, 'cases', record.id] };
    case 'finding': {
      const caseId = findingCase(record.id);
      return caseId ? { link: ['/c', slug, 'cases', caseId], fragment: findingAnchor(record.id) } : null;
    }
    default:
      return null;
  }
}

/** A piece of a text with `[n]` footnotes: plain text, or a footnote with the record it cites. */
export type TextPart = { text: string } | { n: number; record: CitedRecord };

/**
 * Splits a text on its `[n]` markers. A marker with no matching citation stays as text: the
 * text is data, shown as written, never parsed for anything else.
 */
export function footnoteParts(text: string, citations: readonly (CitedRecord & { n: number })[]): TextPart[] {
  const byNumber = new Map(citations.map((c) => [c.n, c] as const));
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const citation = byNumber.get(Number(match[1]));
    if (!citation) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ n: citation.n, record: { id: citation.id, kind: citation.kind } });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The first characters of an id: enough to tell two records apart in a list. */
export const shortId = (id: string) => id.replace(/-/g, '').slice(0, 8);
