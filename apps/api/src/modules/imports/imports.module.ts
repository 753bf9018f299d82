import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({ imports: [LedgerModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
