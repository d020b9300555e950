import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import {
  hashNewPassword,
  hashPassword,
  needsRehash,
  PASSWORD_COST,
  signSession,
  verifyPassword,
} from '../../platform/passwords';
import { requirePrincipal, signedIn } from '../../platform/permissions';
import { writeAudit } from '../../platform/audit';
import { DateTimeScalar } from '../../platform/scalars';
import { User } from './user.entity';
import { Person } from '../person';
import { mustExist } from '../../platform/validation';
import { CreateUserArgs, UpdateUserArgs, UserFilter } from './user.args';

export const userSpec: CrudSpec<User> = {
  entity: User,
  name: 'User',
  plural: 'Users',
  label: 'user',
  filter: UserFilter,
  createArgs: CreateUserArgs,
  updateArgs: UpdateUserArgs,
  remove: 'archive',
  search: ['email'],
  scope: { kind: 'reference', why: 'administrators only (the role table refuses everyone else): not org data' },
  readOnlyColumns: ['passwordHash', 'lastLoginAt', 'archivedAt', 'sessionVersion'],
  hooks: {
    async beforeCreate(values, { args, em, ctx }) {
      await mustExist(em, Person, values.personId, 'personId', 'person');
      values.email = String(args.email).trim().toLowerCase();
      values.passwordHash = await hashNewPassword(String(args.password), 'password', passwordCost(ctx));
      values.sessionVersion = 0;
    },
    async beforeUpdate(patch, { args, em, ctx, before }) {
      await mustExist(em, Person, patch.personId, 'personId', 'person');
      if (typeof args.email === 'string') patch.email = args.email.trim().toLowerCase();
      if (typeof args.password === 'string')
        patch.passwordHash = await hashNewPassword(args.password, 'password', passwordCost(ctx));
      // A new password or another role ends every session of the user (their tokens carry the old version). The
      // update itself is guarded by the record's version, so two changes cannot both start from the same value.
      if (patch.passwordHash !== undefined || (patch.role !== undefined && patch.role !== before!.role))
        patch.sessionVersion = before!.sessionVersion + 1;
    },
  },
};

export const UserCrudResolver = createCrudResolver(userSpec);

/** The scrypt cost for new hashes: 2^17 unless a test server lowered it. */
function passwordCost(ctx: Context): number {
  return ctx.services.passwordCost ?? PASSWORD_COST;
}

@ObjectType({ description: 'A signed-in session: send `token` as "Authorization: Bearer <token>" until `expiresAt`.' })
export class Session {
  @Field({ description: 'Bearer token (HMAC-signed).' })
  token: string;

  @Field(() => DateTimeScalar, { description: 'When the token stops working (UTC).' })
  expiresAt: Date;

  @Field(() => User, { description: 'Who signed in.' })
  user: User;
}

// Verifying against a throw-away hash keeps "no such user" as slow as "wrong password" (one per cost).
const dummyHashes = new Map<number, Promise<string>>();

function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hashPassword('not-a-password', cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}

@Resolver()
export class SessionResolver {
  @Mutation(() => Session, {
    description:
      'Signs in with e-mail and password. At most 5 password checks per account in 15 minutes (the 5th ' +
      'failure locks the account for 15 minutes) and 20 failed checks per client address: beyond that ' +
      'RATE_LIMITED with extensions.retryAfterSeconds.',
  })
  async login(
    @Arg('email', { description: 'Sign-in e-mail.' }) email: string,
    @Arg('password', { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<Session> {
    const account = email.trim().toLowerCase();
    const throttle = ctx.services.loginThrottle;
    const manager = ctx.db.manager;
    // The check is reserved in the database before the password is looked at (RATE_LIMITED otherwise).
    const reservation = await throttle.reserve(manager, account, ctx.clientAddress, ctx.now);
    const user = await manager.findOneBy(User, { email: account });
    const cost = passwordCost(ctx);
    const valid =
      user && !user.archivedAt
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await dummyHash(cost)), false);
    if (!user || !valid) {
      await throttle.failed(manager, reservation, ctx.now);
      throw new AppError('UNAUTHENTICATED', 'E-mail or password is wrong (or the user is disabled).');
    }
    await throttle.succeeded(manager, reservation, ctx.now);
    // A hash made with less work than today's cost is replaced now that the password is known; only if it is still
    // the stored one (a concurrent password change wins).
    const rehashed = needsRehash(user.passwordHash, cost) ? await hashPassword(password, cost) : null;
    const iat = Math.floor(ctx.now.getTime() / 1000);
    const exp = iat + ctx.config.tokenTtlSeconds;
    const token = signSession({ sub: user.id, sv: user.sessionVersion, iat, exp }, ctx.config.tokenSecret);
    await ctx.db.transaction(async (em) => {
      await em.update(User, { id: user.id }, { lastLoginAt: ctx.now });
      if (rehashed) await em.update(User, { id: user.id, passwordHash: user.passwordHash }, { passwordHash: rehashed });
      const asUser: Context = {
        ...ctx,
        principal: {
          kind: 'user',
          userId: user.id,
          email: user.email,
          role: user.role as never,
          personId: user.personId,
        },
      };
      await writeAudit(em, asUser, { action: 'login', entityType: 'User', entityId: user.id });
    });
    return { token, expiresAt: new Date(exp * 1000), user };
  }

  @Mutation(() => Boolean, {
    description:
      'Signs out: ends every session of the signed-in user (on every device), so their tokens answer ' +
      'UNAUTHENTICATED from now on. API tokens are ended with deleteApiToken instead.',
  })
  @UseMiddleware(signedIn)
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const p = requirePrincipal(ctx);
    if (p.kind !== 'user')
      throw forbidden(
        'logout ends a signed-in session; an API token is ended by an administrator with deleteApiToken.',
      );
    await ctx.db.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .update(User)
        .set({ sessionVersion: () => 'sessionVersion + 1' })
        .where('id = :id', { id: p.userId })
        .execute();
      await writeAudit(em, ctx, { action: 'logout', entityType: 'User', entityId: p.userId });
    });
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user; null when calling with an API token.' })
  @UseMiddleware(signedIn)
  me(@Ctx() ctx: Context) {
    const p = ctx.principal;
    return p && p.kind === 'user' ? ctx.db.manager.findOneBy(User, { id: p.userId }) : null;
  }
}
