import { aMembership, aUser } from '../../testing/builders';
import { landingUrl, safeReturnUrl } from './landing';

describe('landing', () => {
  it('sends federation staff to the federation, others to their first cooperative', () => {
    expect(landingUrl(aUser({ federationRole: 'federation_auditor' }))).toBe('/federation/cooperatives');
    expect(landingUrl(aUser({ memberships: [aMembership({ slug: 'coop-a' })] }))).toBe('/c/coop-a');
    expect(landingUrl(aUser())).toBe('/no-access');
  });

  it('follows only same-site return URLs', () => {
    expect(safeReturnUrl('/c/coop-a/users')).toBe('/c/coop-a/users');
    expect(safeReturnUrl('//evil.example/x')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/login')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });
});
