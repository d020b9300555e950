import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { hashPassword, signSession, verifyPassword } from '../../platform/passwords';
import { signedIn } from '../../platform/permissions';
import { writeAudit } from '../../platform/audit';
import { DateTimeScalar } from '../../platform/scalars';
import { User } from './user.entity';
import { Person } from '../person/person.entity';
import { mustExist } from '../../platform/validation';
import { CreateUserArgs, UpdateUserArgs, UserFilter } from './user.args';

export const userSpec: CrudSpec<User> = {
  entity: User,
  name: 'User',
  plural: 'Users',
  label: 'user',
  group: 'users',
  filter: UserFilter,
  createArgs: CreateUserArgs,
  updateArgs: UpdateUserArgs,
  remove: 'archive',
  search: ['email'],
  scope: { kind: 'reference', why: 'administrators only (the role table refuses everyone else): not org data' },
  readOnlyColumns: ['passwordHash', 'lastLoginAt', 'archivedAt'],
  hooks: {
    async beforeCreate(values, { args, em }) {
      await mustExist(em, Person, values.personId, 'personId', 'person');
      values.email = String(args.email).trim().toLowerCase();
      values.passwordHash = await hashPassword(String(args.password));
    },
    async beforeUpdate(patch, { args, em }) {
      await mustExist(em, Person, patch.personId, 'personId', 'person');
      if (typeof args.email === 'string') patch.email = args.email.trim().toLowerCase();
      if (typeof args.password === 'string') patch.passwordHash = await hashPassword(args.password);
    },
  },
};

export const UserCrudResolver = createCrudResolver(userSpec);

@ObjectType({ description: 'A signed-in session: send `token` as "Authorization: Bearer <token>" until `expiresAt`.' })
export class Session {
  @Field({ description: 'Bearer token (HMAC-signed).' })
  token: string;

  @Field(() => DateTimeScalar, { description: 'When the token stops working (UTC).' })
  expiresAt: Date;

  @Field(() => User, { description: 'Who signed in.' })
  user: User;
}

// Verifying against a throw-away hash keeps "no such user" as slow as "wrong password".
let dummyHash: Promise<string> | null = null;

@Resolver()
export class SessionResolver {
  @Mutation(() => Session, { description: 'Signs in with e-mail and password. Repeated failures lock the account for a while (RATE_LIMITED).' })
  async login(@Arg('email', { description: 'Sign-in e-mail.' }) email: string, @Arg('password', { description: 'Password.' }) password: string, @Ctx() ctx: Context): Promise<Session> {
    const account = email.trim().toLowerCase();
    const throttle = ctx.services.loginThrottle;
    throttle.check(account, ctx.now);
    const user = await ctx.db.manager.findOneBy(User, { email: account });
    dummyHash ??= hashPassword('not-a-password');
    const valid = user && !user.archivedAt ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await dummyHash), false);
    if (!user || !valid) {
      throttle.fail(account, ctx.now);
      throw new AppError('UNAUTHENTICATED', 'E-mail or password is wrong (or the user is disabled).');
    }
    throttle.succeed(account);
    const iat = Math.floor(ctx.now.getTime() / 1000);
    const exp = iat + ctx.config.tokenTtlSeconds;
    const token = signSession({ sub: user.id, iat, exp }, ctx.config.tokenSecret);
    await ctx.db.transaction(async (em) => {
      await em.update(User, { id: user.id }, { lastLoginAt: ctx.now });
      const asUser: Context = { ...ctx, principal: { kind: 'user', userId: user.id, email: user.email, role: user.role as never, personId: user.personId } };
      await writeAudit(em, asUser, { action: 'login', entityType: 'User', entityId: user.id });
    });
    return { token, expiresAt: new Date(exp * 1000), user };
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user; null when calling with an API token.' })
  @UseMiddleware(signedIn)
  me(@Ctx() ctx: Context) {
    const p = ctx.principal;
    return p && p.kind === 'user' ? ctx.db.manager.findOneBy(User, { id: p.userId }) : null;
  }
}
