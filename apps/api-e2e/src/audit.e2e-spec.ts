import type { INestApplicationContext } from '@nestjs/common';
import type {
  ActiveRuleSetResponse,
  AuditRunResponse,
  BacktestResponse,
  CaseDetailResponse,
  CasePage,
  LoanResponse,
  PackUpdateResponse,
  Problem,
  RuleSetDraftResponse,
  RuleSetVersionDetail,
  RuleSetVersionResponse,
  SnoozeResponse,
  TransactionResponse,
  VerdictResponse,
} from '@kotizo/contracts';
import { addDays, localDate } from '@kotizo/domain';
import type { RuleSet } from '@kotizo/rules-engine';
import { ApiHarness } from '../../api/src/testing/api-harness.js';
import { AuditRuns } from '../../api/src/modules/audit/audit-runs.js';
import { TenantJobs } from '../../api/src/platform/queue/tenant-jobs.js';
import { AuditProcessor } from '../../api/src/modules/audit/audit.processor.js';
import { cooperativeWithEveryRole, type CoopFixture } from './fixtures.js';

describe('audit rules, findings and cases', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coop: CoopFixture;
  let auditor: string;
  let admin: string;
  let treasurer: string;
  const url = (rest: string) => `/api/v1/coops/${coop.slug}${rest}`;
  const today = () => localDate(new Date(), 'Africa/Abidjan');

  beforeAll(async () => {
    // The nightly audit's hour is midnight here, so "tonight" has always come when the test runs.
    api = await ApiHarness.start('audit', { AUDIT_NIGHTLY_AT: '00:00' });
    coop = await cooperativeWithEveryRole(api, (await api.loginFederationAdmin()).accessToken, 'korhogo');
    auditor = coop.users.auditor.accessToken;
    admin = coop.users.admin.accessToken;
    treasurer = coop.users.treasurer.accessToken;
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await api.stop();
  });

  async function record(body: Record<string, unknown>): Promise<TransactionResponse> {
    const res = await api.request<TransactionResponse>('POST', url('/transactions'), { token: treasurer, body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function verdict(id: string): Promise<VerdictResponse> {
    const res = await api.request<VerdictResponse>('GET', url(`/transactions/${id}/verdict`), { token: auditor });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function cases(query: string): Promise<CasePage> {
    const res = await api.request<CasePage>('GET', url(`/cases?${query}`), { token: auditor });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function activeRules(): Promise<ActiveRuleSetResponse> {
    const res = await api.request<ActiveRuleSetResponse>('GET', url('/rules'), { token: auditor });
    expect(res.status).toBe(200);
    return res.body;
  }

  function withParam(set: RuleSet, ruleId: string, param: string, value: number): RuleSet {
    return {
      ...set,
      rules: set.rules.map((r) =>
        r.id === ruleId ? { ...r, params: { ...r.params, [param]: { ...r.params[param]!, value } } } : r,
      ),
    };
  }

  async function finished(runId: string): Promise<AuditRunResponse> {
    for (let i = 0; i < 200; i += 1) {
      const res = await api.request<AuditRunResponse>('GET', url(`/audits/${runId}`), { token: auditor });
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`audit run ${runId} did not finish`);
  }

  it('installs the default pack as version 1 when the cooperative is created', async () => {
    const rules = await activeRules();
    expect(rules).toMatchObject({ version: 1, source: 'install', pack: 'default', active: true });
    expect(rules.ruleSet.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['duplicate-within-24h', 'large-expense', 'overdue-installment', 'negative-cash']),
    );
    // Rules are the auditors' and admins' business; a treasurer reads cases, not rules.
    expect((await api.request('GET', url('/rules'), { token: treasurer })).status).toBe(403);
    expect((await api.request('GET', url('/cases'), { token: treasurer })).status).toBe(200);
    expect((await api.request('GET', url('/cases'), { token: coop.users.member.accessToken })).status).toBe(403);
  });

  it('checks each movement as it is written: a duplicate contribution opens a case, a third one joins it', async () => {
    const body = { kind: 'contribution', memberId: coop.memberId, amount: 7_300, channel: 'mobile_money' };
    const first = await record(body);
    expect((await verdict(first.id)).hits.map((h) => h.ruleId)).not.toContain('duplicate-within-24h');
    const second = await record(body);
    const hit = (await verdict(second.id)).hits.find((h) => h.ruleId === 'duplicate-within-24h');
    expect(hit).toMatchObject({ severity: 'medium', caseId: expect.any(String) });
    expect(hit!.message.fr.length).toBeGreaterThan(10);

    const inbox = await cases('ruleId=duplicate-within-24h');
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      id: hit!.caseId,
      status: 'open',
      subject: { type: 'member', id: coop.memberId, label: 'Membre korhogo' },
    });
    expect(inbox.counts.byStatus.open).toBeGreaterThanOrEqual(1);

    const third = await record(body);
    const detail = await api.request<CaseDetailResponse>('GET', url(`/cases/${hit!.caseId}`), { token: auditor });
    const finding = detail.body.findings.find((f) => f.ruleId === 'duplicate-within-24h')!;
    // One finding per rule, member and day: the fixture's own duplicate of the morning is in it too.
    expect(finding.transactionIds.slice(-2)).toEqual([second.id, third.id]);
    expect(finding.occurrences).toBe(finding.transactionIds.length);
    expect(finding.period).toBe(today());
    expect(finding.held.length).toBeGreaterThan(0);
    expect(finding.held.every((h) => h.text.fr.length > 0 && h.text.en.length > 0)).toBe(true);
    expect(detail.body.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['opened', 'finding_added', 'finding_repeated']),
    );
    expect((await cases('ruleId=duplicate-within-24h')).total).toBe(1);
  });

  it('an auditor lowers a threshold and backtests it; another person activates it; the next expense trips it', async () => {
    const before = await record({ kind: 'expense', category: 'supplies', amount: 5_000, channel: 'cash' });
    expect((await verdict(before.id)).hits.map((h) => h.ruleId)).not.toContain('large-expense');
    const casesBefore = (await cases('')).total;

    const active = await activeRules();
    const saved = await api.request<RuleSetDraftResponse>('PUT', url('/rules/draft'), {
      token: auditor,
      body: { ruleSet: withParam(active.ruleSet, 'large-expense', 'amount', 1_000) },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.changes).toEqual([{ ruleId: 'large-expense', change: 'changed', fields: ['params.amount'] }]);
    expect(saved.body.canActivate).toBe(false);

    const backtest = await api.request<BacktestResponse>('POST', url('/rules/draft/backtest'), {
      token: auditor,
      body: { from: addDays(today(), -30), to: today() },
    });
    expect(backtest.status).toBe(200);
    expect(backtest.body.rules.find((r) => r.ruleId === 'large-expense')).toMatchObject({
      draftHits: 1,
      activeHits: 0,
    });
    expect(backtest.body.samples.find((s) => s.ruleId === 'large-expense')?.transactionId).toBe(before.id);
    expect((await cases('')).total).toBe(casesBefore);

    const self = await api.request<Problem>('POST', url('/rules/draft/activate'), { token: auditor, body: {} });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('maker_checker');
    const activated = await api.request<ActiveRuleSetResponse>('POST', url('/rules/draft/activate'), {
      token: admin,
      body: { note: 'Dépenses au-delà de 1 000 F' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ version: 2, source: 'draft', authorId: coop.users.auditor.id });
    expect((await api.request('GET', url('/rules/draft'), { token: auditor })).status).toBe(404);

    const versions = await api.request<RuleSetVersionResponse[]>('GET', url('/rules/versions'), { token: auditor });
    expect(versions.body.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v2 = await api.request<RuleSetVersionDetail>('GET', url('/rules/versions/2'), { token: auditor });
    expect(v2.body.changes).toEqual([{ ruleId: 'large-expense', change: 'changed', fields: ['params.amount'] }]);

    const after = await record({ kind: 'expense', category: 'supplies', amount: 6_000, channel: 'cash' });
    const hit = (await verdict(after.id)).hits.find((h) => h.ruleId === 'large-expense');
    expect(hit?.caseId).toEqual(expect.any(String));
    expect((await verdict(after.id)).ruleVersion).toBe(2);
    const expenseCases = await cases('ruleId=large-expense');
    expect(expenseCases.items[0]!.subject).toMatchObject({ type: 'cooperative', id: null });
  });

  it('refuses a broken rule set with one entry per problem, and keeps nothing of it', async () => {
    const active = await activeRules();
    const broken = structuredClone(active.ruleSet) as RuleSet;
    const first = broken.rules[0]!;
    (first.conditions as { all: unknown[] }).all = [
      { fact: 'movement', path: '$..amount', operator: 'isHuge', value: 1 },
    ];
    const res = await api.request<Problem>('PUT', url('/rules/draft'), { token: auditor, body: { ruleSet: broken } });
    expect(res.status).toBe(422);
    const fields = res.body.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/rules/0/conditions/all/0/operator']));
    expect(fields.some((f) => f.startsWith('/rules/0/conditions/all/0/path'))).toBe(true);
    expect((await api.request('GET', url('/rules/draft'), { token: auditor })).status).toBe(404);

    const validated = await api.request<{ ok: boolean; problems: unknown[] }>('POST', url('/rules/validate'), {
      token: auditor,
      body: { ruleSet: broken },
    });
    expect(validated.status).toBe(200);
    expect(validated.body.ok).toBe(false);
    const notAnObject = await api.request<Problem>('PUT', url('/rules/draft'), {
      token: auditor,
      body: { ruleSet: 3 },
    });
    expect(notAnObject.status).toBe(422);
  });

  it('rolls back to an earlier version, as a new version', async () => {
    const res = await api.request<ActiveRuleSetResponse>('POST', url('/rules/versions/1/rollback'), {
      token: admin,
      body: { note: 'Trop de signalements' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 3, source: 'rollback' });
    const rule = res.body.ruleSet.rules.find((r) => r.id === 'large-expense')!;
    expect(rule.params['amount']!.value).toBe(100_000);
    const again = await api.request<Problem>('POST', url('/rules/versions/3/rollback'), {
      token: admin,
      body: { note: 'déjà active' },
    });
    expect(again.status).toBe(409);
    expect(
      (await api.request('POST', url('/rules/versions/99/rollback'), { token: admin, body: { note: 'nope' } })).status,
    ).toBe(404);
  });

  it('audits the cooperative on demand as a job: an overdue loan becomes a case, and running it again adds nothing', async () => {
    const requested = await api.request<LoanResponse>('POST', url('/loans'), {
      token: treasurer,
      body: {
        memberId: coop.memberId,
        principal: 30_000,
        annualRateBasisPoints: 1200,
        method: 'flat',
        installments: 3,
        frequency: 'monthly',
        purpose: 'Semences',
      },
    });
    await api.request('POST', url(`/loans/${requested.body.id}/decision`), {
      token: admin,
      body: { decision: 'approve' },
    });
    const paidOut = await api.request('POST', url(`/loans/${requested.body.id}/disbursement`), {
      token: treasurer,
      body: { channel: 'cash', occurredOn: addDays(today(), -75) },
    });
    expect(paidOut.status).toBe(200);

    const started = await api.request<AuditRunResponse>('POST', url('/audits'), { token: auditor, body: {} });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'full', status: 'queued' });
    const run = await finished(started.body.id);
    expect(run).toMatchObject({ status: 'done', error: null });
    expect(run.progress.done).toBe(run.progress.total);
    expect(run.findingsCreated).toBeGreaterThanOrEqual(1);

    const overdue = await cases('ruleId=overdue-installment');
    expect(overdue.items).toEqual([
      expect.objectContaining({ subject: expect.objectContaining({ type: 'loan', id: requested.body.id }) }),
    ]);

    // The same job run again (a worker killed before acknowledging it) finds the same and creates nothing.
    const all = async () => (await cases('limit=100')).items.reduce((n, c) => n + c.findingCount, 0);
    const findingsBefore = await all();
    const tenant = await worker.get(TenantJobs).context({ tenant: { cooperativeId: coop.id, slug: coop.slug } });
    const rerun = await worker.get(AuditRuns).run(tenant, started.body.id);
    expect(rerun.status).toBe('done');
    expect(rerun.findingsCreated).toBe(0);
    expect(await all()).toBe(findingsBefore);
  });

  it('audits each cooperative once a night, in its own zone, however often the dispatcher runs', async () => {
    const processor = worker.get(AuditProcessor);
    expect(await processor.dispatch(new Date())).toBeGreaterThanOrEqual(1);
    expect(await processor.dispatch(new Date())).toBeGreaterThanOrEqual(1);
    let scheduled: AuditRunResponse[] = [];
    for (let i = 0; i < 100 && !scheduled.some((r) => r.status === 'done'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const runs = await api.request<AuditRunResponse[]>('GET', url('/audits'), { token: auditor });
      scheduled = runs.body.filter((r) => r.kind === 'scheduled');
    }
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ status: 'done', requestedBy: null });
  });

  it('works a case: assign to an auditor, comment, close with an outcome and a note, reopen', async () => {
    const [open] = (await cases('ruleId=duplicate-within-24h')).items;
    const caseUrl = url(`/cases/${open!.id}`);
    const toTreasurer = await api.request<Problem>('POST', `${caseUrl}/assign`, {
      token: auditor,
      body: { assigneeId: coop.users.treasurer.id },
    });
    expect(toTreasurer.status).toBe(422);
    const assigned = await api.request<CaseDetailResponse>('POST', `${caseUrl}/assign`, {
      token: auditor,
      body: { assigneeId: coop.users.auditor.id },
    });
    expect(assigned.body).toMatchObject({ assigneeId: coop.users.auditor.id, assigneeName: 'auditor korhogo' });
    await api.request('POST', `${caseUrl}/comments`, { token: auditor, body: { text: 'Vu avec la trésorière.' } });
    const noNote = await api.request<Problem>('POST', `${caseUrl}/status`, {
      token: auditor,
      body: { status: 'confirmed' },
    });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const closed = await api.request<CaseDetailResponse>('POST', `${caseUrl}/status`, {
      token: auditor,
      body: { status: 'false_positive', note: 'Deux cotisations réelles le même jour.' },
    });
    expect(closed.body).toMatchObject({
      status: 'false_positive',
      outcomeNote: 'Deux cotisations réelles le même jour.',
    });
    expect(closed.body.closedAt).not.toBeNull();
    const byTreasurer = await api.request('POST', `${caseUrl}/status`, { token: treasurer, body: { status: 'open' } });
    expect(byTreasurer.status).toBe(403);
    const reopened = await api.request<CaseDetailResponse>('POST', `${caseUrl}/status`, {
      token: admin,
      body: { status: 'open' },
    });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['assigned', 'commented', 'status_changed', 'reopened']),
    );
  });

  it('snoozes a rule for one member: hits are noted on the movement but open nothing', async () => {
    const snooze = await api.request<SnoozeResponse>('POST', url('/rules/snoozes'), {
      token: auditor,
      body: {
        ruleId: 'duplicate-within-24h',
        memberId: coop.memberId,
        until: addDays(today(), 7),
        reason: 'Double cotisation convenue',
      },
    });
    expect(snooze.status).toBe(201);
    const bad = await api.request<Problem>('POST', url('/rules/snoozes'), {
      token: auditor,
      body: { ruleId: 'no-such-rule', memberId: coop.memberId, until: addDays(today(), -1), reason: 'x y z' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['ruleId', 'until']);

    const duplicates = async (): Promise<number> => {
      let occurrences = 0;
      for (const c of (await cases('ruleId=duplicate-within-24h&limit=100')).items) {
        const detail = await api.request<CaseDetailResponse>('GET', url(`/cases/${c.id}`), { token: auditor });
        for (const f of detail.body.findings.filter((x) => x.ruleId === 'duplicate-within-24h'))
          occurrences += f.occurrences;
      }
      return occurrences;
    };
    const before = await duplicates();
    const body = { kind: 'contribution', memberId: coop.memberId, amount: 4_100, channel: 'cash' };
    await record(body);
    const repeated = await record(body);
    const hit = (await verdict(repeated.id)).hits.find((h) => h.ruleId === 'duplicate-within-24h');
    expect(hit).toMatchObject({ caseId: null });
    expect(await duplicates()).toBe(before);

    const lifted = await api.request<SnoozeResponse>('POST', url(`/rules/snoozes/${snooze.body.id}/lift`), {
      token: auditor,
    });
    expect(lifted.body.liftedAt).not.toBeNull();
  });

  it('the federation publishes a pack update; the cooperative sees the changes and adopts them, keeping its tuning', async () => {
    // The cooperative tunes a parameter first.
    const active = await activeRules();
    await api.request('PUT', url('/rules/draft'), {
      token: auditor,
      body: { ruleSet: withParam(active.ruleSet, 'large-expense', 'amount', 50_000) },
    });
    expect((await api.request('POST', url('/rules/draft/activate'), { token: admin, body: {} })).status).toBe(200);

    const fed = (await api.loginFederationAdmin()).accessToken;
    const release: RuleSet = {
      ...active.ruleSet,
      packVersion: '9.0.0',
      rules: active.ruleSet.rules.map((r) => (r.id === 'outside-usual-hours' ? { ...r, severity: 'medium' } : r)),
    };
    const published = await api.request('POST', '/api/v1/rule-packs', { token: fed, body: { pack: release } });
    expect(published.status).toBe(201);
    const twice = await api.request<Problem>('POST', '/api/v1/rule-packs', { token: fed, body: { pack: release } });
    expect(twice.status).toBe(409);
    expect((await api.request('POST', '/api/v1/rule-packs', { token: admin, body: { pack: release } })).status).toBe(
      403,
    );

    const update = await api.request<PackUpdateResponse>('GET', url('/rules/pack-update'), { token: auditor });
    expect(update.body).toMatchObject({ available: true, latestVersion: '9.0.0' });
    expect(update.body.changes).toEqual([{ ruleId: 'outside-usual-hours', change: 'changed', fields: ['severity'] }]);
    const adopted = await api.request<RuleSetDraftResponse>('POST', url('/rules/pack-update/adopt'), {
      token: auditor,
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body.ruleSet.packVersion).toBe('9.0.0');
    expect(adopted.body.ruleSet.rules.find((r) => r.id === 'large-expense')!.params['amount']!.value).toBe(50_000);
  });
});
