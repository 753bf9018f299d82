import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { FederationAdminBootstrap } from './federation-admin.bootstrap.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  imports: [PassportModule, JwtModule.register({})],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, PasswordHasher, TokenService, FederationAdminBootstrap],
  exports: [PasswordHasher, FederationAdminBootstrap],
})
export class AuthModule {}
