import {
  DECISION_TEAM_QUORUMS,
  DEFAULT_DECISION_BODIES,
  POSITION_TITLES,
  POSITION_TITLE_CODES,
  checkDecisionTeamQuorum,
  defaultDecisionTeam,
  isPositionTitle,
} from './decisionTeams';

describe('position titles', () => {
  it('names every title in zh-CN and English', () => {
    expect(Object.keys(POSITION_TITLES)).toEqual([...POSITION_TITLE_CODES]);
    for (const code of POSITION_TITLE_CODES) {
      expect(POSITION_TITLES[code]['zh-CN'].length).toBeGreaterThan(0);
      expect(POSITION_TITLES[code].en.length).toBeGreaterThan(0);
    }
    expect(POSITION_TITLES.BU_PRESIDENT['zh-CN']).toBe('事业部总裁');
    expect(POSITION_TITLES.INDUSTRY_HEAD['zh-CN']).toBe('行业部长');
    expect(isPositionTitle('INDUSTRY_CHIEF_ENGINEER')).toBe(true);
    expect(isPositionTitle('CEO')).toBe(false);
  });
});

describe('default decision teams (DOMAIN.md §4)', () => {
  const I = DEFAULT_DECISION_BODIES.I;
  const II = DEFAULT_DECISION_BODIES.II;

  it(
    'grade I: fixed BU president + business-department director ' +
      'or chief engineer; product line, delivery, finance on demand',
    () => {
      expect(DECISION_TEAM_QUORUMS).toEqual(['ALL_FIXED']);
      expect(I.quorum).toBe('ALL_FIXED');
      expect(I.seats.filter((s) => s.fixed).map((s) => s.titles)).toEqual([
        ['BU_PRESIDENT'],
        ['BUSINESS_DEPT_DIRECTOR', 'BUSINESS_DEPT_CHIEF_ENGINEER'],
      ]);
      expect(I.seats[1]).toEqual({
        title: 'BUSINESS_DEPT_DIRECTOR',
        titles: ['BUSINESS_DEPT_DIRECTOR', 'BUSINESS_DEPT_CHIEF_ENGINEER'],
        alternativeTitles: ['BUSINESS_DEPT_CHIEF_ENGINEER'],
        fixed: true,
      });
      expect(I.seats.filter((s) => !s.fixed).map((s) => s.title)).toEqual([
        'PRODUCT_LINE_DIRECTOR',
        'DELIVERY_MANAGER',
        'FINANCE_MANAGER',
      ]);
    },
  );

  it('grade II: fixed director, industry head and industry chief engineer; the rest on demand', () => {
    expect(II.quorum).toBe('ALL_FIXED');
    expect(II.seats.filter((s) => s.fixed).map((s) => s.title)).toEqual([
      'BUSINESS_DEPT_DIRECTOR',
      'INDUSTRY_HEAD',
      'INDUSTRY_CHIEF_ENGINEER',
    ]);
    expect(II.seats.filter((s) => !s.fixed).map((s) => s.title)).toEqual([
      'BUSINESS_DEPT_CHIEF_ENGINEER',
      'PRODUCT_LINE_DIRECTOR',
      'DELIVERY_MANAGER',
      'FINANCE_MANAGER',
    ]);
  });

  it('every seat title is a known position title, and a seat’s title is its first', () => {
    for (const team of [I, II]) {
      for (const s of team.seats) {
        expect(s.title).toBe(s.titles[0]);
        expect(s.alternativeTitles).toEqual(s.titles.slice(1));
        for (const t of s.titles) expect(isPositionTitle(t)).toBe(true);
      }
      expect(team.name['zh-CN']).toContain('立项决策团队');
    }
  });

  it('grade III needs no team', () => {
    expect(defaultDecisionTeam('III')).toBeNull();
    expect(defaultDecisionTeam('I')).toBe(I);
    expect(defaultDecisionTeam('II')).toBe(II);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_DECISION_BODIES)).toBe(true);
    expect(Object.isFrozen(I.seats)).toBe(true);
    expect(Object.isFrozen(I.seats[1]?.titles)).toBe(true);
  });
});

describe('checkDecisionTeamQuorum', () => {
  const I = DEFAULT_DECISION_BODIES.I;
  const II = DEFAULT_DECISION_BODIES.II;

  it('is met when every fixed seat is filled, by either alternative title', () => {
    expect(checkDecisionTeamQuorum(I, ['BU_PRESIDENT', 'BUSINESS_DEPT_DIRECTOR'])).toEqual({
      met: true,
      unfilledFixedSeats: [],
    });
    expect(checkDecisionTeamQuorum(I, ['BUSINESS_DEPT_CHIEF_ENGINEER', 'BU_PRESIDENT']).met).toBe(true);
  });

  it('on-demand seats are not needed', () => {
    expect(
      checkDecisionTeamQuorum(II, ['BUSINESS_DEPT_DIRECTOR', 'INDUSTRY_HEAD', 'INDUSTRY_CHIEF_ENGINEER']).met,
    ).toBe(true);
  });

  it('names the fixed seats left unfilled', () => {
    const check = checkDecisionTeamQuorum(I, ['BU_PRESIDENT', 'FINANCE_MANAGER']);
    expect(check.met).toBe(false);
    expect(check.unfilledFixedSeats.map((s) => s.title)).toEqual(['BUSINESS_DEPT_DIRECTOR']);
    expect(checkDecisionTeamQuorum(II, []).unfilledFixedSeats).toHaveLength(3);
  });

  it('one present title fills one seat only', () => {
    const twoDirectorSeats = { ...II, seats: [II.seats[0]!, II.seats[0]!] };
    expect(checkDecisionTeamQuorum(twoDirectorSeats, ['BUSINESS_DEPT_DIRECTOR']).met).toBe(false);
    expect(checkDecisionTeamQuorum(twoDirectorSeats, ['BUSINESS_DEPT_DIRECTOR', 'BUSINESS_DEPT_DIRECTOR']).met).toBe(
      true,
    );
  });
});
