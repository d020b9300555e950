// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Lead, LeadNurtureAction } from './lead.entity';
export { callerPersonId, leadNotOpen, lockLeadForWrite, saveLeadChange } from './lead.resolver';
export { gradeCriteriaOf, missingOf } from './lead.rules';
export { SalesRecordFilter } from './lead.args';
