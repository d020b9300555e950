// decisionRights on the named East region world: each kind of chain, and the ones left out.
import { authorize } from './authorize';
import { DecisionRight, decisionRights } from './decision-rights';
import { at, baseCase, eastRegion, money } from './testing/east-region';

/** point via chain scope limit (minor units) grades [role] */
const line = (r: DecisionRight): string =>
  [
    r.decisionPoint,
    r.via,
    r.chain.links.map((l) => l.id).join('>'),
    r.scopeOrgUnitId,
    r.limit === null ? '-' : String(r.limit.minor),
    r.grades.join(','),
    ...(r.projectRole ? [r.projectRole] : []),
  ].join(' ');

const rightsOf = (person: string, when: string) => decisionRights(person, at(when), eastRegion);

describe('decisionRights', () => {
  it("a director: the position's rule, the bodies' seats where the director sits, the project role's rule", () => {
    expect(rightsOf('zhang', '2026-03-01').map(line)).toEqual([
      'ATI DECISION_BODY R-BODY-I EAST - I',
      'ATI DECISION_BODY R-BODY-II EAST 5000000000 II',
      'ATI POSITION R-DIR-EAST EAST 500000000 III',
      'ATI PROJECT_ROLE R-AR HQ 100000000 III AR',
      'ATB DECISION_BODY R-BODY-I EAST - I',
      'ATB DECISION_BODY R-BODY-II EAST 5000000000 II',
      'ATB POSITION R-DIR-EAST EAST 500000000 III',
      'ATB PROJECT_ROLE R-AR HQ 100000000 III AR',
      'ATC DECISION_BODY R-BODY-I EAST - I',
      'ATC DECISION_BODY R-BODY-II EAST 5000000000 II',
      'ATC POSITION R-DIR-EAST EAST 500000000 III',
    ]);
    const [body] = rightsOf('zhang', '2026-03-01');
    expect(body).toMatchObject({ quorumRequired: true, projectRole: null });
    expect(body?.chain.body).toEqual({ bodyId: 'BODY-I', seatTitles: ['DIRECTOR'] });
  });

  it('a body seat is reported where the holder sits: the nearer director of Shanghai takes the seat there', () => {
    expect(
      rightsOf('gao', '2026-04-15')
        .filter((r) => r.quorumRequired)
        .map((r) => r.scopeOrgUnitId),
    ).toEqual(Array(6).fill('SH'));
    // Zhang's seat still reads EAST, but a grade I case in Shanghai is Gao's.
    const gradeI = { ...baseCase, decisionPoint: 'ATI' as const, grade: 'I' as const, team: [] };
    expect(authorize('zhang', gradeI, at('2026-04-15'), eastRegion).allowed).toBe(false);
    expect(authorize('gao', gradeI, at('2026-04-15'), eastRegion).allowed).toBe(true);
    expect(authorize('zhang', { ...gradeI, orgUnitId: 'HZ' }, at('2026-04-15'), eastRegion).allowed).toBe(true);
  });

  it('three delegations: the narrowest terms, the windows intersected, while the qualification holds', () => {
    const [right] = rightsOf('wu', '2026-03-01').filter((r) => r.via === 'DELEGATION');
    expect(right && line(right)).toBe('ATB DELEGATION R-DIR-EAST>D1>D2>D3 SH1 50000000 III');
    expect(right?.window).toEqual({ from: at('2025-08-01'), to: at('2026-09-01') });
    expect(right?.chain.links[0]?.holderPersonId).toBe('zhang');
    expect(authorize('wu', { ...baseCase, amount: money('500000.00') }, at('2026-03-01'), eastRegion).allowed).toBe(
      true,
    );
    // Zhou's AR level lapses on 1 April 2026: D2 requires it, so the chain allows nothing after.
    expect(rightsOf('wu', '2026-04-15').filter((r) => r.via === 'DELEGATION')).toEqual([]);
  });

  it('revoked, a cycle, beyond the delegable depth: left out', () => {
    const delegated = (person: string, when: string) =>
      rightsOf(person, when)
        .filter((r) => r.via === 'DELEGATION')
        .map(line);
    expect(delegated('feng', '2026-01-15')).toEqual(['ATI DELEGATION R-DIR-EAST>D1>D4 SH 200000000 III']);
    expect(delegated('feng', '2026-03-01')).toEqual([]);
    expect(delegated('heng', '2026-01-15')).toEqual(['ATI DELEGATION R-DIR-EAST>D1>D4>D5 SH 100000000 III']);
    expect(delegated('heng', '2026-03-01')).toEqual([]);
    expect(delegated('xu', '2026-03-01')).toEqual([]);
    expect(delegated('lu', '2026-03-01')).toEqual([]);
    expect(rightsOf('zhang', '2026-03-01').some((r) => r.chain.links.some((l) => l.id === 'D6'))).toBe(false);
  });

  it("delegated from a body's seat and from a project role: quorum and the role stay with the chain", () => {
    const [seat] = rightsOf('han', '2026-03-01').filter((r) => r.via === 'DELEGATION');
    expect(seat && line(seat)).toBe('ATI DELEGATION R-BODY-II>D8 EAST 1000000000 II');
    expect(seat).toMatchObject({ quorumRequired: true, projectRole: null });
    expect(seat?.chain.body).toEqual({ bodyId: 'BODY-II', seatTitles: ['INDUSTRY_HEAD'] });
    const [role] = rightsOf('he', '2026-03-01').filter((r) => r.via === 'DELEGATION');
    expect(role && line(role)).toBe('ATI DELEGATION R-AR>D9 HQ 50000000 III AR');
    // The role is the delegator's: on a project where Xie is the AR.
    expect(role?.chain.links[0]?.holderPersonId).toBe('xie');
  });

  it('someone holding nothing still has the project roles’ rules, conditionally', () => {
    expect(rightsOf('nobody-at-all', '2026-03-01').map(line)).toEqual([
      'ATI PROJECT_ROLE R-AR HQ 100000000 III AR',
      'ATB PROJECT_ROLE R-AR HQ 100000000 III AR',
    ]);
  });
});
