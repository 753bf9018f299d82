import { buildCsv, csvCell } from './csv';

describe('buildCsv', () => {
  it('starts with a UTF-8 BOM, separates cells with ";" and ends each record with CRLF', () => {
    const csv = buildCsv([
      ['Date', 'Montant'],
      ['2026-11-25', 5000],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFDate;Montant\r\n2026-11-25;5000\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps accents and empty cells', () => {
    expect(buildCsv([['Awa Koné', null, undefined, '']])).toBe('\uFEFFAwa Koné;;;\r\n');
  });

  it('accepts another separator', () => {
    expect(buildCsv([['a,b', 'c']], { separator: ',' })).toBe('\uFEFF"a,b",c\r\n');
  });
});

describe('csvCell quoting (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['a,b', 'a,b'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvCell formula neutralisation', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33612345678', "'+33612345678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', '"\'\rcmd"'],
    ['=HYPERLINK("http://x";"clic")', '"\'=HYPERLINK(""http://x"";""clic"")"'],
  ])('prefixes %j with an apostrophe', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves harmless text and numbers alone, negative numbers included', () => {
    expect(csvCell('Cotisation = 5000')).toBe('Cotisation = 5000');
    expect(csvCell(-5000)).toBe('-5000');
    expect(csvCell(0)).toBe('0');
  });
});
