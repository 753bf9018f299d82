import { FakePorts } from '../testing/fake-ports.js';
import { twoTenants } from '../testing/harness.js';
import { caseOf, loanId, memberId } from '../testing/world.js';
import { emptyEvidence, type Evidence, mergeEvidence } from './evidence.js';
import { computeFigures } from './figures.js';
import { runReadTool } from './read-tools.js';

const books = twoTenants();

async function gathered(ruleId: string, calls: { name: string; args: Record<string, unknown> }[]): Promise<Evidence> {
  const { timeline: _t, ...c } = caseOf(books.A, ruleId);
  let e = mergeEvidence(emptyEvidence(), { case: c });
  const ports = new FakePorts(books, 'A');
  for (const call of calls) e = mergeEvidence(e, (await runReadTool(ports, { id: 'x', ...call }, 'code', e, [])).patch);
  return e;
}

const values = (e: Evidence) => Object.fromEntries(computeFigures(e).map((f) => [f.key, f.value]));

describe('figures computed in code', () => {
  it('for a member’s case: flagged movements, savings, the usual amount and the ratio', async () => {
    const e = await gathered('duplicate-within-24h', [
      { name: 'get_member', args: { memberId: memberId('A', 1) } },
      { name: 'get_member_dues', args: { memberId: memberId('A', 1) } },
    ]);
    expect(values(e)).toEqual({
      'findings.count': 1,
      'findings.occurrences': 1,
      'flagged.count': 2,
      'flagged.total': 100_000,
      'flagged.largest': 50_000,
      'member.savings': 60_000,
      'member.penalties': 0,
      'history.sameKind.count': 7,
      'history.sameKind.mean': 5_357,
      'flagged.timesMean': 9.33,
      'dues.3.amountDue': 0,
      'dues.3.amountLate': 0,
      'dues.3.latePeriods': 0,
    });
  });

  it('for a loan: its position and principal against the borrower’s savings', async () => {
    const e = await gathered('loan-par30', [
      { name: 'get_loan', args: { loanId: loanId('A', 1) } },
      { name: 'get_member', args: { memberId: memberId('A', 2) } },
      { name: 'get_member_dues', args: { memberId: memberId('A', 2) } },
    ]);
    expect(values(e)).toEqual({
      'findings.count': 1,
      'findings.occurrences': 1,
      'loan.4.principal': 200_000,
      'loan.4.outstandingTotal': 192_000,
      'loan.4.arrears': 60_000,
      'loan.4.daysPastDue': 45,
      'loan.4.paid': 20_000,
      'loan.4.principalToSavings': 5,
      'dues.7.amountDue': 10_000,
      'dues.7.amountLate': 10_000,
      'dues.7.latePeriods': 2,
    });
    expect(computeFigures(e).find((f) => f.key === 'loan.4.principalToSavings')?.sources).toEqual([
      loanId('A', 1),
      memberId('A', 2),
    ]);
  });
});
