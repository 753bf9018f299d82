import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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

/** The main files, and each Transloco scope's folder (`agent/`…), loaded by the features that use them. */
const I18N = join(__dirname, '../../../../public/i18n');
const folders = [
  '',
  ...readdirSync(I18N, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name),
];
const file = (folder: string, lang: string) => join(I18N, folder, `${lang}.json`);
const read = (folder: string, lang: string): Tree =>
  existsSync(file(folder, lang)) ? (JSON.parse(readFileSync(file(folder, lang), 'utf8')) as Tree) : {};

describe.each(folders)('translation files in i18n/%s', (folder) => {
  it('exist in French and English', () => {
    expect([existsSync(file(folder, 'fr')), existsSync(file(folder, 'en'))]).toEqual([true, true]);
  });

  const french = flatten(read(folder, 'fr'));
  const english = flatten(read(folder, 'en'));

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
