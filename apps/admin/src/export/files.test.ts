import ExcelJS from 'exceljs';
import { fileName, toXlsx } from './files';

function readBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('toXlsx', () => {
  it('writes a workbook with the headers, Chinese text and money as numbers', async () => {
    const blob = await toXlsx(
      {
        headers: ['名称', '金额', '金额（币种）'],
        rows: [
          ['华东智慧园区', 5000000.5, 'CNY'],
          ['空', null, null],
        ],
      },
      '项目: 全部/2026',
    );
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readBytes(blob));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('项目  全部 2026');
    expect(sheet?.getRow(1).values).toEqual([undefined, '名称', '金额', '金额（币种）']);
    expect(sheet?.getCell('A2').value).toBe('华东智慧园区');
    expect(sheet?.getCell('B2').value).toBe(5000000.5);
    expect(sheet?.getCell('C2').value).toBe('CNY');
    expect(sheet?.rowCount).toBe(3);
  });
});

describe('fileName', () => {
  it('names the file after the list and the day', () => {
    expect(fileName('人员', 'csv', new Date('2026-12-02T10:00:00Z'))).toBe('人员 2026-12-02.csv');
    expect(fileName('A/B', 'xlsx', new Date('2026-12-02T10:00:00Z'))).toBe('A B 2026-12-02.xlsx');
  });
});
