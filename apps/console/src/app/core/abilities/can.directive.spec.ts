import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@kotizo/contracts';
import { aMembership, aUser } from '../../testing/builders';
import { Session } from '../auth/session';
import { CanDirective } from './can.directive';
import { CurrentCooperative } from './current-cooperative';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CanDirective],
  template: `<button *kzCan="'create'; subject: 'CooperativeUser'" data-testid="add">Add</button>`,
})
class Host {}

describe('CanDirective', () => {
  const me = signal<MeResponse | null>(null);
  const slug = signal<string | null>('coop-a');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: Session, useValue: { me } },
        { provide: CurrentCooperative, useValue: { slug } },
      ],
    });
  });

  const addButton = (root: HTMLElement) => root.querySelector('[data-testid="add"]');

  it('shows its content only while the role allows the action, and follows role changes', async () => {
    me.set(aUser({ memberships: [aMembership({ slug: 'coop-a', role: 'member' })] }));
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(addButton(fixture.nativeElement as HTMLElement)).toBeNull();

    me.set(aUser({ memberships: [aMembership({ slug: 'coop-a', role: 'admin' })] }));
    await fixture.whenStable();
    expect(addButton(fixture.nativeElement as HTMLElement)).not.toBeNull();

    // A fresh /me with the same rights keeps a single copy.
    me.set(aUser({ name: 'Awa K.', memberships: [aMembership({ slug: 'coop-a', role: 'admin' })] }));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelectorAll('[data-testid="add"]')).toHaveLength(1);

    slug.set('coop-b');
    await fixture.whenStable();
    expect(addButton(fixture.nativeElement as HTMLElement)).toBeNull();
  });
});
