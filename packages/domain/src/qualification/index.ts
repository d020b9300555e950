export * from './held';
export * from './performance';
export * from './framework';
export * from './defaultFrameworks';
export * from './evaluate';
