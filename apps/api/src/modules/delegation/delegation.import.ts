// Importing delegations from a spreadsheet (the export's columns). A delegation is identified by who delegates and who
// receives (employee numbers, or names only one person has), the decision points and the day it starts:
// "delegator / delegate / ATB+ATC / 2026-01-01". Its source: an authority rule ("name / unit code", or a name only one
// rule has) or, for a re-delegation (the delegator holds the right by a delegation they received), that delegation by
// its key; also one another row of the file creates, wherever it stands: that row is taken first. Every row is judged
// by the engine as createDelegation judges it (a re-delegation within its source's redelegable depth, limit, grades,
// scope and window). An existing delegation may change only its end and its reason (as with
// updateDelegation); a row identical to a revoked one is left alone.
import { In } from 'typeorm';
import { DECISION_POINTS, PROJECT_GRADES, TEAM_ROLES } from '@iron-triangle/domain';
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
import { personLookup } from '../person';
import { orgUnitLookup } from '../org-unit';
import { AuthorityRule, ruleKey } from '../authority-rule';
import { Delegation } from './delegation.entity';
import { delegationSpec } from './delegation.resolver';

const CHUNK = 500;
const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** Everything but the end and the reason: what updateDelegation cannot change. */
const FIXED = [
  'delegatorId',
  'delegateId',
  'sourceRuleId',
  'sourceDelegationId',
  'decisionPoints',
  'grades',
  'scopeOrgUnitId',
  'limitMinor',
  'currency',
  'validFrom',
  'redelegableDepth',
  'requiredRole',
  'requiredLevel',
] as const;

/** Decision points in the engine's order, joined: the same set gives the same key in any order. */
function pointsKey(points: readonly string[]): string {
  const upper = points.map((p) => p.trim().toUpperCase());
  return DECISION_POINTS.filter((p) => upper.includes(p)).join('+') || upper.join('+');
}

function pointsOfCell(cells: Cells): string[] {
  const raw = cells.decisionPoints;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(/[,;，；、+]/).filter((p) => p.trim() !== '') : [];
}

export const delegationImport: ImportDefinition<Delegation> = {
  type: 'DELEGATION',
  spec: delegationSpec,
  keyColumn: 'delegatorId',
  keyOf: (cells) => {
    const parts = ['delegatorId', 'delegateId', 'validFrom'].map((f) => textCell(cells, f) ?? '');
    const points = pointsKey(pointsOfCell(cells));
    if (parts.every((p) => p === '') && !points) return '';
    return [parts[0], parts[1], points, parts[2]].join(' / ');
  },
  async begin(em) {
    const people = await personLookup(em);
    const units = await orgUnitLookup(em);
    const unitCodeOf = new Map([...units.byCode].map(([code, id]) => [id, code]));
    const rules = await em.find(AuthorityRule, { select: { id: true, name: true, scopeOrgUnitId: true } });
    const ruleByKey = new Map<string, number>();
    const ruleByName = new Map<string, number[]>();
    for (const r of rules) {
      ruleByKey.set(ruleKey(r.name, unitCodeOf.get(r.scopeOrgUnitId) ?? ''), r.id);
      ruleByName.set(r.name, [...(ruleByName.get(r.name) ?? []), r.id]);
    }
    const keyOf = (d: Pick<Delegation, 'delegatorId' | 'delegateId' | 'decisionPoints' | 'validFrom'>) =>
      [
        people.employeeNoOf.get(d.delegatorId),
        people.employeeNoOf.get(d.delegateId),
        pointsKey(d.decisionPoints),
        d.validFrom.toISOString().slice(0, 10),
      ].join(' / ');
    const keyed = new Set<number>();
    // Delegations a row may re-delegate from, by key: those received by a delegator of the file, and the file's own.
    const sources = new Map<string, number>();
    /**
     * A source delegation's cell as the key it names: "delegator / delegate / points / start day", the people by
     * employee number or a name only one person has, the points in any order (separated by +, commas or
     * semicolons), the start as a day or an instant on that day. Anything else: the text, spaced as keys are.
     */
    const sourceKeyOf = (text: string): string => {
      const parts = text.split('/').map((p) => p.trim());
      if (parts.length !== 4) return parts.join(' / ');
      const [delegatorText, delegateText, pointsText, from] = parts as [string, string, string, string];
      const number = (name: string) => {
        const id = namedRecord(name, people.byCode, people.byName);
        return id === undefined ? name : (people.employeeNoOf.get(id) ?? name);
      };
      const points = pointsKey(pointsText.split(/[,;，；、+]/).filter((p) => p.trim() !== ''));
      return [number(delegatorText), number(delegateText), points, DAY.exec(from)?.[1] ?? from].join(' / ');
    };
    return {
      fixed: FIXED,
      // A re-delegation of a delegation the same file creates: that row first, wherever it stands in the file.
      after(cells: Cells) {
        const text = textCell(cells, 'sourceDelegationId');
        return text ? sourceKeyOf(text) : '';
      },
      keyOf(cells: Cells) {
        const delegatorText = textCell(cells, 'delegatorId') ?? '';
        const delegateText = textCell(cells, 'delegateId') ?? '';
        const from = textCell(cells, 'validFrom') ?? '';
        const points = pointsKey(pointsOfCell(cells));
        if (!delegatorText && !delegateText && !from && !points) return '';
        const delegator = namedRecord(delegatorText, people.byCode, people.byName);
        const delegate = namedRecord(delegateText, people.byCode, people.byName);
        if (delegator !== undefined) keyed.add(delegator);
        const number = (id: number | undefined, text: string) =>
          id === undefined ? text : (people.employeeNoOf.get(id) ?? text);
        return [
          number(delegator, delegatorText),
          number(delegate, delegateText),
          points,
          DAY.exec(from)?.[1] ?? from,
        ].join(' / ');
      },
      async existing(keys) {
        const wanted = new Set(keys);
        const out = new Map<string, Delegation>();
        const ids = [...keyed];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const part = ids.slice(i, i + CHUNK);
          const found = await em.find(Delegation, {
            where: { delegatorId: In(part) },
            order: { id: 'ASC' },
            ...forUpdate(em),
          });
          for (const d of found) {
            const key = keyOf(d);
            // Two of one key (recorded before imports): the first one is the one the key names.
            if (wanted.has(key) && !out.has(key)) out.set(key, d);
          }
          const received = await em.find(Delegation, { where: { delegateId: In(part) }, order: { id: 'ASC' } });
          for (const d of received) if (!sources.has(keyOf(d))) sources.set(keyOf(d), d.id);
        }
        return out;
      },
      read(cells: Cells, before) {
        const problems: ImportProblem[] = [];
        const sourceText = textCell(cells, 'sourceDelegationId');
        let sourceDelegationId: string | null | undefined = sourceText === null ? null : undefined;
        if (sourceText) {
          const id = sources.get(sourceKeyOf(sourceText));
          if (id === undefined)
            problems.push({
              field: 'sourceDelegationId',
              code: 'UNKNOWN_REFERENCE',
              params: { value: sourceText, record: 'Delegation' },
            });
          else sourceDelegationId = String(id);
        }
        const currency = textCell(cells, 'currency');
        let validFrom = dateCell(cells, 'validFrom', problems);
        // The start's day is part of the key: an existing delegation keeps its moment within it.
        if (before && validFrom instanceof Date) validFrom = before.validFrom;
        const args = {
          sourceRuleId: referenceCell(cells, 'sourceRuleId', 'AuthorityRule', ruleByKey, ruleByName, problems),
          sourceDelegationId,
          delegatorId: referenceCell(cells, 'delegatorId', 'Person', people.byCode, people.byName, problems),
          delegateId: referenceCell(cells, 'delegateId', 'Person', people.byCode, people.byName, problems),
          decisionPoints: enumsCell(cells, 'decisionPoints', DECISION_POINTS, problems),
          grades: enumsCell(cells, 'grades', PROJECT_GRADES, problems),
          scopeOrgUnitId: referenceCell(cells, 'scopeOrgUnitId', 'OrgUnit', units.byCode, units.byName, problems),
          limit: amountCell(cells, 'limit', problems),
          currency: currency ? currency.toUpperCase() : currency,
          validFrom,
          validTo: dateCell(cells, 'validTo', problems),
          // Blank: the create's default (0), or what the delegation holds.
          redelegableDepth: integerCell(cells, 'redelegableDepth', problems) ?? undefined,
          requiredRole: enumCell(cells, 'requiredRole', TEAM_ROLES, problems),
          requiredLevel: integerCell(cells, 'requiredLevel', problems),
          reason: textCell(cells, 'reason'),
        };
        return { args, problems };
      },
      written(d) {
        sources.set(keyOf(d), d.id);
      },
    };
  },
};
