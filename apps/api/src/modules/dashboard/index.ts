// What other modules may use of this one (they import it only from here).
export { DashboardResolver, weekStartOf, weekStarts } from './dashboard.resolver';
