import { provideHttpClient } from '@angular/common/http';
import { type HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MeResponse } from '@kotizo/contracts';
import agentFr from '../../../public/i18n/agent/fr.json';
import fr from '../../../public/i18n/fr.json';
import notificationsFr from '../../../public/i18n/notifications/fr.json';
import ruleChecksFr from '../../../public/i18n/rule-checks/fr.json';
import { CurrentCooperative } from '../core/abilities/current-cooperative';
import { Session } from '../core/auth/session';
import { REALTIME_SOCKET_FACTORY } from '../core/realtime/realtime';
import { provideIcons } from '../core/ui/icons';
import { aMembership, aUser } from './builders';
import { fakeSocketFactory } from './fake-socket';

export const SLUG = 'femmes-bouake';
export const API = `/api/v1/coops/${SLUG}`;

/** French texts, as the console starts, with the feature scopes' (`agent/fr`…) as their pages load them. */
export const frenchTransloco = () =>
  TranslocoTestingModule.forRoot({
    langs: { fr, 'agent/fr': agentFr, 'rule-checks/fr': ruleChecksFr, 'notifications/fr': notificationsFr },
    translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
    preloadLangs: true,
  });

/** A page of the cooperative `SLUG` seen by `me` (an auditor by default), over a fake backend. */
export function pageProviders(
  me: MeResponse = aUser({ memberships: [aMembership({ role: 'auditor' })] }),
): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([]),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideNoopAnimations(),
    provideIcons(),
    { provide: Session, useValue: { me: signal<MeResponse | null>(me) } },
    { provide: CurrentCooperative, useValue: { slug: signal(SLUG) } },
    // Pages listen to the socket; here it never leaves the test.
    { provide: REALTIME_SOCKET_FACTORY, useValue: fakeSocketFactory().factory },
  ];
}

export const asRole = (role: string) => aUser({ memberships: [aMembership({ role })] });

/** The pending request to `path` (under the cooperative's API), whatever its query string. */
export function request(backend: HttpTestingController, method: string, path: string): TestRequest {
  return backend.expectOne((r) => r.method === method && r.url === `${API}${path}`, `${method} ${path}`);
}

/** Requests nobody in the test cares about (e.g. a picker's search), answered so nothing hangs. */
export function flushOthers(backend: HttpTestingController, paths: readonly string[], body: object = []): void {
  for (const path of paths) {
    for (const r of backend.match((req) => req.url === `${API}${path}`)) r.flush(body);
  }
}

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no [data-testid="${id}"]`);
  return element;
}

export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Renders, runs effects and lets resources send their requests. Not `whenStable()`: a request
 * still waiting for the fake backend keeps the application unstable.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    TestBed.tick();
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Types into an input or textarea and fires the events forms and templates listen to. */
export function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input'));
  element.dispatchEvent(new Event('change'));
}
