export * from './ltc';
