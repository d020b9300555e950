export * from './result';
export * from './text';
