// decisionRights against authorize on random seeded states: every allowing chain is a right covering the case, and a
// right covering a case allows it, except where the case itself stands in the way (stated exactly below).
import fc from 'fast-check';
import { windowContains } from '../time/window';
import { authorize } from './authorize';
import { AuthorityIndex, indexAuthorityState, seatsFilledBy } from './authority-index';
import { DecisionRight, compareDecisionRights, decisionRights } from './decision-rights';
import { randomWorld } from './testing/random-state';
import { DEFAULT_CONFLICT_ROLES } from './types';
import type { AuthorityChain, AuthorizationCase, AuthorizationTeamMember } from './types';

const SEED = 20260413;

const idsOf = (chain: AuthorityChain): string => chain.links.map((l) => `${l.kind}:${l.id}`).join('>');

interface Tally {
  allowed: number;
  rights: number;
  covering: number;
  conflicts: number;
  /** A body's right covering the case, whose holder does not fill a seat for the case's own unit. */
  unseated: number;
  via: Record<string, number>;
}

function check(seed: number, tally: Tally): void {
  const world = randomWorld(seed);
  const built = indexAuthorityState(world.state);
  if (!built.ok) throw new Error('random world has an invalid tree');
  const ix = built.value;
  for (const t of [world.times[seed % 9], world.times[(seed + 4) % 9]] as Date[]) {
    for (const person of world.persons) {
      const rights = decisionRights(person, t, ix);
      tally.rights += rights.length;
      // Sorted, one right per chain, point and scope, each alive at t.
      expect([...rights].sort(compareDecisionRights)).toEqual(rights);
      const keys = rights.map((r) => `${idsOf(r.chain)}|${r.decisionPoint}|${r.scopeOrgUnitId}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const r of rights) {
        tally.via[r.via] = (tally.via[r.via] ?? 0) + 1;
        expect(windowContains(r.window, t)).toBe(true);
        expect(r.via === 'DELEGATION').toBe(r.chain.links.length > 1);
        expect(r.chain.links[r.chain.links.length - 1]?.holderPersonId).toBe(person);
        if (r.quorumRequired) {
          // The holder fills the seats named for a case in the scope unit itself.
          const body = r.chain.body as NonNullable<AuthorityChain['body']>;
          const holder = r.chain.links[0]?.holderPersonId as string;
          expect(body.seatTitles.length).toBeGreaterThan(0);
          expect(seatsFilledBy(ix, body.bodyId, holder, r.scopeOrgUnitId, t.getTime())).toEqual(body.seatTitles);
        } else expect(r.chain.body).toBeNull();
      }
      for (const c of world.cases) compareCase(ix, person, c, t, rights, tally);
    }
  }
}

function teamAt(c: AuthorizationCase, t: Date): AuthorizationTeamMember[] {
  return c.team.filter((m) => m.window === undefined || windowContains(m.window, t));
}

/** The right's terms fit the case; a project role's right needs its holder on the chain in that role on the team. */
function covers(ix: AuthorityIndex, r: DecisionRight, c: AuthorizationCase, t: Date): boolean {
  const holder = r.chain.links[0]?.holderPersonId;
  return (
    r.decisionPoint === c.decisionPoint &&
    r.grades.includes(c.grade) &&
    ix.tree.isWithin(c.orgUnitId, r.scopeOrgUnitId) &&
    r.currency === c.amount.currency &&
    (r.limit === null || c.amount.minor <= r.limit.minor) &&
    windowContains(r.window, t) &&
    (r.projectRole === null || teamAt(c, t).some((m) => m.personId === holder && m.role === r.projectRole))
  );
}

function compareCase(
  ix: AuthorityIndex,
  person: string,
  c: AuthorizationCase,
  t: Date,
  rights: readonly DecisionRight[],
  tally: Tally,
): void {
  const answer = authorize(person, c, t, ix);
  const allowing = new Set(answer.chains.map(idsOf));
  // Conflicted: on the team at t in a role the case counts as conflicted (AR, SR, FR, core members by default).
  const conflictRoles = c.conflictRoles ?? DEFAULT_CONFLICT_ROLES;
  const inTeam = teamAt(c, t).some((m) => m.personId === person && conflictRoles.includes(m.role));
  if (answer.allowed) tally.allowed++;
  // 1. Every chain that allows the case is a right that covers it.
  for (const chain of answer.chains) {
    const found = rights.some((r) => idsOf(r.chain) === idsOf(chain) && covers(ix, r, c, t));
    expect({ chain: idsOf(chain), covered: found }).toEqual({ chain: idsOf(chain), covered: true });
  }
  // 2. A right that covers the case allows it through the right's chain, exactly when
  //    (a) the person is not in conflict of interest: not a team member at t in a conflicted role, unless the chain's
  //        rule is a project
  //        role's (CONFLICT_OF_INTEREST spares those), and
  //    (b) for a decision body's right (quorumRequired), the rule's holder on the chain fills a seat of the body for
  //        the case's own unit: the scope is where they sit, but a unit below it with its own holder of a seat's titles
  //        seats that holder instead.
  //    Otherwise the chain is refused for the case: CONFLICT_OF_INTEREST for (a) when (b) holds.
  for (const r of rights) {
    if (!covers(ix, r, c, t)) continue;
    tally.covering++;
    const conflict = inTeam && r.projectRole === null;
    const holder = r.chain.links[0]?.holderPersonId as string;
    const seated =
      !r.quorumRequired ||
      seatsFilledBy(ix, (r.chain.body as { bodyId: string }).bodyId, holder, c.orgUnitId, t.getTime()).length > 0;
    if (conflict) tally.conflicts++;
    if (!seated) tally.unseated++;
    const ids = idsOf(r.chain);
    expect({ chain: ids, conflict, seated, allowed: allowing.has(ids) }).toEqual({
      chain: ids,
      conflict,
      seated,
      allowed: !conflict && seated,
    });
    if (conflict && seated && !answer.allowed) {
      const reason = answer.reasons.find(
        (x) => x.chain.join('>') === r.chain.links.map((l) => l.id).join('>') && x.code === 'CONFLICT_OF_INTEREST',
      );
      expect(reason).toBeDefined();
    }
  }
}

describe('decisionRights = the reverse of authorize', () => {
  it('on 2,000 random states, two moments each, every person and case (fast-check, fixed seed)', () => {
    const tally: Tally = { allowed: 0, rights: 0, covering: 0, conflicts: 0, unseated: 0, via: {} };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => check(seed, tally)),
      { seed: SEED, numRuns: 2000 },
    );
    // Both directions are exercised in volume, through every kind of chain, and the exceptions of (2) occur.
    expect(tally.allowed).toBeGreaterThan(1000);
    expect(tally.covering).toBeGreaterThan(tally.allowed);
    for (const via of ['POSITION', 'DECISION_BODY', 'PROJECT_ROLE', 'DELEGATION'])
      expect({ via, some: (tally.via[via] ?? 0) > 100 }).toEqual({ via, some: true });
    expect(tally.conflicts).toBeGreaterThan(50);
    expect(tally.unseated).toBeGreaterThan(0);
  });
});
