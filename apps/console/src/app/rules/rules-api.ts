import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActiveRuleSetResponse,
  BacktestResponse,
  RuleSetDraftResponse,
  RuleSetValidationResponse,
} from '@kotizo/contracts';
import type { RuleSet } from '@kotizo/rules-engine';
import type { Observable } from 'rxjs';
import { cooperativeUrl } from '../cooperative/cooperative-api';

export const rulesUrl = (slug: string) => `${cooperativeUrl(slug)}/rules`;
export const draftUrl = (slug: string) => `${rulesUrl(slug)}/draft`;
export const versionsUrl = (slug: string) => `${rulesUrl(slug)}/versions`;
export const versionUrl = (slug: string, version: number) => `${versionsUrl(slug)}/${version}`;
export const packUpdateUrl = (slug: string) => `${rulesUrl(slug)}/pack-update`;

/**
 * Writes on a cooperative's audit rules. Every edit goes to the draft (the whole rule set is
 * sent each time); the active version changes only by activating the draft or by a rollback.
 */
@Injectable({ providedIn: 'root' })
export class RulesApi {
  private readonly http = inject(HttpClient);

  /** Creates the draft on the first save, replaces it afterwards; 422 names each problem by JSON pointer. */
  saveDraft(slug: string, ruleSet: RuleSet): Observable<RuleSetDraftResponse> {
    return this.http.put<RuleSetDraftResponse>(draftUrl(slug), { ruleSet });
  }

  discardDraft(slug: string): Observable<void> {
    return this.http.delete<void>(draftUrl(slug));
  }

  /** Checks a rule set without saving it (200 even when it has problems). */
  validate(slug: string, ruleSet: unknown): Observable<RuleSetValidationResponse> {
    return this.http.post<RuleSetValidationResponse>(`${rulesUrl(slug)}/validate`, { ruleSet });
  }

  /** Runs the draft and the active version over the period's history; creates nothing. */
  backtest(slug: string, from: string, to: string): Observable<BacktestResponse> {
    return this.http.post<BacktestResponse>(`${draftUrl(slug)}/backtest`, { from, to });
  }

  /** 403 `maker_checker` when the draft's author may not activate it. */
  activate(slug: string, note: string): Observable<ActiveRuleSetResponse> {
    return this.http.post<ActiveRuleSetResponse>(`${draftUrl(slug)}/activate`, note ? { note } : {});
  }

  rollback(slug: string, version: number, note: string): Observable<ActiveRuleSetResponse> {
    return this.http.post<ActiveRuleSetResponse>(`${versionUrl(slug, version)}/rollback`, { note });
  }

  /** The draft becomes the pack's new version, keeping the cooperative's tuned parameters. */
  adoptPackUpdate(slug: string): Observable<RuleSetDraftResponse> {
    return this.http.post<RuleSetDraftResponse>(`${packUpdateUrl(slug)}/adopt`, {});
  }
}
