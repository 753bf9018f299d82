import { sanitizeText } from './sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['plain text stays', 'Cotisation de 5 000 F CFA.', 'Cotisation de 5 000 F CFA.'],
    ['tags go, their text stays', 'Un <b>gros</b> <em>écart</em>', 'Un gros écart'],
    ['scripts go with their content', 'a<script>fetch("https://x")</script>b', 'ab'],
    ['an HTML comment goes', 'a<!-- hidden -->b', 'ab'],
    ['a markdown image goes entirely', 'voir ![reçu](https://evil.example/p.png) ici', 'voir ici'],
    ['a reference image goes', 'voir ![reçu][1] ici', 'voir ici'],
    ['a markdown link keeps its text', 'voir [le relevé](https://evil.example/x) ici', 'voir le relevé ici'],
    ['a link reference definition goes', 'texte\n[1]: https://evil.example', 'texte'],
    ['bare URLs go', 'ouvrez https://evil.example/login?x=1 vite', 'ouvrez vite'],
    ['javascript: and data: payloads go', 'a javascript:alert(1) b data:text/html;base64,xx c', 'a b c'],
    ['www. links go', 'va sur www.evil.example maintenant', 'va sur maintenant'],
    ['a tag cut short is defused', 'fin <img src=x onerror=alert(1)', 'fin img src=x onerror=alert(1)'],
    ['a comparison stays', 'montant < 5000 et > 100', 'montant < 5000 et > 100'],
    ['control and bidi characters go', 'a\u0000b\u202ec\u2066d', 'abcd'],
    ['blank lines collapse', 'a\n\n\n\nb  c', 'a\n\nb c'],
  ])('%s', (_name, input, output) => {
    expect(sanitizeText(input)).toBe(output);
  });
});
