import type { MemberEventResponse, MemberResponse } from '@kotizo/contracts';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import type { MemberEventRow, MemberRow } from './members.repository.js';

export function toMemberResponse(row: MemberRow): MemberResponse {
  return {
    id: row.id,
    number: row.number,
    fullName: row.full_name,
    phone: row.phone,
    nationalId: row.national_id,
    joinedOn: row.joined_on,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: isoTimestamp(row.created_at),
  };
}

export function toMemberEventResponse(row: MemberEventRow): MemberEventResponse {
  return {
    at: isoTimestamp(row.at),
    actorUserId: row.actor_user_id,
    action: row.action,
    changes: row.changes,
    reason: row.reason,
  };
}
