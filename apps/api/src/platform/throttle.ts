// Sign-in attempts per account: after `maxFailures` failures within `windowMs`, refuse for `lockMs`.
import { AppError } from './errors';

interface Attempts {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
  ) {}

  check(account: string, now: Date): void {
    const entry = this.attempts.get(account);
    if (entry && entry.lockedUntil > now.getTime()) {
      const seconds = Math.ceil((entry.lockedUntil - now.getTime()) / 1000);
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins for this account; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
    }
  }

  fail(account: string, now: Date): void {
    const t = now.getTime();
    let entry = this.attempts.get(account);
    if (!entry || t - entry.windowStart > this.windowMs) {
      entry = { failures: 0, windowStart: t, lockedUntil: 0 };
      this.attempts.set(account, entry);
    }
    entry.failures += 1;
    if (entry.failures >= this.maxFailures) entry.lockedUntil = t + this.lockMs;
    if (this.attempts.size > 10_000) this.prune(t);
  }

  succeed(account: string): void {
    this.attempts.delete(account);
  }

  private prune(t: number): void {
    for (const [key, entry] of this.attempts) if (entry.lockedUntil < t && t - entry.windowStart > this.windowMs) this.attempts.delete(key);
  }
}
