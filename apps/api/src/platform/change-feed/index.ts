export * from './cursor';
export * from './feed';
export * from './revision';
