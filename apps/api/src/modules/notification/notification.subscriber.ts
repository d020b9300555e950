// Sends a transaction's notification e-mails once it has committed (and forgets them when it rolls back): notify marks
// the transaction, this subscriber kicks the outbox. Registered through the data source options (composition.ts).
import { EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { takeMailMark } from './notification.service';
import { runtimeOf } from './notification.runtime';

@EventSubscriber()
export class NotificationMailSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released inside a longer transaction is not the commit.
    if (event.queryRunner.isTransactionActive) return;
    if (takeMailMark(event.queryRunner)) runtimeOf(event.connection)?.outbox.kick();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takeMailMark(event.queryRunner);
  }
}
