// The default initiation decision teams (立项决策团队) for grade I and II projects, and the position titles they seat.
import { LocalizedText } from '../shared/text';

export const POSITION_TITLE_CODES = [
  'BU_PRESIDENT',
  'BUSINESS_DEPT_DIRECTOR',
  'BUSINESS_DEPT_CHIEF_ENGINEER',
  'INDUSTRY_HEAD',
  'INDUSTRY_CHIEF_ENGINEER',
  'PRODUCT_LINE_DIRECTOR',
  'DELIVERY_MANAGER',
  'FINANCE_MANAGER',
] as const;
export type PositionTitle = (typeof POSITION_TITLE_CODES)[number];

export const POSITION_TITLES: Readonly<Record<PositionTitle, LocalizedText>> = Object.freeze({
  BU_PRESIDENT: { 'zh-CN': '事业部总裁', en: 'Business-unit president' },
  BUSINESS_DEPT_DIRECTOR: { 'zh-CN': '业务部总监', en: 'Business-department director' },
  BUSINESS_DEPT_CHIEF_ENGINEER: { 'zh-CN': '业务部总工', en: 'Business-department chief engineer' },
  INDUSTRY_HEAD: { 'zh-CN': '行业部长', en: 'Industry head' },
  INDUSTRY_CHIEF_ENGINEER: { 'zh-CN': '行业总工', en: 'Industry chief engineer' },
  PRODUCT_LINE_DIRECTOR: { 'zh-CN': '产品线总监', en: 'Product-line director' },
  DELIVERY_MANAGER: { 'zh-CN': '交付经理', en: 'Delivery manager' },
  FINANCE_MANAGER: { 'zh-CN': '财务经理', en: 'Finance manager' },
});

export function isPositionTitle(value: string): value is PositionTitle {
  return (POSITION_TITLE_CODES as readonly string[]).includes(value);
}

/** A seat is filled by a holder of any of `titles`; `title` is the first, for records that keep one title. */
export interface DecisionTeamSeat {
  readonly title: PositionTitle;
  readonly titles: readonly PositionTitle[];
  /** `titles` without `title` (the shape the authorization engine's seats take). */
  readonly alternativeTitles: readonly PositionTitle[];
  /** Fixed seats must take part; on-demand seats are called in when the case needs them. */
  readonly fixed: boolean;
}

/** ALL_FIXED: the team may decide when every fixed seat is filled. */
export const DECISION_TEAM_QUORUMS = ['ALL_FIXED'] as const;
export type DecisionTeamQuorum = (typeof DECISION_TEAM_QUORUMS)[number];

export interface DecisionTeam {
  readonly code: string;
  readonly grade: 'I' | 'II';
  readonly name: LocalizedText;
  readonly seats: readonly DecisionTeamSeat[];
  readonly quorum: DecisionTeamQuorum;
}

const seat = (fixed: boolean, ...titles: [PositionTitle, ...PositionTitle[]]): DecisionTeamSeat =>
  Object.freeze({
    title: titles[0],
    titles: Object.freeze(titles),
    alternativeTitles: Object.freeze(titles.slice(1)),
    fixed,
  });

/** Grade III needs no decision team (无须决策). */
export const DEFAULT_DECISION_BODIES: Readonly<Record<'I' | 'II', DecisionTeam>> = Object.freeze({
  I: Object.freeze({
    code: 'GRADE_I_INITIATION',
    grade: 'I',
    name: { 'zh-CN': 'I级项目立项决策团队', en: 'Grade I project initiation decision team' },
    seats: Object.freeze([
      seat(true, 'BU_PRESIDENT'),
      seat(true, 'BUSINESS_DEPT_DIRECTOR', 'BUSINESS_DEPT_CHIEF_ENGINEER'),
      seat(false, 'PRODUCT_LINE_DIRECTOR'),
      seat(false, 'DELIVERY_MANAGER'),
      seat(false, 'FINANCE_MANAGER'),
    ]),
    quorum: 'ALL_FIXED',
  }),
  II: Object.freeze({
    code: 'GRADE_II_INITIATION',
    grade: 'II',
    name: { 'zh-CN': 'II级项目立项决策团队', en: 'Grade II project initiation decision team' },
    seats: Object.freeze([
      seat(true, 'BUSINESS_DEPT_DIRECTOR'),
      seat(true, 'INDUSTRY_HEAD'),
      seat(true, 'INDUSTRY_CHIEF_ENGINEER'),
      seat(false, 'BUSINESS_DEPT_CHIEF_ENGINEER'),
      seat(false, 'PRODUCT_LINE_DIRECTOR'),
      seat(false, 'DELIVERY_MANAGER'),
      seat(false, 'FINANCE_MANAGER'),
    ]),
    quorum: 'ALL_FIXED',
  }),
});

/** The default team for a grade; null for grade III. */
export function defaultDecisionTeam(grade: 'I' | 'II' | 'III'): DecisionTeam | null {
  return grade === 'III' ? null : DEFAULT_DECISION_BODIES[grade];
}

export interface DecisionTeamQuorumCheck {
  readonly met: boolean;
  /** Fixed seats no present title fills. */
  readonly unfilledFixedSeats: readonly DecisionTeamSeat[];
}

/** Whether the titles present fill every fixed seat (one person's title fills one seat only). */
export function checkDecisionTeamQuorum(team: DecisionTeam, presentTitles: readonly string[]): DecisionTeamQuorumCheck {
  const available = [...presentTitles];
  const unfilled: DecisionTeamSeat[] = [];
  // Single-title seats first, so an alternative seat does not take a title a single-title seat needs.
  const fixed = team.seats.filter((s) => s.fixed).sort((a, b) => a.titles.length - b.titles.length);
  for (const candidate of fixed) {
    const index = available.findIndex((title) => (candidate.titles as readonly string[]).includes(title));
    if (index === -1) unfilled.push(candidate);
    else available.splice(index, 1);
  }
  return { met: unfilled.length === 0, unfilledFixedSeats: unfilled };
}
