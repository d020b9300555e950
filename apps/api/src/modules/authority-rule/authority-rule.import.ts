// Importing authority rules from a spreadsheet (the export's columns). A rule is identified by its name and the org
// unit of its scope (code, or a name only one unit has): "name / unit code". Units, the decision body and the enum
// columns by name or code; decision points and grades as a list ("ATB, ATC"); the limit as a number beside its
// currency. An existing rule keeps its holder (updateAuthorityRule cannot change it either).
import { In } from 'typeorm';
import { AUTHORITY_HOLDER_KINDS, DECISION_POINTS, PROJECT_GRADES, TEAM_ROLES } from '@iron-triangle/domain';
import type { ImportProblem } from '../../platform/crud';
import { forUpdate } from '../../platform/db';
import {
  amountCell,
  dateCell,
  enumCell,
  enumsCell,
  integerCell,
  namedRecord,
  referenceCell,
  textCell,
  type Cells,
  type ImportDefinition,
} from '../../platform/import';
import { orgUnitLookup } from '../org-unit';
import { DecisionBody } from '../decision-body';
import { AuthorityRule } from './authority-rule.entity';
import { authorityRuleSpec } from './authority-rule.resolver';
import { ruleKey } from './authority-rule.key';

const CHUNK = 500;

/** What an existing rule keeps: its holder. */
const HOLDER_COLUMNS = ['holderKind', 'holderTitle', 'holderOrgUnitId', 'decisionBodyId', 'holderRole'] as const;

export const authorityRuleImport: ImportDefinition<AuthorityRule> = {
  type: 'AUTHORITY_RULE',
  spec: authorityRuleSpec,
  keyColumn: 'name',
  keyOf: (cells) => {
    const parts = ['name', 'scopeOrgUnitId'].map((f) => textCell(cells, f) ?? '');
    return parts.every((p) => p === '') ? '' : ruleKey(parts[0]!, parts[1]!);
  },
  async begin(em) {
    const units = await orgUnitLookup(em);
    const unitCodeOf = new Map([...units.byCode].map(([code, id]) => [id, code]));
    const bodies = await em.find(DecisionBody, { select: { id: true, name: true } });
    const bodyByName = new Map<string, number[]>();
    for (const b of bodies) bodyByName.set(b.name, [...(bodyByName.get(b.name) ?? []), b.id]);
    const noCodes = new Map<string, number>();
    const names = new Set<string>();
    return {
      fixed: HOLDER_COLUMNS,
      // A row names units, people's positions and bodies, never another rule: new rules are inserted together.
      independent: true,
      keyOf(cells: Cells) {
        const name = textCell(cells, 'name') ?? '';
        const unitText = textCell(cells, 'scopeOrgUnitId') ?? '';
        if (!name && !unitText) return '';
        if (name) names.add(name);
        const unit = namedRecord(unitText, units.byCode, units.byName);
        return ruleKey(name, unit === undefined ? unitText : (unitCodeOf.get(unit) ?? unitText));
      },
      async existing(keys) {
        const wanted = new Set(keys);
        const out = new Map<string, AuthorityRule>();
        const list = [...names];
        for (let i = 0; i < list.length; i += CHUNK) {
          const found = await em.find(AuthorityRule, {
            where: { name: In(list.slice(i, i + CHUNK)) },
            order: { id: 'ASC' },
            ...forUpdate(em),
          });
          for (const rule of found) {
            const key = ruleKey(rule.name, unitCodeOf.get(rule.scopeOrgUnitId) ?? '');
            // Two of one name in one unit (made before imports): the first one is the one the key names.
            if (wanted.has(key) && !out.has(key)) out.set(key, rule);
          }
        }
        return out;
      },
      read(cells: Cells) {
        const problems: ImportProblem[] = [];
        const currency = textCell(cells, 'currency');
        const title = textCell(cells, 'holderTitle');
        const args = {
          name: textCell(cells, 'name'),
          holderKind: enumCell(cells, 'holderKind', AUTHORITY_HOLDER_KINDS, problems),
          holderTitle: title ? title.toUpperCase() : title,
          holderOrgUnitId: referenceCell(cells, 'holderOrgUnitId', 'OrgUnit', units.byCode, units.byName, problems),
          decisionBodyId: referenceCell(cells, 'decisionBodyId', 'DecisionBody', noCodes, bodyByName, problems),
          holderRole: enumCell(cells, 'holderRole', TEAM_ROLES, problems),
          decisionPoints: enumsCell(cells, 'decisionPoints', DECISION_POINTS, problems),
          grades: enumsCell(cells, 'grades', PROJECT_GRADES, problems),
          scopeOrgUnitId: referenceCell(cells, 'scopeOrgUnitId', 'OrgUnit', units.byCode, units.byName, problems),
          limit: amountCell(cells, 'limit', problems),
          currency: currency ? currency.toUpperCase() : currency,
          validFrom: dateCell(cells, 'validFrom', problems),
          validTo: dateCell(cells, 'validTo', problems),
          // Blank: the create's default (0), or what the rule holds.
          delegableDepth: integerCell(cells, 'delegableDepth', problems) ?? undefined,
        };
        return { args, problems };
      },
    };
  },
};
