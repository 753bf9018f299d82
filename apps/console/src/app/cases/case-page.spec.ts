import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseDetailResponse, MeResponse } from '@kotizo/contracts';
import {
  API,
  SLUG,
  asRole,
  byTestId,
  frenchTransloco,
  pageProviders,
  request,
  settle,
  text,
  type,
} from '../testing/page-testing';
import { CasePage } from './case-page';

const detail: CaseDetailResponse = {
  id: 'case-1',
  number: 12,
  subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
  severity: 'high',
  status: 'open',
  assigneeId: null,
  assigneeName: null,
  ruleIds: ['large-withdrawal'],
  findingCount: 1,
  openedAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  closedAt: null,
  outcomeNote: null,
  findings: [
    {
      id: 'f-1',
      caseId: 'case-1',
      ruleId: 'large-withdrawal',
      ruleVersion: 3,
      ruleName: { fr: 'Retrait inhabituel', en: 'Unusual withdrawal' },
      severity: 'high',
      scope: 'movement',
      subject: { type: 'member', id: 'm-1', label: 'Awa Koné' },
      period: '2026-11-20',
      message: { fr: 'Retrait de 150 000 F CFA', en: 'Withdrawal of 150,000 CFA francs' },
      held: [
        {
          fact: 'movement',
          path: '$.amount',
          operator: 'greaterThan',
          value: 50_000,
          factValue: 150_000,
          text: { fr: 'montant 150 000 supérieur à 3 × la moyenne (50 000)', en: 'amount 150,000 above 3 × average' },
        },
      ],
      transactionIds: ['t-1', 't-2'],
      occurrences: 1,
      firstSeenAt: '2026-11-20T09:00:00.000Z',
      lastSeenAt: '2026-11-20T09:00:00.000Z',
    },
  ],
  timeline: [
    { id: 1, at: '2026-11-20T09:00:00.000Z', actorId: null, actorName: null, action: 'opened', data: {} },
    {
      id: 2,
      at: '2026-11-20T10:00:00.000Z',
      actorId: 'u-1',
      actorName: 'Awa Koné',
      action: 'assigned',
      data: { from: null, to: 'u-2' },
    },
  ],
};

describe('CasePage', () => {
  let backend: HttpTestingController;

  async function open(me: MeResponse = asRole('auditor')) {
    TestBed.configureTestingModule({ imports: [CasePage, frenchTransloco()], providers: pageProviders(me) });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('slug', SLUG);
    fixture.componentRef.setInput('caseId', 'case-1');
    await settle(fixture);
    request(backend, 'GET', '/cases/case-1').flush(detail);
    await settle(fixture);
    for (const r of backend.match((req) => req.url === `${API}/users`)) {
      const role = r.request.params.get('role');
      const items = role === 'auditor' ? [{ id: 'u-2', name: 'Koffi Yao', role: 'auditor' }] : [];
      r.flush({ items, total: items.length, limit: 100, offset: 0 });
    }
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.match(() => true));

  it('shows each finding in the interface language, with the conditions that held and links to the movements', async () => {
    const { root } = await open();
    expect(text(byTestId(root, 'case-title'))).toBe('Dossier n° 12');
    expect(text(byTestId(root, 'case-status'))).toBe('Ouvert');
    expect(byTestId(root, 'case-subject-link').getAttribute('href')).toBe('/c/femmes-bouake/members/m-1');

    const finding = byTestId(root, 'finding');
    expect(text(byTestId(finding, 'finding-rule'))).toBe('Retrait inhabituel');
    expect(text(byTestId(finding, 'finding-message'))).toBe('Retrait de 150 000 F CFA');
    expect(text(byTestId(finding, 'finding-held'))).toBe('montant 150 000 supérieur à 3 × la moyenne (50 000)');
    const links = [...finding.querySelectorAll('[data-testid="finding-movement"]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/c/femmes-bouake/journal/t-1', '/c/femmes-bouake/journal/t-2']);

    const events = [...root.querySelectorAll('[data-testid="case-event"]')].map((e) => text(e));
    expect(events[1]).toContain('Attribué à Koffi Yao');
  });

  it('adds a comment, refusing an empty one', async () => {
    const { fixture, root } = await open();
    const box = byTestId<HTMLTextAreaElement>(root, 'case-comment');
    type(box, '   ');
    byTestId(root, 'case-comment-submit').click();
    await settle(fixture);
    backend.expectNone(`${API}/cases/case-1/comments`);

    type(box, 'J’ai appelé la trésorière : pièce justificative demandée.');
    byTestId(root, 'case-comment-submit').click();
    await settle(fixture);
    const post = request(backend, 'POST', '/cases/case-1/comments');
    expect(post.request.body).toEqual({ text: 'J’ai appelé la trésorière : pièce justificative demandée.' });
    post.flush({
      ...detail,
      timeline: [
        ...detail.timeline,
        {
          id: 3,
          at: '2026-11-21T08:00:00.000Z',
          actorId: 'u-1',
          actorName: 'Awa Koné',
          action: 'commented',
          data: { text: 'J’ai appelé la trésorière : pièce justificative demandée.' },
        },
      ],
    });
    await settle(fixture);
    expect(text(byTestId(root, 'case-timeline'))).toContain('pièce justificative demandée');
    expect(byTestId<HTMLTextAreaElement>(root, 'case-comment').value).toBe('');
  });

  it('gives each finding an anchor for the investigation’s citations, and shows the investigation', async () => {
    const { root } = await open();
    expect(byTestId(root, 'finding').id).toBe('finding-f-1');
    expect(root.querySelector('kz-investigation-panel')).not.toBeNull();
    request(backend, 'GET', '/cases/case-1/investigations');
  });

  it('lets a treasurer read the case but not work on it', async () => {
    const { root } = await open(asRole('treasurer'));
    expect(root.querySelector('[data-testid="finding"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="case-comment"]')).toBeNull();
    expect(root.querySelector('[data-testid="case-status-change"]')).toBeNull();
    expect(root.querySelector('[data-testid="case-assignee"]')).toBeNull();
  });
});
