import type { DomainEvent, DomainEventType, EventOf } from '../../platform/outbox/domain-events.js';

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  event: DomainEventType;
  payload: Record<string, unknown>;
}

/** The row's event, with its type put back. */
export function eventOf(row: OutboxRow): DomainEvent {
  return { ...row.payload, type: row.event } as DomainEvent;
}

export function isEvent<T extends DomainEventType>(event: DomainEvent, ...types: T[]): event is EventOf<T> {
  return (types as DomainEventType[]).includes(event.type);
}
