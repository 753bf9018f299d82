import type { CreateCooperativeResponse } from '@kotizo/contracts';
import { COOPERATIVE_ROLES, type CooperativeRole } from '@kotizo/domain';
import type { ApiHarness } from '../../api/src/testing/api-harness.js';

export const PASSWORD = 'Cooperative-Pass-2026';

export interface CoopFixture {
  slug: string;
  id: string;
  memberId: string;
  transactionId: string;
  loanId: string;
  importId: string;
  /** A case opened by the rules (a contribution recorded twice), an audit run and a snooze. */
  caseId: string;
  runId: string;
  snoozeId: string;
  /** An investigation of that case, queued (no worker needs to run it). */
  investigationId: string;
  /** A message thread the member account started with the office. */
  messageThreadId: string;
  /** The admin's conversation with the assistant. */
  threadId: string;
  /** One signed-in user per cooperative role. */
  users: Record<CooperativeRole, { id: string; email: string; accessToken: string }>;
}

/** Provisions a cooperative through the API and signs in one user per role. */
export async function cooperativeWithEveryRole(api: ApiHarness, fedToken: string, slug: string): Promise<CoopFixture> {
  const created = await api.request<CreateCooperativeResponse>('POST', '/api/v1/coops', {
    token: fedToken,
    body: { name: `Coop ${slug}`, slug, country: 'CI', admin: { name: `Admin ${slug}`, email: `admin@${slug}.test` } },
  });
  if (created.status !== 201) throw new Error(`provision ${slug}: ${created.status} ${JSON.stringify(created.body)}`);
  const admin = await api.login(`admin@${slug}.test`, created.body.admin.temporaryPassword!);
  const users = {} as CoopFixture['users'];
  users.admin = { id: created.body.admin.id, email: `admin@${slug}.test`, accessToken: admin.accessToken };
  for (const role of COOPERATIVE_ROLES.filter((r) => r !== 'admin')) {
    const email = `${role}@${slug}.test`;
    const added = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/users`, {
      token: admin.accessToken,
      body: { name: `${role} ${slug}`, email, role, password: PASSWORD },
    });
    if (added.status !== 201) throw new Error(`add ${email}: ${added.status} ${JSON.stringify(added.body)}`);
    const tokens = await api.login(email, PASSWORD);
    users[role] = { id: added.body.id, email, accessToken: tokens.accessToken };
  }
  const member = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/members`, {
    token: admin.accessToken,
    body: { fullName: `Membre ${slug}`, phone: '+22507000001', joinedOn: '2026-01-15' },
  });
  if (member.status !== 201) throw new Error(`member in ${slug}: ${member.status} ${JSON.stringify(member.body)}`);
  const contribution = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/transactions`, {
    token: users.treasurer.accessToken,
    body: { kind: 'contribution', memberId: member.body.id, amount: 5000, channel: 'cash' },
  });
  if (contribution.status !== 201)
    throw new Error(`contribution in ${slug}: ${contribution.status} ${JSON.stringify(contribution.body)}`);
  const duplicate = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/transactions`, {
    token: users.treasurer.accessToken,
    body: { kind: 'contribution', memberId: member.body.id, amount: 5000, channel: 'cash' },
  });
  const verdict = await api.request<{ hits: { ruleId: string; caseId: string | null }[] }>(
    'GET',
    `/api/v1/coops/${slug}/transactions/${duplicate.body.id}/verdict`,
    { token: users.auditor.accessToken },
  );
  const caseId = verdict.body.hits?.find((h) => h.ruleId === 'duplicate-within-24h')?.caseId;
  if (!caseId) throw new Error(`no case in ${slug}: ${verdict.status} ${JSON.stringify(verdict.body)}`);
  const run = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/audits`, {
    token: users.auditor.accessToken,
    body: {},
  });
  if (run.status !== 202) throw new Error(`audit in ${slug}: ${run.status} ${JSON.stringify(run.body)}`);
  const snooze = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/rules/snoozes`, {
    token: users.auditor.accessToken,
    body: { ruleId: 'large-expense', memberId: member.body.id, until: '2999-12-31', reason: 'fixture' },
  });
  if (snooze.status !== 201) throw new Error(`snooze in ${slug}: ${snooze.status} ${JSON.stringify(snooze.body)}`);
  const investigation = await api.request<{ id: string }>(
    'POST',
    `/api/v1/coops/${slug}/cases/${caseId}/investigations`,
    {
      token: users.auditor.accessToken,
      body: {},
    },
  );
  if (investigation.status !== 202)
    throw new Error(`investigation in ${slug}: ${investigation.status} ${JSON.stringify(investigation.body)}`);
  const thread = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/assistant/threads`, {
    token: users.admin.accessToken,
    body: {},
  });
  if (thread.status !== 201) throw new Error(`thread in ${slug}: ${thread.status} ${JSON.stringify(thread.body)}`);
  const loan = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/loans`, {
    token: users.treasurer.accessToken,
    body: {
      memberId: member.body.id,
      principal: 50_000,
      annualRateBasisPoints: 1200,
      method: 'flat',
      installments: 5,
      frequency: 'monthly',
      purpose: 'Fonds de commerce',
    },
  });
  if (loan.status !== 201) throw new Error(`loan in ${slug}: ${loan.status} ${JSON.stringify(loan.body)}`);
  const upload = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/imports`, {
    token: users.treasurer.accessToken,
    rawBody: 'date;amount\n2026-01-02;100\n',
    headers: { 'content-type': 'text/csv' },
  });
  if (upload.status !== 201) throw new Error(`import in ${slug}: ${upload.status} ${JSON.stringify(upload.body)}`);
  const messageThread = await api.request<{ id: string }>('POST', `/api/v1/coops/${slug}/message-threads`, {
    token: users.member.accessToken,
    body: { subject: 'Ma cotisation', body: 'Bonjour, ma cotisation de janvier est-elle arrivée ?' },
  });
  if (messageThread.status !== 201)
    throw new Error(`message thread in ${slug}: ${messageThread.status} ${JSON.stringify(messageThread.body)}`);
  return {
    slug,
    id: created.body.id,
    users,
    memberId: member.body.id,
    transactionId: contribution.body.id,
    loanId: loan.body.id,
    importId: upload.body.id,
    caseId,
    runId: run.body.id,
    snoozeId: snooze.body.id,
    investigationId: investigation.body.id,
    threadId: thread.body.id,
    messageThreadId: messageThread.body.id,
  };
}
