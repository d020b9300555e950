// Production refuses to start while an active user can still sign in with the demo password.
//
// Which users are checked (scrypt costs tens to hundreds of milliseconds and up to 128 MB per check, so the start-up
// check must stay bounded):
//   - every active user in the demo's e-mail domain (@demo.local: the seeded accounts and any made like them);
//   - every active user at all when there are at most ALL_USERS_UP_TO of them (a small or freshly converted install).
// A larger install whose other accounts were created through the API cannot have "demo" anyway: the API refuses
// passwords that short. Identical stored hashes (the demo seed gives its users one hash) are verified once.
import { IsNull } from 'typeorm';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../platform/passwords';
import { User } from '../modules/user/user.entity';
import { DEMO_PASSWORD } from './demo';

export const DEMO_EMAIL_DOMAIN = '@demo.local';
/** Up to this many active users, all of them are checked. */
export const ALL_USERS_UP_TO = 25;

/** E-mails (sorted) of the active users whose password is the demo password. */
export async function usersWithDemoPassword(dataSource: DataSource): Promise<string[]> {
  const active = await dataSource.manager.find(User, {
    where: { archivedAt: IsNull() },
    select: { id: true, email: true, passwordHash: true },
    order: { id: 'ASC' },
  });
  const candidates =
    active.length <= ALL_USERS_UP_TO ? active : active.filter((u) => u.email.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN));
  const verdicts = new Map<string, boolean>();
  const found: string[] = [];
  // One at a time: each scrypt check may take up to 128 MB.
  for (const user of candidates) {
    let demo = verdicts.get(user.passwordHash);
    if (demo === undefined) {
      demo = await verifyPassword(DEMO_PASSWORD, user.passwordHash);
      verdicts.set(user.passwordHash, demo);
    }
    if (demo) found.push(user.email);
  }
  return found.sort();
}

/** Throws (naming the accounts and the way out) when an active user still has the demo password. */
export async function refuseDemoPasswords(dataSource: DataSource): Promise<void> {
  const emails = await usersWithDemoPassword(dataSource);
  if (emails.length === 0) return;
  throw new Error(
    `Refusing to start with NODE_ENV=production: ${emails.length} active account(s) still have the demo ` +
      `password "${DEMO_PASSWORD}": ${emails.join(', ')}. ` +
      'Change their passwords or disable them (deleteUser) first, e.g. by starting once without NODE_ENV=production ' +
      '(it listens on 127.0.0.1 only unless HOST says otherwise) and signing in as an ADMIN.',
  );
}
