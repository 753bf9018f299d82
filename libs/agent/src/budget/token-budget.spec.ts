import { addUsage, assertBudget, checkBudget, TokenBudgetExceededError } from './token-budget.js';

describe('token budget', () => {
  it('lets a run go under the limit, or with no limit', () => {
    expect(() => assertBudget(999, 1_000)).not.toThrow();
    expect(() => assertBudget(10 ** 9, null)).not.toThrow();
  });

  it('stops hard at the limit, with the figures in both languages', () => {
    expect(() => assertBudget(1_000, 1_000)).toThrow(TokenBudgetExceededError);
    try {
      assertBudget(1_250_000, 1_000_000);
    } catch (e) {
      expect(e).toMatchObject({
        code: 'AGENT_TOKEN_BUDGET_EXCEEDED',
        retryable: false,
        used: 1_250_000,
        limit: 1_000_000,
      });
      expect((e as TokenBudgetExceededError).localized.fr).toMatch(
        /^Budget d’IA du mois épuisé : 1\s250\s000 jetons utilisés sur 1\s000\s000\./,
      );
      expect((e as TokenBudgetExceededError).message).toMatch(
        /^This month’s AI budget is spent: 1,250,000 of 1,000,000 tokens used\. .*offline analyst remains available\.$/,
      );
    }
    expect.assertions(4);
  });

  it('checks the stored month plus what is not yet recorded', async () => {
    const budget = { usedThisMonth: async () => 900, monthlyLimit: async () => 1_000, record: async () => undefined };
    await expect(checkBudget(budget, 50)).resolves.toBeUndefined();
    await expect(checkBudget(budget, 100)).rejects.toBeInstanceOf(TokenBudgetExceededError);
    await expect(checkBudget(undefined)).resolves.toBeUndefined();
  });

  it('adds usage', () => {
    expect(addUsage({ inputTokens: 1, outputTokens: 2 }, { inputTokens: 10, outputTokens: 20 })).toEqual({
      inputTokens: 11,
      outputTokens: 22,
    });
  });
});
