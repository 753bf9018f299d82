import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginRateLimited } from '../rate-limit/rate-limit.module.js';
import type { FastifyRequest } from 'fastify';
import {
  loginRequest,
  refreshRequest,
  type LoginRequest,
  type RefreshRequest,
  type TokenResponse,
} from '@kotizo/contracts';
import { Public } from '../authorization/permission.decorators.js';
import { openApiSchema } from '../validation/openapi-schema.js';
import { ZodValidationPipe } from '../validation/zod-validation.pipe.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginRateLimited()
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiBody({ schema: openApiSchema(loginRequest) })
  login(
    @Body(new ZodValidationPipe(loginRequest)) request: LoginRequest,
    @Req() http: FastifyRequest,
  ): Promise<TokenResponse> {
    return this.auth.login(request, String(http.id));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (the old one stops working)' })
  @ApiBody({ schema: openApiSchema(refreshRequest) })
  refresh(@Body(new ZodValidationPipe(refreshRequest)) request: RefreshRequest): Promise<TokenResponse> {
    return this.auth.refresh(request.refreshToken);
  }

  /** Public so that a client whose access token has expired can still sign out. */
  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Sign out: revokes the session of this refresh token' })
  @ApiBody({ schema: openApiSchema(refreshRequest) })
  async logout(@Body(new ZodValidationPipe(refreshRequest)) request: RefreshRequest): Promise<void> {
    await this.auth.logout(request.refreshToken, null);
  }
}
