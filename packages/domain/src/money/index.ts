export * from './money';
export * from './decimal';
