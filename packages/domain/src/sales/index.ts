export * from './lead';
export * from './opportunity';
export * from './funnel';
export * from './powerMap';
