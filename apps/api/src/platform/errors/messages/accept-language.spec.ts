import { negotiateLanguage, requestLanguage } from './accept-language.js';

describe('negotiateLanguage', () => {
  it('answers in English without a header, or with none of ours', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage('de-DE, es;q=0.8')).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
    expect(negotiateLanguage('not a language ;;; q=')).toBe('en');
  });

  it('takes a regional variant for its language, whatever the case', () => {
    expect(negotiateLanguage('fr-CI')).toBe('fr');
    expect(negotiateLanguage('FR-sn')).toBe('fr');
    expect(negotiateLanguage('en-GB')).toBe('en');
  });

  it('honours q-values, then the order of the header', () => {
    expect(negotiateLanguage('en;q=0.4, fr;q=0.9')).toBe('fr');
    expect(negotiateLanguage('de, fr-CI;q=0.8, en;q=0.5')).toBe('fr');
    expect(negotiateLanguage('fr, en')).toBe('fr');
    expect(negotiateLanguage('en, fr')).toBe('en');
    expect(negotiateLanguage('*;q=0.1, fr;q=0.2')).toBe('fr');
  });

  it('never answers in a language refused with q=0', () => {
    expect(negotiateLanguage('fr;q=0, *')).toBe('en');
    expect(negotiateLanguage('en;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiateLanguage('en;q=0, fr;q=0')).toBe('en');
  });

  it('reads a header sent several times', () => {
    expect(negotiateLanguage(['de', 'fr;q=0.5'])).toBe('fr');
  });

  it('reads it off a request', () => {
    expect(requestLanguage({ headers: { 'accept-language': 'fr-SN,fr;q=0.9' } })).toBe('fr');
    expect(requestLanguage({ headers: {} })).toBe('en');
  });
});
