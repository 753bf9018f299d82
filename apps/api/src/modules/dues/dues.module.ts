import { Module } from '@nestjs/common';
import { DuesController } from './dues.controller.js';
import { DuesRepository } from './dues.repository.js';
import { DuesService } from './dues.service.js';

@Module({ controllers: [DuesController], providers: [DuesService, DuesRepository], exports: [DuesService] })
export class DuesModule {}
