import type { CooperativeResponse } from '@kotizo/contracts';
import type { Cooperative } from '../../platform/database/federation.entities.js';

export function toCooperativeResponse(c: Cooperative): CooperativeResponse {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    country: c.country.trim(),
    currency: c.currency.trim(),
    timeZone: c.timeZone,
    locale: c.locale,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
  };
}
