import type { NotificationKind } from '@kotizo/contracts';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';

export type ChannelName = 'email' | 'sms';

/** One message to one address, already written in the recipient's language. */
export interface ChannelMessage {
  channel: ChannelName;
  /** An e-mail address or a phone number in international format. */
  to: string;
  /** E-mail only. */
  subject: string | null;
  text: string;
  kind: NotificationKind;
  memberId: string | null;
}

/**
 * A way out of the product (SMS, e-mail). Adapters sit behind this one
 * interface: the development adapter writes to the log and to a table; a
 * provider's adapter (an SMS gateway, SMTP) is registered in its place.
 * `send` throws when the provider refused, so the caller can try again later.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  send(tenant: TenantContext, message: ChannelMessage): Promise<void>;
}

/** The channels in use, by name (`NotificationChannel[]`). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
