import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { allow, TOKEN_SCOPES } from '../../platform/permissions';
import { badInput } from '../../platform/errors';
import { writeAudit } from '../../platform/audit';
import { hashApiToken, newApiTokenSecret } from '../../platform/passwords';
import { DateTimeScalar } from '../../platform/scalars';
import { ApiToken } from './api-token.entity';
import { ApiTokenFilter } from './api-token.args';

export const apiTokenSpec: CrudSpec<ApiToken> = {
  entity: ApiToken,
  name: 'ApiToken',
  plural: 'ApiTokens',
  label: 'API token',
  filter: ApiTokenFilter,
  remove: 'revoke',
  search: ['name'],
  scope: { kind: 'reference', why: 'administrators only (the role table refuses everyone else): not org data' },
};

export const ApiTokenCrudResolver = createCrudResolver(apiTokenSpec);

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Mutation(() => ApiToken, {
    description:
      'Creates an API token for an integration. Its `secret` is in this response only: store it now; only ' +
      'its hash is kept.',
  })
  @UseMiddleware(allow('users', 'write'))
  async createApiToken(
    @Arg('name', { description: 'What the token is for.' }) name: string,
    @Arg('scopes', () => [String], { description: `Scopes: ${TOKEN_SCOPES.join(', ')}.` }) scopes: string[],
    @Arg('expiresAt', () => DateTimeScalar, { nullable: true, description: 'When it stops working; omit for never.' })
    expiresAt: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<ApiToken> {
    const unknown = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
    if (unknown.length || scopes.length === 0)
      throw badInput({
        scopes:
          `use one or more of ${TOKEN_SCOPES.join(', ')}` +
          `${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
      });
    if (name.trim().length === 0 || name.length > 200) throw badInput({ name: 'must be 1..200 characters' });
    if (expiresAt && expiresAt.getTime() <= ctx.now.getTime()) throw badInput({ expiresAt: 'must be in the future' });
    const principal = ctx.principal;
    return ctx.db.transaction(async (em) => {
      const inserted = await em.insert(ApiToken, {
        name: name.trim(),
        tokenHash: 'pending',
        scopes: [...new Set(scopes)],
        createdById: principal?.kind === 'user' ? principal.userId : null,
        expiresAt: expiresAt ?? null,
        revokedAt: null,
        revokeReason: null,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const id = Number(inserted.identifiers[0]?.id);
      const secret = newApiTokenSecret(id);
      await em.update(ApiToken, { id }, { tokenHash: hashApiToken(secret) });
      const token = await em.findOneByOrFail(ApiToken, { id });
      await writeAudit(em, ctx, { action: 'create', entityType: 'ApiToken', entityId: id, after: token });
      token.secret = secret;
      return token;
    });
  }
}
