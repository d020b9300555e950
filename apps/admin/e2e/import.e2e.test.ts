// Issue #15 item 2 against the real API: people exported to XLSX, edited, and imported again. A file with one bad row
// shows that row's errors and writes nothing; the corrected file is written; the same file again changes nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { gql, tokenFor } from './support/api';
import { usePortal } from './support/harness';
import { notification } from './support/ui';

const { api, signedInOnce } = usePortal();
const dir = mkdtempSync(path.join(os.tmpdir(), 'it-import-e2e-'));

interface PersonRow {
  employeeNo: string;
  phone: string | null;
  version: number;
  name: string;
}

async function person(token: string, employeeNo: string): Promise<PersonRow | undefined> {
  const data = await gql<{ allPeople: PersonRow[] }>(
    api,
    token,
    'query($q: String) { allPeople(filter: { q: $q }) { employeeNo phone version name } }',
    { q: employeeNo },
  );
  return data.allPeople.find((p) => p.employeeNo === employeeNo);
}

async function peopleCount(token: string): Promise<number> {
  const data = await gql<{ _allPeopleMeta: { count: number } }>(api, token, '{ _allPeopleMeta { count } }');
  return data._allPeopleMeta.count;
}

/** Exports the people list as an Excel workbook and returns the downloaded file's bytes. */
async function exportPeople(page: Page): Promise<Buffer> {
  await page.goto('/#/Person');
  await page.locator('.RaDataTable-table, .MuiTable-root').first().waitFor();
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Excel workbook (XLSX)' }).click(),
  ]);
  return readFileSync(await download.path());
}

/** The workbook with `edit` applied to its first sheet, written to a file of its own. */
async function edited(bytes: Buffer, name: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(workbook.worksheets[0]!);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

/** Opens the Import dialog (if needed) and picks a file: the dry run's summary appears. */
async function pickFile(page: Page, file: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Import' }).click();
  await dialog.getByTestId('import-file').setInputFiles(file);
  const summary = dialog.getByTestId('import-summary');
  await summary.waitFor({ timeout: 30000 });
  return summary.innerText();
}

describe('import', () => {
  it('imports an edited export: a bad row is shown, nothing written; the good file once, then no change', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { page } = await signedInOnce('admin@demo.local');
    const exported = await exportPeople(page);
    const total = await peopleCount(token);

    // The first person gets a new phone number; a new person is added below.
    let firstEmployeeNo = '';
    const edit = (sheet: ExcelJS.Worksheet) => {
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      expect(headers).toEqual(expect.arrayContaining(['Employee no.', 'Name', 'Org unit', 'Hired on']));
      const column = (header: string) => headers.indexOf(header);
      firstEmployeeNo = String(sheet.getRow(2).getCell(column('Employee no.')).value);
      sheet.getRow(2).getCell(column('Phone')).value = '+86 571 0000 1111';
      const added = sheet.getRow(sheet.rowCount + 1);
      added.getCell(column('Employee no.')).value = 'E9901';
      added.getCell(column('Name')).value = '钱导入';
      added.getCell(column('Name in Latin letters (pinyin)')).value = 'Qian Daoru';
      added.getCell(column('Org unit')).value = 'Hangzhou Representative Office';
      added.getCell(column('Hired on')).value = '2025-01-15';
      added.commit();
    };
    const good = await edited(exported, 'people-good.xlsx', edit);
    const bad = await edited(exported, 'people-bad.xlsx', (sheet) => {
      edit(sheet);
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const broken = sheet.getRow(sheet.rowCount + 1);
      broken.getCell(headers.indexOf('Employee no.')).value = 'E9902';
      broken.getCell(headers.indexOf('Org unit')).value = 'Atlantis Office';
      broken.commit();
    });
    const before = await person(token, firstEmployeeNo);
    expect(before).toBeDefined();

    // The bad file: its one bad row, what is wrong with each cell, in English; Import stays off; nothing written.
    await page.goto('/#/Person');
    await page.locator('.RaDataTable-table, .MuiTable-root').first().waitFor();
    expect(await pickFile(page, bad)).toBe(
      `1 of ${total + 2} rows have errors: correct them in the file and choose it again. Nothing has been written.`,
    );
    const dialog = page.getByRole('dialog');
    const problems = dialog.getByRole('table', { name: 'Errors by row' });
    const badRow = String(total + 3);
    await expect(problems.getByRole('row').nth(1).innerText()).resolves.toContain(badRow);
    const text = await problems.innerText();
    expect(text).toContain('There is no org unit with the name or code "Atlantis Office".');
    expect(text).toContain('A value is required here.');
    expect(text).toContain('Org unit');
    expect(text).not.toContain('orgUnitId');
    await expect(dialog.getByRole('button', { name: 'Import' }).isDisabled()).resolves.toBe(true);
    expect(await person(token, 'E9901')).toBeUndefined();
    expect(await person(token, firstEmployeeNo)).toEqual(before);
    expect(await peopleCount(token)).toBe(total);

    // The corrected file: one to add, one to change, the rest unchanged; then written.
    expect(await pickFile(page, good)).toBe(
      `Checked ${total + 1} rows: 1 to add, 1 to change, ${total - 1} unchanged. Nothing has been written yet.`,
    );
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await notification(page)).toBe(`Imported: 1 added, 1 changed, ${total - 1} unchanged.`);
    await dialog.waitFor({ state: 'hidden' });
    const added = await person(token, 'E9901');
    expect(added).toMatchObject({ name: '钱导入', version: 1 });
    const changed = await person(token, firstEmployeeNo);
    expect(changed).toMatchObject({ phone: '+86 571 0000 1111', version: before!.version + 1 });
    expect(await peopleCount(token)).toBe(total + 1);

    // The same file again: nothing to add or change, so nothing to import.
    expect(await pickFile(page, good)).toBe(
      `Checked ${total + 1} rows: 0 to add, 0 to change, ${total + 1} unchanged. Nothing has been written yet.`,
    );
    await expect(dialog.getByRole('button', { name: 'Import' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await person(token, 'E9901')).toEqual(added);
    expect(await person(token, firstEmployeeNo)).toEqual(changed);
  });

  it('offers the template in Chinese and words the errors in Chinese', async () => {
    const { page } = await signedInOnce('admin@demo.local', 'zh-CN');
    await page.goto('/#/Person');
    await page.locator('.RaDataTable-table, .MuiTable-root').first().waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'CSV', exact: true }).click(),
    ]);
    const template = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const header = template.trim().split('\r\n')[0]!;
    expect(header).toContain('工号');
    const file = path.join(dir, 'people-zh.csv');
    writeFileSync(file, `\uFEFF${header}\r\nE9903,,,,,火星办事处,,\r\n`);
    expect(await pickFile(page, file)).toMatch(/1 行中有 1 行存在错误/);
    const text = await dialog.getByRole('table').innerText();
    expect(text).toContain('找不到名称或代码为“火星办事处”的组织单元。');
    expect(text).toContain('此项必填。');
  });
});
