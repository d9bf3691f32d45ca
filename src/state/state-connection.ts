/**
 * Where a repository works: the state database, or the manager of one transaction on it. A service
 * that needs several repositories in one transaction runs them with {@link inOneTransaction}: each is
 * handed the transaction's manager (`withManager`), and a repository method that opens a transaction of
 * its own ({@link StateRepository.transaction}) joins the one it is in instead — the same method serves
 * in and out of a transaction.
 */
import { type DataSource, EntityManager } from "typeorm";

export type StateConnection = DataSource | EntityManager;

/** A repository that can work inside a transaction. */
export interface TransactionalRepository<Self> {
  /** Runs `work` in one transaction on this repository's database (joining the one it works in, if any). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** The same repository, working inside the transaction of `manager`. */
  withManager(manager: EntityManager): Self;
}

/** A repository of the state, on the database or inside a transaction; its constructor takes the connection alone. */
export abstract class StateRepository implements TransactionalRepository<StateRepository> {
  constructor(protected readonly connection: StateConnection) {}

  withManager(manager: EntityManager): this {
    return new (this.constructor as new (connection: StateConnection) => this)(manager);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withTransaction(this.connection, work);
  }
}

/** Runs `work` in one transaction on `connection`; a transaction's manager runs it inside that transaction. */
export async function withTransaction<T>(connection: StateConnection, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (connection instanceof EntityManager && connection.queryRunner?.isTransactionActive) return work(connection);
  return connection.transaction(work);
}

/**
 * Runs `work` in one transaction, with every repository of `repositories` (all on the same database)
 * working inside it: all of its writes go in together or not at all.
 */
export async function inOneTransaction<R extends { readonly [K in keyof R]: TransactionalRepository<R[K]> }, T>(
  repositories: R,
  work: (inTransaction: R) => Promise<T>,
): Promise<T> {
  const all = Object.values(repositories) as TransactionalRepository<unknown>[];
  if (all.length === 0) throw new RangeError("inOneTransaction needs at least one repository");
  return all[0].transaction((manager) => {
    const bound = Object.fromEntries(
      Object.entries(repositories).map(([name, repository]) => [
        name,
        (repository as TransactionalRepository<unknown>).withManager(manager),
      ]),
    );
    return work(bound as R);
  });
}

/** The manager to run statements on: the transaction's, or the database's own. */
export function managerOf(connection: StateConnection): EntityManager {
  return connection instanceof EntityManager ? connection : connection.manager;
}
