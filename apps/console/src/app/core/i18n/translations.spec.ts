import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation files', () => {
  const french = flatten(fr as Tree);
  const english = flatten(en as Tree);

  it('have the same keys in French and English', () => {
    expect([...english.keys()].filter((k) => !french.has(k))).toEqual([]);
    expect([...french.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    const mismatched = [...french].filter(
      ([key, text]) => params(text).join() !== params(english.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
    expect([...french, ...english].filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
