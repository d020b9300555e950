export * from './grading';
export * from './decisionTeams';
