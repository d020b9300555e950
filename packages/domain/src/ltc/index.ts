export * from './ltc';
export * from './sequence';
export * from './request';
