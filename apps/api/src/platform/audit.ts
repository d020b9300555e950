// Writes the audit entry of a change, in the caller's transaction.
import { EntityManager } from 'typeorm';
import type { Context } from './context';
import { AuditEntry } from './audit-entry.entity';
import { insertRow } from './insert-row';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

/** A JSON-safe snapshot: bigint → string, Date → ISO string, secrets removed. */
export function snapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_FIELDS.has(key)) continue;
    if (typeof value === 'bigint') out[key] = value.toString();
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (typeof value === 'function') continue;
    else out[key] = value;
  }
  return out;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: number | string | null;
  before?: object | null;
  after?: object | null;
  note?: string | null;
}

export async function writeAudit(em: EntityManager, ctx: Context, input: AuditInput): Promise<void> {
  // Nothing of the entry is read back (no statement to reload its defaults).
  await insertRow(em, AuditEntry, auditRow(ctx, input));
}

/** Several audit entries of one write in one multi-row INSERT (nothing read back). */
export async function writeAudits(em: EntityManager, ctx: Context, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(AuditEntry)
    .values(inputs.map((input) => auditRow(ctx, input)) as never)
    .updateEntity(false)
    .execute();
}

function auditRow(ctx: Context, input: AuditInput): object {
  const p = ctx.principal;
  return {
    // snapshots are plain JSON values

    at: ctx.now,
    actorKind: p ? (p.kind === 'user' ? 'USER' : 'API_TOKEN') : 'ANONYMOUS',
    actorId: p ? (p.kind === 'user' ? p.userId : p.tokenId) : null,
    actorLabel: p ? (p.kind === 'user' ? p.email : p.name) : null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId === null ? null : String(input.entityId),
    before: snapshot(input.before) as never,
    after: snapshot(input.after) as never,
    note: input.note ?? null,
    requestId: ctx.requestId,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}
