import type {
  BalancesResponse,
  LoanResponse,
  PortfolioResponse,
  Problem,
  RepaymentResponse,
  TransactionResponse,
} from '@kotizo/contracts';
import { addDays, localDate } from '@kotizo/domain';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

describe('loans', () => {
  let api: ApiHarness;
  let coop: CoopFixture;
  let treasurer: string;
  let admin: string;
  let guarantorId: string;
  const url = (rest = '') => `/api/v1/coops/${coop.slug}/loans${rest}`;
  const today = () => localDate(new Date(), 'Africa/Abidjan');

  beforeAll(async () => {
    api = await ApiHarness.start('loans');
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'bouake');
    treasurer = coop.users.treasurer.accessToken;
    admin = coop.users.admin.accessToken;
    const guarantor = await api.request<{ id: string }>('POST', `/api/v1/coops/${coop.slug}/members`, {
      token: coop.users.secretary.accessToken,
      body: { fullName: 'Garant Kouakou', phone: '+22507111111', joinedOn: '2024-01-01' },
    });
    guarantorId = guarantor.body.id;
  });
  afterAll(async () => {
    await api.stop();
  });

  const loanBody = (over: Record<string, unknown> = {}) => ({
    memberId: coop.memberId,
    principal: 100_000,
    annualRateBasisPoints: 2400,
    method: 'flat',
    installments: 3,
    frequency: 'monthly',
    purpose: 'Stock de pagnes',
    guarantorIds: [guarantorId],
    ...over,
  });

  async function approvedLoan(over: Record<string, unknown> = {}): Promise<LoanResponse> {
    const requested = await api.request<LoanResponse>('POST', url(), { token: treasurer, body: loanBody(over) });
    expect(requested.status).toBe(201);
    const approved = await api.request<LoanResponse>('POST', url(`/${requested.body.id}/decision`), {
      token: admin,
      body: { decision: 'approve' },
    });
    expect(approved.body.status).toBe('approved');
    return approved.body;
  }

  it('requests a loan with a preview schedule that sums exactly', async () => {
    const res = await api.request<LoanResponse>('POST', url(), { token: treasurer, body: loanBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'requested',
      principal: 100_000,
      guarantorIds: [guarantorId],
      position: null,
    });
    // 2 % a month, flat, 3 months: 6,000 of interest; 100,000 does not divide by 3.
    expect(res.body.totalInterest).toBe(6_000);
    expect(res.body.schedule.map((i) => i.principal)).toEqual([33_333, 33_333, 33_334]);
    expect(res.body.schedule.reduce((s, i) => s + i.total, 0)).toBe(106_000);
  });

  it('is never decided by its requester; another role approves it', async () => {
    const requested = await api.request<LoanResponse>('POST', url(), { token: treasurer, body: loanBody() });
    const self = await api.request<Problem>('POST', url(`/${requested.body.id}/decision`), {
      token: treasurer,
      body: { decision: 'approve' },
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('self_approval');
    const secretary = await api.request('POST', url(`/${requested.body.id}/decision`), {
      token: coop.users.secretary.accessToken,
      body: { decision: 'approve' },
    });
    expect(secretary.status).toBe(403);
    const rejected = await api.request<LoanResponse>('POST', url(`/${requested.body.id}/decision`), {
      token: admin,
      body: { decision: 'reject', note: 'Savings too low' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Savings too low' });
    const again = await api.request<Problem>('POST', url(`/${requested.body.id}/decision`), {
      token: admin,
      body: { decision: 'approve' },
    });
    expect(again.body.code).toBe('loan_not_requested');
  });

  it('disburses through the ledger, repays interest before principal, refuses more than owed, and closes', async () => {
    const loan = await approvedLoan();
    const cashBefore = (
      await api.request<BalancesResponse>('GET', `/api/v1/coops/${coop.slug}/balances`, { token: treasurer })
    ).body.cash;
    const disbursed = await api.request<LoanResponse>('POST', url(`/${loan.id}/disbursement`), {
      token: treasurer,
      body: { channel: 'mobile_money' },
    });
    expect(disbursed.status).toBe(200);
    expect(disbursed.body).toMatchObject({ status: 'disbursed', disbursedOn: today() });
    expect(disbursed.body.position).toMatchObject({
      outstandingPrincipal: 100_000,
      outstandingTotal: 106_000,
      daysPastDue: 0,
    });
    const cashAfter = (
      await api.request<BalancesResponse>('GET', `/api/v1/coops/${coop.slug}/balances`, { token: treasurer })
    ).body.cash;
    expect(cashAfter).toBe(cashBefore - 100_000);

    const first = await api.request<RepaymentResponse>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 10_000, channel: 'cash' },
      headers: { 'idempotency-key': 'repay-0000000001' },
    });
    expect(first.status).toBe(201);
    expect(first.body.allocation).toEqual([{ number: 1, penalty: 0, interest: 2_000, principal: 8_000 }]);
    expect(first.body.loan.position).toMatchObject({ outstandingTotal: 96_000, paid: 10_000 });
    const replay = await api.request<RepaymentResponse>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 10_000, channel: 'cash' },
      headers: { 'idempotency-key': 'repay-0000000001' },
    });
    expect(replay.body.transactionId).toBe(first.body.transactionId);

    const tooMuch = await api.request<Problem>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 96_001, channel: 'cash' },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'repayment_exceeds_outstanding', errors: [{ field: 'amount' }] });

    const ofLoan = await api.request<{ items: TransactionResponse[] }>(
      'GET',
      `/api/v1/coops/${coop.slug}/transactions?loanId=${loan.id}`,
      { token: treasurer },
    );
    expect(ofLoan.body.items.map((t) => [t.kind, t.amount, t.loanId])).toEqual([
      ['repayment', 10_000, loan.id],
      ['loan_disbursement', 100_000, loan.id],
    ]);
    const rest = await api.request<RepaymentResponse>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 96_000, channel: 'bank' },
    });
    expect(rest.body.loan.status).toBe('closed');
    expect(rest.body.loan.schedule.every((i) => i.status === 'paid')).toBe(true);

    // Taking the last repayment back reopens the loan.
    const reversed = await api.request<TransactionResponse>(
      'POST',
      `/api/v1/coops/${coop.slug}/transactions/${rest.body.transactionId}/reversal`,
      {
        token: treasurer,
        body: { reason: 'Cheque bounced' },
      },
    );
    expect(reversed.status).toBe(201);
    const reopened = await api.request<LoanResponse>('GET', url(`/${loan.id}`), { token: treasurer });
    expect(reopened.body).toMatchObject({
      status: 'disbursed',
      position: expect.objectContaining({ outstandingTotal: 96_000 }),
    });
    const disbursement = await api.request<{ items: TransactionResponse[] }>(
      'GET',
      `/api/v1/coops/${coop.slug}/transactions?kind=loan_disbursement`,
      { token: treasurer },
    );
    const noUndo = await api.request<Problem>(
      'POST',
      `/api/v1/coops/${coop.slug}/transactions/${disbursement.body.items[0]!.id}/reversal`,
      {
        token: treasurer,
        body: { reason: 'Oops' },
      },
    );
    expect(noUndo.body.code).toBe('reverse_loan_disbursement');
  });

  it('counts days past due and PAR30 on a loan paid out months ago and never repaid', async () => {
    const loan = await approvedLoan({ principal: 60_000, installments: 2, method: 'declining' });
    const ninetyDaysAgo = addDays(today(), -90);
    const disbursed = await api.request<LoanResponse>('POST', url(`/${loan.id}/disbursement`), {
      token: treasurer,
      body: { channel: 'cash', occurredOn: ninetyDaysAgo },
    });
    const firstDue = disbursed.body.schedule[0]!.dueDate;
    expect(disbursed.body.position!.daysPastDue).toBeGreaterThan(30);
    expect(disbursed.body.schedule.map((i) => i.status)).toEqual(['late', 'late']);
    expect(disbursed.body.position!.daysPastDue).toBe(
      Math.round((Date.parse(today()) - Date.parse(firstDue)) / 86_400_000),
    );
    // A penalty on the late first installment is paid before its interest and principal.
    const charged = await api.request<LoanResponse>('POST', url(`/${loan.id}/penalties`), {
      token: treasurer,
      body: { installmentNumber: 1, amount: 500, reason: 'Retard de deux mois' },
    });
    expect(charged.status).toBe(200);
    expect(charged.body.position).toMatchObject({ penaltiesDue: 500 });
    expect(charged.body.schedule[0]).toMatchObject({
      penalty: 500,
      remaining: disbursed.body.schedule[0]!.total + 500,
    });
    const interest1 = disbursed.body.schedule[0]!.interest;
    const paid = await api.request<RepaymentResponse>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 500 + interest1 + 100, channel: 'cash' },
    });
    expect(paid.body.allocation).toEqual([{ number: 1, penalty: 500, interest: interest1, principal: 100 }]);
    const unknown = await api.request<Problem>('POST', url(`/${loan.id}/penalties`), {
      token: treasurer,
      body: { installmentNumber: 9, amount: 500, reason: 'No such installment' },
    });
    expect(unknown.body.errors).toEqual([
      { field: 'installmentNumber', code: 'not_an_installment', message: 'is not an installment of this loan' },
    ]);
    const portfolio = await api.request<PortfolioResponse>('GET', `/api/v1/coops/${coop.slug}/portfolio`, {
      token: treasurer,
    });
    expect(portfolio.body.atRisk30).toBe(60_000 - 100);
    expect(portfolio.body.lateLoans).toBe(1);
    expect(portfolio.body.par30BasisPoints).toBe(Math.round((59_900 * 10_000) / portfolio.body.outstanding));
  });

  it('is written off by an admin with a reason, not by the treasurer', async () => {
    const loan = await approvedLoan({ principal: 20_000 });
    await api.request('POST', url(`/${loan.id}/disbursement`), { token: treasurer, body: { channel: 'cash' } });
    expect(
      (await api.request('POST', url(`/${loan.id}/write-off`), { token: treasurer, body: { reason: 'Gone' } })).status,
    ).toBe(403);
    const noReason = await api.request<Problem>('POST', url(`/${loan.id}/write-off`), { token: admin, body: {} });
    expect(noReason.status).toBe(422);
    const off = await api.request<LoanResponse>('POST', url(`/${loan.id}/write-off`), {
      token: admin,
      body: { reason: 'Borrower moved abroad' },
    });
    expect(off.body).toMatchObject({ status: 'written_off', writeOffReason: 'Borrower moved abroad' });
    const repay = await api.request<Problem>('POST', url(`/${loan.id}/repayments`), {
      token: treasurer,
      body: { amount: 100, channel: 'cash' },
    });
    expect(repay.body.code).toBe('loan_not_running');
  });

  it('refuses bad loan requests, one entry per field', async () => {
    const res = await api.request<Problem>('POST', url(), {
      token: treasurer,
      body: loanBody({
        principal: '100000',
        annualRateBasisPoints: -1,
        installments: 0,
        frequency: 'daily',
        guarantorIds: [coop.memberId],
        extra: 1,
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual([
      'annualRateBasisPoints',
      'extra',
      'frequency',
      'installments',
      'principal',
    ]);
    const self = await api.request<Problem>('POST', url(), {
      token: treasurer,
      body: loanBody({ guarantorIds: [coop.memberId] }),
    });
    expect(self.body.errors).toEqual([
      { field: 'guarantorIds', code: 'guarantor_is_borrower', message: 'the borrower cannot guarantee their own loan' },
    ]);
    const stranger = await api.request<Problem>('POST', url(), {
      token: treasurer,
      body: loanBody({ memberId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(stranger.body.errors).toEqual([
      { field: 'memberId', code: 'not_a_member', message: 'is not a member of this cooperative' },
    ]);
  });
});
