// Incentive pools (奖金包): exact funding, largest-remainder allocation, and the lifecycle.
export * from './rational';
export * from './pool';
export * from './funding';
export * from './allocation';
export * from './lifecycle';
