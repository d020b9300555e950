import { parseCsv, rowsOf } from './parse';
import { EXPORT_COLUMNS } from '../export/columns';
import { buildTable } from '../export/rows';
import { toCsv } from '../export/files';

const HEADERS: Record<string, string> = {
  'resources.Person.fields.employeeNo': 'Employee no.',
  'resources.Person.fields.name': 'Name',
  'resources.Person.fields.orgUnitId': 'Org unit',
};
const translate = (key: string, options?: Record<string, unknown>) => HEADERS[key] ?? String(options?._ ?? key);

describe('import files', () => {
  test('CSV as the export writes it (BOM, quotes, commas, line breaks) reads back cell for cell', () => {
    const table = buildTable([{ id: '1', employeeNo: 'E1', name: 'Li, "Lei"\nJr', orgUnitId: '7', phone: ' 1 ' }], {
      resource: 'Person',
      columns: EXPORT_COLUMNS.Person,
      translate,
      locale: 'en',
      names: new Map([['OrgUnit', new Map([['7', { id: '7', name: 'East' }]])]]),
    });
    const parsed = rowsOf(parseCsv(toCsv(table)), EXPORT_COLUMNS.Person, 'Person', translate);
    expect(parsed.unknownHeaders).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        employeeNo: 'E1',
        name: 'Li, "Lei"\nJr',
        latinName: null,
        email: null,
        phone: ' 1 ',
        orgUnitId: 'East',
        hiredAt: null,
        archivedAt: null,
      },
    ]);
  });

  test('headers in the reader’s language or as field names; other columns are ignored and named', () => {
    const parsed = rowsOf(
      [
        ['employeeNo', ' Name ', 'Shoe size', 'Org unit'],
        ['E2', 'Ada', '42', 'HQ'],
        ['E3', '', null, null],
      ],
      EXPORT_COLUMNS.Person,
      'Person',
      translate,
    );
    expect(parsed.fields).toEqual(['employeeNo', 'name', 'orgUnitId']);
    expect(parsed.unknownHeaders).toEqual(['Shoe size']);
    expect(parsed.rows).toEqual([
      { employeeNo: 'E2', name: 'Ada', orgUnitId: 'HQ' },
      { employeeNo: 'E3', name: null, orgUnitId: null },
    ]);
  });

  test('enum cells: the label in the reader’s language or the value itself', () => {
    const labels: Record<string, string> = {
      'enums.OrgUnitKind.REGION': 'Region',
      'resources.OrgUnit.fields.kind': 'Kind',
    };
    const t = (key: string, options?: Record<string, unknown>) => labels[key] ?? String(options?._ ?? key);
    const parsed = rowsOf(
      [
        ['code', 'Kind'],
        ['A', 'region'],
        ['B', 'REP_OFFICE'],
        ['C', 'Galaxy'],
      ],
      EXPORT_COLUMNS.OrgUnit,
      'OrgUnit',
      t,
    );
    expect(parsed.rows.map((r) => r.kind)).toEqual(['REGION', 'REP_OFFICE', 'Galaxy']);
  });

  test('blank lines are skipped', () => {
    expect(parseCsv('a,b\r\n\r\n1,2\r\n,\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  test('an exported delegation reads back: lists of enum labels as values, the currency column as currency', () => {
    const labels: Record<string, string> = {
      'enums.DecisionPoint.ATB': 'ATB · approve to bid',
      'enums.DecisionPoint.ATC': 'ATC · approve to sign',
      'enums.ProjectGrade.III': 'Grade III',
      'resources.Delegation.fields.limit': 'Limit',
      'export.currency_of': '%{column} (currency)',
    };
    const t = (key: string, options?: Record<string, unknown>) => {
      const text = labels[key] ?? String(options?._ ?? key);
      return text.replace('%{column}', String(options?.column ?? ''));
    };
    const table = buildTable(
      [{ id: '1', decisionPoints: ['ATC', 'ATB'], grades: ['III'], limit: '1000.50', currency: 'CNY', reason: 'away' }],
      { resource: 'Delegation', columns: EXPORT_COLUMNS.Delegation, translate: t, locale: 'en', names: new Map() },
    );
    const parsed = rowsOf(parseCsv(toCsv(table)), EXPORT_COLUMNS.Delegation, 'Delegation', t);
    expect(parsed.unknownHeaders).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      decisionPoints: 'ATC, ATB',
      grades: 'III',
      limit: '1000.5',
      currency: 'CNY',
      reason: 'away',
    });
  });
});
