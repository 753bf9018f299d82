import type { MemberResponse } from '@kotizo/contracts';
import { historyChanges, memberUpdate, normalizePhone } from './member-mappers';

const awa: MemberResponse = {
  id: 'm-1',
  number: 1,
  fullName: 'Awa Koné',
  phone: '+2250701020304',
  nationalId: 'CI-123',
  joinedOn: '2024-01-15',
  status: 'active',
  statusReason: null,
  createdAt: '2024-01-15T10:00:00.000Z',
};
const unchanged = { fullName: 'Awa Koné', phone: '+225 07 01 02 03 04', nationalId: 'CI-123', joinedOn: '2024-01-15' };

describe('memberUpdate', () => {
  it('sends only what changed, with the phone as the API stores it', () => {
    expect(memberUpdate(awa, unchanged)).toBeNull();
    expect(memberUpdate(awa, { ...unchanged, phone: '+225 07 99 99 99 99', fullName: ' Awa Koné ' })).toEqual({
      phone: '+2250799999999',
    });
  });

  it('removes an emptied national ID', () => {
    expect(memberUpdate(awa, { ...unchanged, nationalId: '  ' })).toEqual({ nationalId: null });
  });
});

describe('historyChanges', () => {
  it('reads edits and creations', () => {
    expect(
      historyChanges({
        at: '2026-11-25T10:00:00Z',
        actorUserId: 'u-1',
        action: 'updated',
        changes: { phone: { from: '+2250701020304', to: '+2250799999999' } },
        reason: null,
      }),
    ).toEqual([{ field: 'phone', from: '+2250701020304', to: '+2250799999999' }]);
    expect(
      historyChanges({
        at: '2026-11-25T10:00:00Z',
        actorUserId: 'u-1',
        action: 'created',
        changes: { fullName: 'Awa Koné', nationalId: null },
        reason: null,
      }),
    ).toEqual([
      { field: 'fullName', from: null, to: 'Awa Koné' },
      { field: 'nationalId', from: null, to: null },
    ]);
  });
});

describe('normalizePhone', () => {
  it('strips spaces, dots and dashes', () => {
    expect(normalizePhone('+225 07.01-02 03 04')).toBe('+2250701020304');
  });
});
