import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { EventFanout } from './event-fanout.js';
import type { OutboxRow } from './outbox-row.js';

const tenant: TenantContext = {
  cooperativeId: 'c-1',
  slug: 'femmes-bouake',
  schema: 'coop_femmes_bouake',
  currency: 'XOF',
  timeZone: 'Africa/Abidjan',
  locale: 'fr',
};

const row = (id: string, event: OutboxRow['event'], payload: Record<string, unknown>): OutboxRow => ({
  id,
  event,
  payload,
});

describe('EventFanout.broadcasts', () => {
  it('tells the roles that read cases to reload once per case, with the latest change', () => {
    const broadcasts = new EventFanout().broadcasts(tenant, [
      row('1', 'case.opened', { caseId: 'k-1', findingId: 'f-1', ruleId: 'r', severity: 'high' }),
      row('2', 'finding.added', { caseId: 'k-1', findingId: 'f-2', ruleId: 'r', severity: 'high' }),
      row('3', 'loan.requested', { loanId: 'l-1', requestedBy: 'u-1' }),
      row('4', 'case.assigned', { caseId: 'k-2', assigneeId: 'u-2', actorId: 'u-1' }),
    ]);
    expect(broadcasts).toEqual([
      {
        rooms: ['coop:c-1:admin', 'coop:c-1:treasurer', 'coop:c-1:auditor'],
        event: 'cases.changed',
        payload: {
          id: 'c-1:2',
          tenant: { cooperativeId: 'c-1', slug: 'femmes-bouake' },
          caseId: 'k-1',
          change: 'finding',
        },
      },
      expect.objectContaining({ payload: expect.objectContaining({ id: 'c-1:4', caseId: 'k-2', change: 'assigned' }) }),
    ]);
  });

  it('has nothing to broadcast for events about people only', () => {
    expect(
      new EventFanout().broadcasts(tenant, [
        row('5', 'message.posted', { threadId: 't', messageId: 'm', authorId: 'u' }),
        row('6', 'audit.finished', {
          runId: 'r',
          runKind: 'full',
          status: 'done',
          findingsCreated: 0,
          requestedBy: 'u',
        }),
      ]),
    ).toEqual([]);
  });
});
