export * from './registry';
export * from './change.entity';
export * from './record';
export * from './baseline';
export * from './guard.subscriber';
export * from './change-input';
export * from './history';
export * from './version.resolver';
