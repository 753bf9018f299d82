import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { MonthlyReport } from '@kotizo/agent';
import {
  askRequest,
  createAssistantThreadRequest,
  explainRequest,
  investigationDecisionRequest,
  monthlyReportQuery,
  startInvestigationRequest,
  type AiStatusResponse,
  type AskRequest,
  type AssistantStreamLine,
  type AssistantThreadResponse,
  type AssistantTurnResponse,
  type CreateAssistantThreadRequest,
  type ExplainRequest,
  type ExplanationResponse,
  type InvestigationDecisionRequest,
  type InvestigationResponse,
  type MonthlyReportQuery,
  type StartInvestigationRequest,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { RequestLanguage } from '../../platform/errors/messages/accept-language.js';
import type { Language } from '../../platform/errors/messages/catalog.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { sendCsv } from '../reports/csv-export.js';
import { assistantErrorLine } from './assistant-stream-error.js';
import { AssistantService } from './assistant.service.js';
import { AssistantThreads } from './assistant-threads.js';
import { InvestigationsService } from './investigations.service.js';

@ApiTags('investigations and assistant')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug', version: '1' })
export class AgentController {
  private readonly logger = new Logger(AgentController.name);

  constructor(
    private readonly investigations: InvestigationsService,
    private readonly assistant: AssistantService,
    private readonly threads: AssistantThreads,
  ) {}

  @Get('assistant/threads')
  @Can('read', 'Cooperative')
  @ApiOperation({ summary: 'The caller’s conversations with the assistant' })
  listThreads(@Tenant() ctx: TenantRequestContext): Promise<AssistantThreadResponse[]> {
    return this.threads.list(ctx);
  }

  @Post('assistant/threads')
  @Can('read', 'Cooperative')
  @ApiBody({ schema: openApiSchema(createAssistantThreadRequest) })
  createThread(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(createAssistantThreadRequest)) request: CreateAssistantThreadRequest,
  ): Promise<AssistantThreadResponse> {
    return this.threads.create(ctx, request.title);
  }

  @Get('assistant/threads/:threadId')
  @Can('read', 'Cooperative')
  @ApiOperation({ summary: 'A conversation’s questions and answers' })
  thread(@Tenant() ctx: TenantRequestContext, @Param('threadId') id: string): Promise<AssistantTurnResponse[]> {
    return this.threads.history(ctx, id);
  }

  @Post('assistant/threads/:threadId/messages')
  @Can('read', 'Cooperative')
  @ApiOperation({
    summary: 'Ask on a conversation; the answer streams as NDJSON (token lines, then the checked turn)',
  })
  @ApiBody({ schema: openApiSchema(askRequest) })
  async ask(
    @Tenant() ctx: TenantRequestContext,
    @Param('threadId') id: string,
    @Body(new ZodValidationPipe(askRequest)) request: AskRequest,
    @RequestLanguage() language: Language,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.threads.own(ctx, id);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
    const send = (line: AssistantStreamLine): void => {
      raw.write(`${JSON.stringify(line)}\n`);
    };
    try {
      const turn = await this.threads.ask(ctx, id, request, (token) => send({ type: 'token', token }));
      send({ type: 'turn', turn });
    } catch (error) {
      // The stream is already a 200: the failure is its last line, a code and words, never the error's text.
      const { line, expected } = assistantErrorLine(error, language);
      const context = { err: error, tenant: ctx.tenant.slug, thread: id, code: line.code };
      if (expected) this.logger.warn(context, 'assistant answer refused');
      else this.logger.error(context, 'assistant answer failed');
      send(line);
    }
    raw.end();
  }

  @Get('ai')
  @Can('read', 'Cooperative')
  @ApiOperation({ summary: 'Which model writes (OpenAI-compatible or the offline analyst) and the month’s budget' })
  status(@Tenant() ctx: TenantRequestContext): Promise<AiStatusResponse> {
    return this.investigations.status(ctx);
  }

  @Post('cases/:caseId/investigations')
  @Can('create', 'Investigation')
  @ApiOperation({ summary: 'Investigate a case: the agent gathers evidence and drafts a report (202, a job)' })
  @ApiBody({ schema: openApiSchema(startInvestigationRequest) })
  async start(
    @Tenant() ctx: TenantRequestContext,
    @Param('caseId') caseId: string,
    @Body(new ZodValidationPipe(startInvestigationRequest)) request: StartInvestigationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvestigationResponse> {
    const started = await this.investigations.start(ctx, caseId, request.locale);
    void reply.status(202);
    return started;
  }

  @Get('cases/:caseId/investigations')
  @Can('read', 'Investigation')
  forCase(@Tenant() ctx: TenantRequestContext, @Param('caseId') caseId: string): Promise<InvestigationResponse[]> {
    return this.investigations.forCase(ctx, caseId);
  }

  @Get('investigations/:investigationId')
  @Can('read', 'Investigation')
  @ApiOperation({ summary: 'An investigation: its steps, report and state' })
  get(@Tenant() ctx: TenantRequestContext, @Param('investigationId') id: string): Promise<InvestigationResponse> {
    return this.investigations.get(ctx, id);
  }

  @Post('investigations/:investigationId/decision')
  @Can('update', 'Investigation')
  @ApiOperation({ summary: 'The auditor confirms, dismisses, or asks a follow-up question (202, a job)' })
  @ApiBody({ schema: openApiSchema(investigationDecisionRequest) })
  async decide(
    @Tenant() ctx: TenantRequestContext,
    @Param('investigationId') id: string,
    @Body(new ZodValidationPipe(investigationDecisionRequest)) request: InvestigationDecisionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvestigationResponse> {
    const decided = await this.investigations.decide(ctx, id, request);
    void reply.status(202);
    return decided;
  }

  @Post('investigations/:investigationId/retry')
  @Can('update', 'Investigation')
  @ApiOperation({ summary: 'Resume a run stopped by a provider fault or a spent budget (202, a job)' })
  async retry(
    @Tenant() ctx: TenantRequestContext,
    @Param('investigationId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvestigationResponse> {
    const resumed = await this.investigations.retry(ctx, id);
    void reply.status(202);
    return resumed;
  }

  @Post('assistant/explain')
  @HttpCode(200)
  @Can('read', 'Transaction')
  @ApiOperation({ summary: 'Explain a movement, a member’s balance or the cash, citing the records used' })
  @ApiBody({ schema: openApiSchema(explainRequest) })
  explain(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(explainRequest)) request: ExplainRequest,
  ): Promise<ExplanationResponse> {
    return this.assistant.explain(ctx, request);
  }

  @Get('assistant/monthly-report')
  @Can('read', 'Report')
  @ApiOperation({ summary: 'The monthly report: totals, changes, late payers, open cases, notable findings' })
  monthlyReport(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(monthlyReportQuery)) query: MonthlyReportQuery,
  ): Promise<MonthlyReport> {
    return this.assistant.monthlyReport(ctx, query.month, query.locale);
  }

  @Get('assistant/monthly-report.csv')
  @Can('export', 'Report')
  @ApiOperation({ summary: 'The monthly report as CSV (section, item, value)' })
  async monthlyReportCsv(
    @Tenant() ctx: TenantRequestContext,
    @Query(new ZodValidationPipe(monthlyReportQuery)) query: MonthlyReportQuery,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const report = await this.assistant.monthlyReport(ctx, query.month, query.locale);
    const fr = report.locale === 'fr';
    const reportRows = this.assistant.rows(report);
    async function* rows() {
      for (const r of reportRows) yield [r.section, r.item, r.value];
    }
    return sendCsv(
      reply,
      {
        filename: `${fr ? 'rapport-mensuel' : 'monthly-report'}-${ctx.tenant.slug}-${report.month}`,
        columns: fr ? ['section', 'élément', 'valeur'] : ['section', 'item', 'value'],
        rows: rows(),
        delimiter: query.delimiter ?? (fr ? ';' : ','),
      },
      { tenant: ctx.tenant.slug, export: 'monthly-report' },
    );
  }
}
