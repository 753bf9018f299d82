import { TestBed } from '@angular/core/testing';
import { SLUG, frenchTransloco, pageProviders, settle } from '../testing/page-testing';
import { CitedText } from './cited-text';

describe('CitedText', () => {
  async function show(text: string, citations: { n: number; id: string; kind: string }[]) {
    TestBed.configureTestingModule({ imports: [CitedText, frenchTransloco()], providers: pageProviders() });
    const fixture = TestBed.createComponent(CitedText);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('text', text);
    fixture.componentRef.setInput('citations', citations);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the text exactly as written, line breaks kept, its footnotes as links', async () => {
    const written = 'Les entrées progressent de 20 % [1].\nFatou Diallo a deux échéances de retard [2].';
    const root = await show(written, [
      { n: 1, id: 't-1', kind: 'transaction' },
      { n: 2, id: 'm-2', kind: 'member' },
    ]);
    const paragraph = root.querySelector('[data-testid="cited-text"]') as HTMLElement;
    expect(paragraph.textContent).toBe(written);
    expect([...paragraph.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/c/femmes-bouake/journal/t-1',
      '/c/femmes-bouake/members/m-2',
    ]);
    expect(root.querySelectorAll('[data-testid="cited-text-footnote"]')).toHaveLength(2);
  });

  it('keeps markup as text and shows no image', async () => {
    const root = await show('<img src="https://evil.example/x.png"><b>gras</b>', []);
    expect(root.querySelector('[data-testid="cited-text"]')?.textContent).toBe(
      '<img src="https://evil.example/x.png"><b>gras</b>',
    );
    expect(root.querySelector('img, b')).toBeNull();
  });
});
