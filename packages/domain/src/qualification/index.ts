export * from './held';
