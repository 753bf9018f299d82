import { AgentError, MalformedModelOutputError, TokenBudgetExceededError } from '@kotizo/agent';
import { AppError, NotFound } from '../../platform/errors/app-error.js';
import { assistantErrorLine } from './assistant-stream-error.js';

describe('assistantErrorLine', () => {
  it('says a spent budget in the caller’s language, as an expected refusal', () => {
    const spent = new TokenBudgetExceededError(120_000, 100_000);
    expect(assistantErrorLine(spent, 'fr')).toEqual({
      line: {
        type: 'error',
        code: 'ai_budget_spent',
        message:
          'Le budget d’IA du mois est épuisé : l’assistant répondra de nouveau le mois prochain, ou dès que la fédération relèvera le budget.',
      },
      expected: true,
    });
    expect(assistantErrorLine(spent, 'en').line.message).toMatch(/^This month’s AI budget is spent/);
  });

  it('asks to try again after a provider fault, without its text', () => {
    const timeout = Object.assign(new Error('connect ETIMEDOUT 10.0.0.7:443 (sk-live-…)'), { code: 'ETIMEDOUT' });
    const garbled = new MalformedModelOutputError('Unexpected token < in JSON at position 0');
    for (const error of [timeout, garbled]) {
      const { line, expected } = assistantErrorLine(error, 'en');
      expect(line).toEqual({
        type: 'error',
        code: 'assistant_unavailable',
        message: 'The AI model did not answer properly; try again in a moment.',
      });
      expect(expected).toBe(false);
    }
  });

  it('keeps anything else to itself: a bug, a refused provider key, a thread of someone else', () => {
    const internals = [
      new Error('relation "assistant_threads" does not exist'),
      Object.assign(new Error('401 Incorrect API key provided: sk-abc'), { status: 401 }),
      new AgentError('AGENT_TENANT_MISMATCH', { fr: 'Ce fil…', en: 'This thread…' }, false),
      'a thrown string',
    ];
    for (const error of internals) {
      expect(assistantErrorLine(error, 'fr')).toEqual({
        line: {
          type: 'error',
          code: 'internal_error',
          message: 'Une erreur s’est produite de notre côté ; elle a été consignée.',
        },
        expected: false,
      });
    }
  });

  it('says a refusal of ours with its code and catalog words', () => {
    expect(assistantErrorLine(new NotFound('conversation'), 'fr')).toEqual({
      line: { type: 'error', code: 'not_found', message: 'Cette conversation est introuvable.' },
      expected: true,
    });
    expect(assistantErrorLine(new AppError(503, 'queue_unavailable'), 'en')).toEqual({
      line: { type: 'error', code: 'queue_unavailable', message: 'The job queue is unavailable; try again.' },
      expected: false,
    });
  });
});
