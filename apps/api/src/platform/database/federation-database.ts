import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';

/** The shared `federation` schema: the registry of cooperatives, users and sessions. */
@Injectable()
export class FederationDatabase {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** A fresh unit of work; its entities are all in the `federation` schema. */
  em(): EntityManager {
    return this.orm.em.fork();
  }

  async ping(): Promise<void> {
    await this.orm.em.getConnection().execute('select 1');
  }
}
