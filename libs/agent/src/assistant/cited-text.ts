import type { RecordKind } from '../evidence/evidence.js';
import { type CheckContext, MIN_CHECKED_NUMBER, numbersIn } from '../report/claim-checker.js';
import { sanitizeText } from '../report/sanitize.js';

export interface Citation {
  /** The footnote number in the text: `[1]`. */
  n: number;
  id: string;
  kind: RecordKind;
}

/** A text whose `[n]` footnotes point at records the answer read. */
export interface CitedText {
  text: string;
  citations: Citation[];
}

const MARKER = /\[\[\s*([A-Za-z0-9:_-]{1,80})\s*\]\]/g;

export interface CitedTextCheck {
  cited: CitedText;
  unknownIds: string[];
  unbackedNumbers: number[];
}

/**
 * Turns `…sentence [[id]]` markers (how a writer cites) into footnotes, and
 * checks the text against what was read: cited ids must be known, numbers of
 * three digits or more must be in the records or the figures.
 */
export function checkCitedText(raw: string, ctx: CheckContext): CitedTextCheck {
  const citations: Citation[] = [];
  const unknownIds: string[] = [];
  const marked = raw.replace(MARKER, (_m, id: string) => {
    const kind = ctx.citable.get(id);
    if (!kind) {
      unknownIds.push(id);
      return '';
    }
    let c = citations.find((x) => x.id === id);
    if (!c) {
      c = { n: citations.length + 1, id, kind };
      citations.push(c);
    }
    return `[${c.n}]`;
  });
  const text = sanitizeText(marked.replace(/[ \t]+([.,;:!?])/g, '$1'));
  const withoutFootnotes = text.replace(/\[\d+\]/g, ' ');
  const unbackedNumbers = numbersIn(withoutFootnotes).filter((n) => n >= MIN_CHECKED_NUMBER && !ctx.numbers.has(n));
  return { cited: { text, citations }, unknownIds, unbackedNumbers };
}

/** Offline texts are built as parts, each with the ids it rests on. */
export function citedFromParts(
  parts: readonly { text: string; ids: readonly string[] }[],
  ctx: CheckContext,
): CitedText {
  const citations: Citation[] = [];
  const sentences = parts.map((p) => {
    const refs = [...new Set(p.ids)]
      .filter((id) => ctx.citable.has(id))
      .map((id) => {
        let c = citations.find((x) => x.id === id);
        if (!c) {
          c = { n: citations.length + 1, id, kind: ctx.citable.get(id) as RecordKind };
          citations.push(c);
        }
        return `[${c.n}]`;
      });
    return refs.length > 0 ? `${p.text} ${refs.join('')}` : p.text;
  });
  return { text: sentences.join('\n'), citations };
}
