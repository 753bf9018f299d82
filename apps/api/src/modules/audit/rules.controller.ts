import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  activateDraftRequest,
  backtestRequest,
  createSnoozeRequest,
  rollbackRequest,
  saveDraftRequest,
  validateRuleSetRequest,
  type ActivateDraftRequest,
  type ActiveRuleSetResponse,
  type BacktestRequest,
  type BacktestResponse,
  type CreateSnoozeRequest,
  type PackUpdateResponse,
  type RollbackRequest,
  type RuleSetDraftResponse,
  type RuleSetValidationResponse,
  type RuleSetVersionDetail,
  type RuleSetVersionResponse,
  type SaveDraftRequest,
  type SnoozeResponse,
} from '@kotizo/contracts';
import { Can } from '../../platform/authorization/permission.decorators.js';
import { RequestLanguage } from '../../platform/errors/messages/accept-language.js';
import type { Language } from '../../platform/errors/messages/catalog.js';
import { Tenant } from '../../platform/tenancy/context.decorators.js';
import type { TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { openApiSchema } from '../../platform/validation/openapi-schema.js';
import { ZodValidationPipe } from '../../platform/validation/zod-validation.pipe.js';
import { RuleSetsService } from './rule-sets.service.js';

/** A version number in a path: anything else is simply not found. */
const versionOf = (text: string): number => (/^\d{1,9}$/.test(text) ? Number(text) : -1);

@ApiTags('audit rules')
@ApiBearerAuth()
@Controller({ path: 'coops/:slug/rules', version: '1' })
export class RulesController {
  constructor(private readonly rules: RuleSetsService) {}

  @Get()
  @Can('read', 'RuleSet')
  @ApiOperation({ summary: 'The active rule set' })
  current(@Tenant() ctx: TenantRequestContext): Promise<ActiveRuleSetResponse> {
    return this.rules.current(ctx);
  }

  @Get('versions')
  @Can('read', 'RuleSet')
  versions(@Tenant() ctx: TenantRequestContext): Promise<RuleSetVersionResponse[]> {
    return this.rules.versions(ctx);
  }

  @Get('versions/:version')
  @Can('read', 'RuleSet')
  @ApiOperation({ summary: 'One version, with what changed from the one before' })
  version(@Tenant() ctx: TenantRequestContext, @Param('version') version: string): Promise<RuleSetVersionDetail> {
    return this.rules.version(ctx, versionOf(version));
  }

  @Post('versions/:version/rollback')
  @HttpCode(200)
  @Can('approve', 'RuleSet')
  @ApiOperation({ summary: 'Make an earlier version active again (as a new version)' })
  @ApiBody({ schema: openApiSchema(rollbackRequest) })
  rollback(
    @Tenant() ctx: TenantRequestContext,
    @Param('version') version: string,
    @Body(new ZodValidationPipe(rollbackRequest)) request: RollbackRequest,
  ): Promise<ActiveRuleSetResponse> {
    return this.rules.rollback(ctx, versionOf(version), request.note);
  }

  @Get('draft')
  @Can('read', 'RuleSet')
  draft(@Tenant() ctx: TenantRequestContext): Promise<RuleSetDraftResponse> {
    return this.rules.draft(ctx);
  }

  @Put('draft')
  @Can('update', 'RuleSet')
  @ApiOperation({ summary: 'Save the draft; each problem is named by its JSON pointer' })
  @ApiBody({ schema: openApiSchema(saveDraftRequest) })
  saveDraft(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(saveDraftRequest)) request: SaveDraftRequest,
  ): Promise<RuleSetDraftResponse> {
    return this.rules.saveDraft(ctx, request.ruleSet);
  }

  @Delete('draft')
  @HttpCode(204)
  @Can('update', 'RuleSet')
  async discardDraft(@Tenant() ctx: TenantRequestContext): Promise<void> {
    await this.rules.discardDraft(ctx);
  }

  @Post('validate')
  @HttpCode(200)
  @Can('read', 'RuleSet')
  @ApiOperation({ summary: 'Check a rule set without saving it; the problems are worded after Accept-Language' })
  @ApiBody({ schema: openApiSchema(validateRuleSetRequest) })
  validate(
    @Body(new ZodValidationPipe(validateRuleSetRequest)) request: SaveDraftRequest,
    @RequestLanguage() language: Language,
  ): RuleSetValidationResponse {
    return this.rules.validate(request.ruleSet, language);
  }

  @Post('draft/backtest')
  @HttpCode(200)
  @Can('update', 'RuleSet')
  @ApiOperation({ summary: 'Run the draft and the active version over a period of history; creates nothing' })
  @ApiBody({ schema: openApiSchema(backtestRequest) })
  backtest(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(backtestRequest)) request: BacktestRequest,
  ): Promise<BacktestResponse> {
    return this.rules.backtest(ctx, request);
  }

  @Post('draft/activate')
  @HttpCode(200)
  @Can('approve', 'RuleSet')
  @ApiOperation({ summary: 'The draft becomes the active version (maker-checker per cooperative setting)' })
  @ApiBody({ schema: openApiSchema(activateDraftRequest) })
  activate(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(activateDraftRequest)) request: ActivateDraftRequest,
  ): Promise<ActiveRuleSetResponse> {
    return this.rules.activate(ctx, request.note);
  }

  @Get('pack-update')
  @Can('read', 'RuleSet')
  @ApiOperation({ summary: 'What the latest release of the pack would change' })
  packUpdate(@Tenant() ctx: TenantRequestContext): Promise<PackUpdateResponse> {
    return this.rules.packUpdate(ctx);
  }

  @Post('pack-update/adopt')
  @HttpCode(200)
  @Can('update', 'RuleSet')
  @ApiOperation({ summary: 'Put the latest pack release in the draft, keeping this cooperative’s tuning' })
  adoptPackUpdate(@Tenant() ctx: TenantRequestContext): Promise<RuleSetDraftResponse> {
    return this.rules.adoptPackUpdate(ctx);
  }

  @Get('snoozes')
  @Can('read', 'RuleSet')
  snoozes(@Tenant() ctx: TenantRequestContext): Promise<SnoozeResponse[]> {
    return this.rules.snoozes(ctx);
  }

  @Post('snoozes')
  @Can('update', 'RuleSet')
  @ApiOperation({ summary: 'Silence one rule for one member until a date, with a reason' })
  @ApiBody({ schema: openApiSchema(createSnoozeRequest) })
  snooze(
    @Tenant() ctx: TenantRequestContext,
    @Body(new ZodValidationPipe(createSnoozeRequest)) request: CreateSnoozeRequest,
  ): Promise<SnoozeResponse> {
    return this.rules.snooze(ctx, request);
  }

  @Post('snoozes/:snoozeId/lift')
  @HttpCode(200)
  @Can('update', 'RuleSet')
  liftSnooze(@Tenant() ctx: TenantRequestContext, @Param('snoozeId') id: string): Promise<SnoozeResponse> {
    return this.rules.liftSnooze(ctx, id);
  }
}
