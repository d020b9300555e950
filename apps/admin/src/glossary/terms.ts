// The glossary's terms, grouped by where a user meets them; the words themselves are in i18n (glossary.terms.<id>).
export const GLOSSARY_SECTIONS = [
  { id: 'roles', terms: ['AR', 'SR', 'FR', 'SPONSOR'] },
  { id: 'models', terms: ['AR_CODES', 'FIVE_P', 'HEROS'] },
  { id: 'flow', terms: ['LTC', 'ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'] },
  { id: 'grades', terms: ['GRADE_I', 'GRADE_II', 'GRADE_III'] },
  {
    id: 'sales',
    terms: [
      'LEAD',
      'LEAD_INITIAL',
      'LEAD_CREDIBLE',
      'LEAD_OPPORTUNITY',
      'LEAD_GRADES',
      'OPPORTUNITY',
      'SALES_FUNNEL',
      'POWER_MAP',
      'ATTITUDE_SCALE',
      'DECISION_ROLES',
    ],
  },
  { id: 'authority', terms: ['AUTHORITY_RULE', 'DELEGABLE_DEPTH', 'DECISION_BODY', 'QUORUM'] },
  {
    id: 'pools',
    terms: ['ATTAINMENT_GATE', 'POOL_DRAFT', 'POOL_FUNDED', 'POOL_ALLOCATED', 'POOL_APPROVED', 'POOL_LOCKED'],
  },
] as const;

export type GlossaryTerm = (typeof GLOSSARY_SECTIONS)[number]['terms'][number];

export const GLOSSARY_TERMS: readonly GlossaryTerm[] = GLOSSARY_SECTIONS.flatMap((s) => s.terms);

/** The glossary page, scrolled to one term. */
export function glossaryPath(term?: GlossaryTerm): string {
  return term ? `/glossary#${term}` : '/glossary';
}
