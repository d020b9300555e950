import type { RaRecord } from 'react-admin';
import { buildI18nProvider } from '../providers/i18nProvider';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { EXPORT_COLUMNS } from './columns';
import { buildTable, referencedIds, type NameBook } from './rows';
import { toCsv } from './files';

async function translatorFor(locale: 'en' | 'zh-CN') {
  const provider = buildI18nProvider(locale);
  await provider.changeLocale(locale);
  return (key: string, options?: Record<string, unknown>) => provider.translate(key, options);
}

const projects: RaRecord[] = [
  {
    id: '7',
    name: '华东智慧园区',
    customerId: '3',
    orgUnitId: '2',
    stage: 'OPPORTUNITY',
    grade: 'I',
    amount: '5000000.50',
    currency: 'CNY',
    externalRef: null,
  },
  {
    id: '8',
    name: 'No customer',
    customerId: null,
    orgUnitId: '99',
    stage: null,
    grade: 'III',
    amount: null,
    currency: 'USD',
  },
];

const names: NameBook = new Map([
  ['Customer', new Map([['3', { id: '3', name: '上海电力' }]])],
  ['OrgUnit', new Map([['2', { id: '2', name: 'East China Region' }]])],
]);

describe('buildTable', () => {
  it('writes headers in the reader’s language, names instead of ids, enum labels and money split in two', async () => {
    const translate = await translatorFor('en');
    const table = buildTable(projects, {
      resource: 'Project',
      columns: EXPORT_COLUMNS.Project,
      translate,
      locale: 'en',
      names,
    });
    expect(table.headers).toEqual([
      'Name',
      'Customer',
      'Org unit',
      'LTC stage',
      'Grade',
      'Amount',
      'Amount (currency)',
      'External reference',
    ]);
    const [first = [], second = []] = table.rows;
    expect(first.slice(0, 3)).toEqual(['华东智慧园区', '上海电力', 'East China Region']);
    expect(first[3]).toBe(en.enums.Stage.OPPORTUNITY);
    expect(first[4]).toBe(en.enums.ProjectGrade.I);
    expect(first[5]).toBe(5000000.5);
    expect(first[6]).toBe('CNY');
    expect(first).not.toContain('3');
    expect(first).not.toContain('2');
    // A reference the reader may not see is said to be so; no amount, no currency.
    expect(second[1]).toBeNull();
    expect(second[2]).toBe(en.app.not_visible);
    expect(second[5]).toBeNull();
    expect(second[6]).toBeNull();
  });

  it('speaks Chinese to a Chinese reader, people by the name in their script', async () => {
    const translate = await translatorFor('zh-CN');
    const people: NameBook = new Map([['Person', new Map([['p1', { id: 'p1', name: '李娜', latinName: 'Li Na' }]])]]);
    const record = {
      id: 'a1',
      personId: 'p1',
      role: 'AR',
      kind: 'SELF',
      assessedAt: '2026-03-01T00:00:00.000Z',
      levelReached: 3,
      validUntil: null,
    };
    const zh = buildTable([record], {
      resource: 'Assessment',
      columns: EXPORT_COLUMNS.Assessment,
      translate,
      locale: 'zh-CN',
      names: people,
    });
    expect(zh.headers[0]).toBe(zhCN.resources.Assessment.fields.personId);
    expect(zh.headers[1]).toBe(zhCN.resources.Assessment.fields.role);
    expect((zh.rows[0] ?? [])[0]).toBe('李娜');
    expect((zh.rows[0] ?? [])[1]).toBe(zhCN.enums.TriangleRole.AR);
    expect((zh.rows[0] ?? [])[3]).toBe('2026-03-01');
    const english = buildTable([record], {
      resource: 'Assessment',
      columns: EXPORT_COLUMNS.Assessment,
      translate: await translatorFor('en'),
      locale: 'en',
      names: people,
    });
    expect((english.rows[0] ?? [])[0]).toBe('Li Na');
  });

  it('joins lists of enum values by their labels', async () => {
    const translate = await translatorFor('en');
    const table = buildTable(
      [
        {
          id: 1,
          delegatorId: 'p1',
          delegateId: 'p2',
          decisionPoints: ['ATC'],
          grades: ['I', 'II'],
          limit: '100.00',
          currency: 'EUR',
        },
      ],
      { resource: 'Delegation', columns: EXPORT_COLUMNS.Delegation, translate, locale: 'en', names: new Map() },
    );
    const cell = (source: string) =>
      (table.rows[0] ?? [])[EXPORT_COLUMNS.Delegation.findIndex((c) => c.source === source)];
    expect(cell('grades')).toBe(`${en.enums.ProjectGrade.I}, ${en.enums.ProjectGrade.II}`);
    // The amount, then its currency in the next column.
    const limit = EXPORT_COLUMNS.Delegation.findIndex((c) => c.source === 'limit');
    expect((table.rows[0] ?? [])[limit]).toBe(100);
    expect((table.rows[0] ?? [])[limit + 1]).toBe('EUR');
  });

  it('names a re-delegation’s source by its key, as the import reads it', async () => {
    const translate = await translatorFor('zh-CN');
    const names: NameBook = new Map([
      [
        'Delegation',
        new Map<string, RaRecord>([
          [
            '4',
            {
              id: '4',
              delegatorId: 'p1',
              delegateId: 'p2',
              decisionPoints: ['ATB', 'ATC'],
              validFrom: '2026-01-05T08:00:00.000Z',
            },
          ],
        ]),
      ],
      [
        'Person',
        new Map<string, RaRecord>([
          ['p1', { id: 'p1', employeeNo: 'E0001', name: '李娜' }],
          ['p2', { id: 'p2', employeeNo: 'E0002', name: '王伟' }],
        ]),
      ],
    ]);
    const table = buildTable(
      [{ id: 9, delegatorId: 'p2', delegateId: 'p3', sourceRuleId: null, sourceDelegationId: '4' }],
      { resource: 'Delegation', columns: EXPORT_COLUMNS.Delegation, translate, locale: 'zh-CN', names },
    );
    const column = EXPORT_COLUMNS.Delegation.findIndex((c) => c.source === 'sourceDelegationId');
    expect((table.rows[0] ?? [])[column]).toBe('E0001 / E0002 / ATB+ATC / 2026-01-05');
    expect(table.headers[column]).toBe(zhCN.resources.Delegation.fields.sourceDelegationId);
  });

  it('has a translated header for every exported column in both languages', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const translate = await translatorFor(locale);
      for (const [resource, columns] of Object.entries(EXPORT_COLUMNS)) {
        const { headers } = buildTable([], { resource, columns, translate, locale, names: new Map() });
        columns.forEach((column) => expect(headers).not.toContain(column.source));
        headers.forEach((header) => expect(header).not.toMatch(/%\{|^resources\./));
      }
    }
  });

  it('collects the referenced ids by resource', () => {
    const ids = referencedIds(projects, EXPORT_COLUMNS.Project);
    expect([...(ids.get('Customer') ?? [])]).toEqual(['3']);
    expect([...(ids.get('OrgUnit') ?? [])].sort()).toEqual(['2', '99']);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and quotes what needs quoting', () => {
    const csv = toCsv({
      headers: ['名称', 'Note'],
      rows: [
        ['华东, "A"', null],
        ['x', 3],
      ],
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('名称,Note\r\n"华东, ""A""",\r\nx,3\r\n');
  });
});
