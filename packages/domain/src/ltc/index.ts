export * from './ltc';
export * from './sequence';
