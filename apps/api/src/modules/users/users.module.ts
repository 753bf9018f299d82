import { Module } from '@nestjs/common';
import { CooperativeUsersController } from './cooperative-users.controller.js';
import { CooperativeUsersRepository } from './cooperative-users.repository.js';
import { CooperativeUsersService } from './cooperative-users.service.js';
import { UserAccounts } from './user-accounts.js';

@Module({
  controllers: [CooperativeUsersController],
  providers: [CooperativeUsersService, CooperativeUsersRepository, UserAccounts],
  exports: [UserAccounts],
})
export class UsersModule {}
