// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { CompanySettings, DecisionDueDays, SETTINGS_ID } from './company-settings.entity';
export { companySettingsOf, requestSettings, SPONSOR_CONFLICT_SUBQUERY, toSettings } from './company-settings.service';
