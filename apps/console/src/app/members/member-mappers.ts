import type { MemberEventResponse, MemberResponse, UpdateMemberRequest } from '@kotizo/contracts';

export const MEMBER_STATUS_VALUES = ['active', 'suspended', 'exited'] as const;
export type MemberStatus = (typeof MEMBER_STATUS_VALUES)[number];

/** What the member form holds (all text, as typed). */
export interface MemberFormValue {
  fullName: string;
  phone: string;
  nationalId: string;
  joinedOn: string;
}

/** "+225 07 01 02 03 04" as the API stores it: "+2250701020304" (it strips the same characters). */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s.-]/g, '');
}

export const PHONE_PATTERN = /^\+[1-9]\d{7,14}$/;

export function memberFormValue(member: MemberResponse | null, today: string): MemberFormValue {
  return {
    fullName: member?.fullName ?? '',
    phone: member?.phone ?? '',
    nationalId: member?.nationalId ?? '',
    joinedOn: member?.joinedOn ?? today,
  };
}

/**
 * The PATCH body: only the fields that changed, so the member's history records what was
 * really edited. An emptied national ID is sent as null (removed). Null when nothing changed.
 */
export function memberUpdate(member: MemberResponse, form: MemberFormValue): UpdateMemberRequest | null {
  const body: UpdateMemberRequest = {};
  const fullName = form.fullName.trim();
  if (fullName !== member.fullName) body.fullName = fullName;
  const phone = normalizePhone(form.phone);
  if (phone !== member.phone) body.phone = phone;
  const nationalId = form.nationalId.trim() || null;
  if (nationalId !== member.nationalId) body.nationalId = nationalId;
  if (form.joinedOn !== member.joinedOn) body.joinedOn = form.joinedOn;
  return Object.keys(body).length > 0 ? body : null;
}

export interface HistoryChange {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * An event's `changes` as lines: `{ phone: { from, to } }` for an edit or a status change,
 * the initial values (`{ fullName: 'Awa' }`) for a creation.
 */
export function historyChanges(event: MemberEventResponse): HistoryChange[] {
  return Object.entries(event.changes).map(([field, change]) => {
    if (change && typeof change === 'object' && ('from' in change || 'to' in change)) {
      const { from, to } = change as { from?: unknown; to?: unknown };
      return { field, from: text(from), to: text(to) };
    }
    return { field, from: null, to: text(change) };
  });
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
