// The Iron Triangle rules, pure: every area re-exported by name.
export * from './shared';
export * from './money';
export * from './time';
export * from './organisation';
export * from './roles';
export * from './qualification';
export * from './ltc';
export * from './authorization';
export * from './incentives';
export * from './grading';
export * from './staffing';
export * from './access';
export * from './history';
export * from './settings';
export * from './sales';
