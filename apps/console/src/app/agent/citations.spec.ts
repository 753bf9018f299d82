import { citationTarget, footnoteParts } from './citations';

describe('citationTarget', () => {
  it('sends each kind of record to its page, a finding to its card on its case', () => {
    expect(citationTarget('coop', { id: 't-1', kind: 'transaction' })).toEqual({
      link: ['/c', 'coop', 'journal', 't-1'],
    });
    expect(citationTarget('coop', { id: 'm-1', kind: 'member' })).toEqual({ link: ['/c', 'coop', 'members', 'm-1'] });
    expect(citationTarget('coop', { id: 'l-1', kind: 'loan' })).toEqual({ link: ['/c', 'coop', 'loans', 'l-1'] });
    expect(citationTarget('coop', { id: 'case-1', kind: 'case' })).toEqual({ link: ['/c', 'coop', 'cases', 'case-1'] });
    expect(citationTarget('coop', { id: 'f-1', kind: 'finding' }, () => 'case-1')).toEqual({
      link: ['/c', 'coop', 'cases', 'case-1'],
      fragment: 'finding-f-1',
    });
  });

  it('links nothing it cannot place: a finding without its case, an unknown kind', () => {
    expect(citationTarget('coop', { id: 'f-1', kind: 'finding' })).toBeNull();
    expect(citationTarget('coop', { id: 'x', kind: 'javascript:alert(1)' })).toBeNull();
  });
});

describe('footnoteParts', () => {
  const citations = [
    { n: 1, id: 't-1', kind: 'transaction' },
    { n: 2, id: 'm-1', kind: 'member' },
  ];

  it('cuts the text at each known footnote', () => {
    expect(footnoteParts('Un retrait [1] et un solde [2].', citations)).toEqual([
      { text: 'Un retrait ' },
      { n: 1, record: { id: 't-1', kind: 'transaction' } },
      { text: ' et un solde ' },
      { n: 2, record: { id: 'm-1', kind: 'member' } },
      { text: '.' },
    ]);
  });

  it('leaves markers that cite nothing, and any markup, as text', () => {
    expect(footnoteParts('Voir [7] <b>ici</b>', citations)).toEqual([{ text: 'Voir [7] <b>ici</b>' }]);
  });
});
