import { Inject, Injectable } from '@nestjs/common';
import { type AgentModels, explain, monthlyReport, monthlyReportRows, type MonthlyReport } from '@kotizo/agent';
import type { ExplainRequest, ExplanationResponse } from '@kotizo/contracts';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { AgentPortsFactory } from './agent-ports.js';
import { AGENT_MODELS } from './agent-models.provider.js';
import { TenantTokenBudgets } from './token-budget.js';

/**
 * The assistant: explains a movement, a member's balance or the cash, and
 * writes the monthly report, within the caller's rights (a member asking
 * about another member gets what a stranger would: nothing). Numbers are
 * computed in code; the model (or the offline templates) writes the words.
 */
@Injectable()
export class AssistantService {
  constructor(
    private readonly ports: AgentPortsFactory,
    private readonly budgets: TenantTokenBudgets,
    @Inject(AGENT_MODELS) private readonly models: AgentModels,
  ) {}

  async explain(ctx: TenantRequestContext, request: ExplainRequest): Promise<ExplanationResponse> {
    const result = await explain({
      ports: await this.ports.bound(ctx),
      subject: request.subject,
      locale: request.locale ?? this.locale(ctx),
      question: request.question,
      writer: this.models.writer,
      budget: this.budgets.for(ctx.tenant),
    });
    return {
      found: result.found,
      answer: { text: result.answer.text, citations: result.answer.citations, author: result.answer.author },
    };
  }

  async monthlyReport(ctx: TenantRequestContext, month: string, locale?: 'fr' | 'en'): Promise<MonthlyReport> {
    return monthlyReport({
      ports: await this.ports.bound(ctx),
      month,
      locale: locale ?? this.locale(ctx),
      writer: this.models.writer,
      budget: this.budgets.for(ctx.tenant),
    });
  }

  rows(report: MonthlyReport): ReturnType<typeof monthlyReportRows> {
    return monthlyReportRows(report, report.locale);
  }

  private locale(ctx: TenantRequestContext): 'fr' | 'en' {
    return ctx.tenant.locale.startsWith('en') ? 'en' : 'fr';
  }
}
