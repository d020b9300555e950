// Sessions that can be ended and sign-in attempts counted in the database.
// - users.sessionVersion: carried in every session token and compared on every request; a password or role change,
//   or logout, bumps it and so ends the user's sessions (tokens issued before this migration carry none and end too).
// - login_throttle: one row per sign-in bucket (an account, or a client address), shared by every API process.
//   `bucket` is the SHA-256 (hex) of "account:<e-mail>" or "address:<ip>", so it is plain ASCII and compares exactly
//   under any collation; `attempts` is reserved with a conditional UPDATE before a password is checked; the window
//   start is epoch milliseconds (BIGINT), compared as a number on both databases.
import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

export class SessionsAndSignInThrottle1764830000000 implements MigrationInterface {
  name = 'SessionsAndSignInThrottle1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'sessionVersion', type: 'integer', isNullable: false, default: 0 }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          {
            name: 'bucket',
            type: 'varchar',
            length: '64',
            isPrimary: true,
            ...(mysql ? { charset: 'ascii', collation: 'ascii_bin' } : {}),
          },
          { name: 'attempts', type: 'integer', isNullable: false, default: 0 },
          { name: 'windowStartMs', type: 'bigint', isNullable: false },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_throttle');
    await queryRunner.dropColumn('users', 'sessionVersion');
  }
}
