export * from './roles';
export * from './roleModel';
export * from './defaultRoleModels';
