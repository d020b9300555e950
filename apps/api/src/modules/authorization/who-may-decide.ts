// whoMayDecide, as the API answers it, whole or by pages: deciders who hold a rule directly first, then by name
// (compared here, not by a database collation), then by id; a cursor is a decider's sort key, tied to its question.
import { createHash } from 'node:crypto';
import {
  AuthorityBodyCoverage,
  AuthorityDecider,
  compareIds,
  deciderCandidates,
  DeciderCandidates,
  whoMayDecide,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { cursorOf, cursorParts } from '../../platform/page-cursor';
import { correctionsConcerning, answerRecords } from './corrections';
import { resolveCase, toChainView } from './authorization.service';
import { BodyCoverage, CaseInput, DeciderType } from './authorization.types';

/** The largest page. */
export const WHO_MAY_DECIDE_MAX_PAGE = 500;

export interface DeciderPageView {
  items: DeciderType[];
  /** Every decider from the first; −1 when the caller asked for none (`counted` false: whoMayDecide's pages). */
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  /** The coverage of the bodies the page's deciders' chains go through, each once. */
  bodies: BodyCoverage[];
}

/** A decider's place in the order: direct holders first, then by name, then by id. */
export interface SortKey {
  readonly direct: boolean;
  readonly name: string;
  readonly personId: string;
}

/** A decider's sort key: direct when a chain of theirs is the rule alone. */
function sortKeyOf(decider: AuthorityDecider, names: ReadonlyMap<string, string>): SortKey {
  return {
    direct: decider.chains.some((c) => c.links.length === 1),
    name: names.get(decider.personId) ?? '',
    personId: decider.personId,
  };
}

/** A decider on a page, with its place in the order. */
interface PageEntry {
  readonly decider: AuthorityDecider;
  readonly key: SortKey;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.direct !== b.direct) return a.direct ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareIds(a.personId, b.personId);
}

const CURSOR_VERSION = 1;

/** The question a cursor belongs to: the case as asked (a page's `at` defaults to each request's now alike). */
function questionKey(input: CaseInput): string {
  const asked = [
    input.decisionPoint,
    input.projectId ?? null,
    input.grade ?? null,
    input.orgUnitId ?? null,
    input.amount ?? null,
    input.currency ?? null,
    input.teamMemberIds ?? null,
    input.at?.toISOString() ?? null,
    input.asKnownAt?.toISOString() ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(asked)).digest('base64url').slice(0, 16);
}

function encodeCursor(question: string, key: SortKey): string {
  return cursorOf([CURSOR_VERSION, question, key.direct ? 1 : 0, key.name, key.personId]);
}

function decodeCursor(cursor: string, question: string): SortKey {
  const refuse = () =>
    badInput({
      after:
        'is not a cursor of this question: pass the `cursor` of a decider (or the `endCursor` of a page) that ' +
        'whoMayDecide returned for the same input, or leave `after` out to start from the first decider',
    });
  const [version, asked, direct, name, personId] = cursorParts(cursor, 5, refuse);
  if (
    version !== CURSOR_VERSION ||
    asked !== question ||
    (direct !== 0 && direct !== 1) ||
    typeof name !== 'string' ||
    typeof personId !== 'string'
  )
    throw refuse();
  return { direct: direct === 1, name, personId };
}

function toBodyView(b: AuthorityBodyCoverage): BodyCoverage {
  return {
    ruleId: b.ruleId,
    bodyId: b.bodyId,
    quorum: b.quorum.kind,
    quorumCount: b.quorum.kind === 'AT_LEAST' ? b.quorum.count : null,
    quorumReachable: b.quorumReachable,
    seats: b.seats.map((s) => ({
      title: s.title,
      titles: [...s.titles],
      fixed: s.fixed,
      occupants: [...s.occupants],
      filledBy: s.filledBy.map((f) => ({ personId: f.personId, via: f.via })),
    })),
  };
}

/**
 * Everyone who may take the case's decision, in order (direct holders first, then by name and id), from `after` on
 * (a cursor this question returned), at most `first` of them (1 to WHO_MAY_DECIDE_MAX_PAGE; all without it). Views
 * (chains, bodies, corrections) are made for the page only; a body's coverage once per page, shared by its deciders.
 */
export async function whoMayDecidePage(
  ctx: Context,
  input: CaseInput,
  first?: number | null,
  after?: string | null,
  /** false: the answer's totalCount is not wanted, and a page judges only the candidates it needs (pageOfFew). */
  counted = true,
): Promise<DeciderPageView> {
  if (
    first !== undefined &&
    first !== null &&
    (!Number.isInteger(first) || first < 1 || first > WHO_MAY_DECIDE_MAX_PAGE)
  )
    throw badInput({
      first: `must be from 1 to ${WHO_MAY_DECIDE_MAX_PAGE} (${first} given); leave it out for every decider`,
    });
  const question = questionKey(input);
  const from = after === undefined || after === null ? null : decodeCursor(after, question);
  const resolved = await resolveCase(ctx, input);
  ctx.revisions.read = resolved.asOf.revision;
  const names = resolved.snapshot.personNames;
  const found =
    !counted && first !== undefined && first !== null
      ? deciderCandidates(resolved.case, resolved.at, resolved.snapshot.index)
      : null;
  let answer: { deciders: readonly AuthorityDecider[]; bodies: readonly AuthorityBodyCoverage[] };
  let page: PageEntry[];
  let totalCount: number;
  let hasNextPage: boolean;
  if (found !== null && !found.bodyRules) {
    const few = pageOfFew(found, first as number, from, names);
    answer = { deciders: few.page.map((p) => p.decider), bodies: [] };
    ({ page, hasNextPage } = few);
    totalCount = -1;
  } else {
    answer = found !== null ? found.whole() : whoMayDecide(resolved.case, resolved.at, resolved.snapshot.index);
    const ordered = answer.deciders
      .map((decider) => ({ decider, key: sortKeyOf(decider, names) }))
      .sort((a, b) => compareKeys(a.key, b.key));
    let start = 0;
    if (from !== null)
      while (start < ordered.length && compareKeys((ordered[start] as PageEntry).key, from) <= 0) start++;
    const end = first === undefined || first === null ? ordered.length : Math.min(ordered.length, start + first);
    page = ordered.slice(start, end);
    totalCount = ordered.length;
    hasNextPage = end < ordered.length;
  }

  const coverage = new Map(answer.bodies.map((b) => [b.ruleId, b]));
  const bodyViews = new Map<string, BodyCoverage>();
  const bodyView = (ruleId: string): BodyCoverage | null => {
    let view = bodyViews.get(ruleId);
    if (view === undefined) {
      const found = coverage.get(ruleId);
      if (found === undefined) return null;
      view = toBodyView(found);
      bodyViews.set(ruleId, view);
    }
    return view;
  };
  const toView = ({ decider, key }: { decider: AuthorityDecider; key: SortKey }): DeciderType => {
    const chains = decider.chains.map(toChainView);
    const ruleIds = new Set(decider.chains.flatMap((c) => (c.body !== null && c.links[0] ? [c.links[0].id] : [])));
    return {
      personId: decider.personId,
      cursor: encodeCursor(question, key),
      direct: key.direct,
      chains,
      revision: resolved.asOf.revision,
      corrections: correctionsConcerning(resolved.asOf.corrections, answerRecords([decider.personId], chains)),
      quorumRequired: decider.quorumRequired,
      bodies: [...ruleIds].flatMap((id) => bodyView(id) ?? []),
    };
  };
  const items = page.map(toView);
  const last = items[items.length - 1];
  return {
    items,
    totalCount,
    endCursor: last ? last.cursor : null,
    hasNextPage,
    bodies: [...bodyViews.values()],
  };
}

/**
 * A page of `first` deciders after `from`, judging only the candidates it needs: every holder of a fitting rule (the
 * only candidates who may be direct, and few), then the others in the answer's order until the page is full and one
 * more decider shows whether another page follows. The others are never direct, so their order is by name and id
 * alone, and those at or before the cursor are not judged at all. Without decision-body rules only: a body's coverage
 * needs every decider.
 */
export function pageOfFew(
  found: DeciderCandidates,
  first: number,
  from: SortKey | null,
  names: ReadonlyMap<string, string>,
): { page: PageEntry[]; hasNextPage: boolean } {
  const direct: PageEntry[] = [];
  const throughHolders: PageEntry[] = [];
  for (const personId of found.holders) {
    const decider = found.decider(personId);
    if (decider === null) continue;
    const key = sortKeyOf(decider, names);
    (key.direct ? direct : throughHolders).push({ decider, key });
  }
  // The others after the cursor, taken in order from a heap: a page needs only its first few of them.
  const others = new KeyHeap();
  for (const personId of found.candidates) {
    if (found.holders.has(personId)) continue;
    const key: SortKey = { direct: false, name: names.get(personId) ?? '', personId };
    if (from === null || compareKeys(key, from) > 0) others.add(key);
  }
  others.heapify();
  direct.sort((a, b) => compareKeys(a.key, b.key));
  throughHolders.sort((a, b) => compareKeys(a.key, b.key));

  const page: PageEntry[] = [];
  const after = (key: SortKey) => from === null || compareKeys(key, from) > 0;
  // One more than the page: it tells whether another page follows.
  const full = (entry: PageEntry): boolean => {
    if (!after(entry.key)) return false;
    page.push(entry);
    return page.length > first;
  };
  const more = () => ({ page: page.slice(0, first), hasNextPage: true });
  for (const entry of direct) if (full(entry)) return more();
  // The holders who decide through a delegation only, merged with the others by name and id.
  let h = 0;
  for (let key = others.take(); key !== null; key = others.take()) {
    for (; h < throughHolders.length && compareKeys((throughHolders[h] as PageEntry).key, key) < 0; h++)
      if (full(throughHolders[h] as PageEntry)) return more();
    const decider = found.decider(key.personId);
    if (decider !== null && full({ decider, key })) return more();
  }
  for (; h < throughHolders.length; h++) if (full(throughHolders[h] as PageEntry)) return more();
  return { page, hasNextPage: false };
}

/** Sort keys taken smallest first (compareKeys): a binary heap, built at once from what was added. */
class KeyHeap {
  private readonly items: SortKey[] = [];

  add(key: SortKey): void {
    this.items.push(key);
  }

  /** Orders what was added (in linear time); call once, before the first take. */
  heapify(): void {
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The smallest key left, or null. */
  take(): SortKey | null {
    const items = this.items;
    if (items.length === 0) return null;
    const top = items[0] as SortKey;
    const last = items.pop() as SortKey;
    if (items.length > 0) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && compareKeys(items[right] as SortKey, items[left] as SortKey) < 0 ? right : left;
      if (compareKeys(items[child] as SortKey, items[i] as SortKey) >= 0) return;
      const swap = items[i] as SortKey;
      items[i] = items[child] as SortKey;
      items[child] = swap;
      i = child;
    }
  }
}
