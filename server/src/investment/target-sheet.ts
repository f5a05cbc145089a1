import ExcelJS from 'exceljs';
import { neutraliseText, type TargetStage } from '@yulian/schema';
import { STAGE_ZH, toWan } from './export-rows';

/**
 * The target list as a bureau hands it upward: a title row, the district and year, then one row
 * per target under Chinese column headings, amounts in 万元, and a total row.
 */

export const SHEET_COLUMNS = ['序号', '企业名称', '产业链环节', '阶段', '协议金额(万元)', '投资额(万元)', '到位资金(万元)', '预计产值(万元)', '责任人', '备注'] as const;

export interface SheetRow {
  name: string;
  segmentName: string;
  stage: TargetStage;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  notes: string | null;
  dropReason: string | null;
}

export interface SheetHeading {
  districtName: string;
  districtCode: string;
  year: number;
  /** When the file was made, as printed in its second row. */
  generatedAt: Date;
}

const HEADER_ROW = 3;

function remark(row: SheetRow): string {
  return [row.notes, row.dropReason ? `放弃原因：${row.dropReason}` : null].filter(Boolean).join('；');
}

export function buildTargetWorkbook(heading: SheetHeading, rows: readonly SheetRow[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Yulian 渝链';
  book.created = heading.generatedAt;
  const sheet = book.addWorksheet(`${heading.year}招商目标`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  const width = SHEET_COLUMNS.length;

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `${heading.districtName}${heading.year}年补链延链招商目标企业名录`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };

  sheet.mergeCells(2, 1, 2, width);
  const stamp = heading.generatedAt.toISOString().slice(0, 10);
  sheet.getCell(2, 1).value = `区县：${heading.districtName}（${heading.districtCode}）\u3000年度：${heading.year}\u3000填报日期：${stamp}\u3000金额单位：万元`;

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...SHEET_COLUMNS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  rows.forEach((r, i) => {
    sheet.getRow(HEADER_ROW + 1 + i).values = [
      i + 1,
      // Text typed by users goes in neutralised: a name or note starting with = must not run as a formula.
      neutraliseText(r.name),
      neutraliseText(r.segmentName),
      STAGE_ZH[r.stage],
      toWan(r.agreementCny),
      toWan(r.investmentCny),
      toWan(r.fundsInPlaceCny),
      toWan(r.expectedOutputCny),
      neutraliseText(r.owner ?? ''),
      neutraliseText(remark(r)),
    ];
  });

  // Totals of what counts: dropped targets bring nothing in, so they stay out of the sums.
  const live = rows.filter((r) => r.stage !== 'DROPPED');
  const total = (pick: (r: SheetRow) => number | null) => toWan(live.reduce((s, r) => s + (pick(r) ?? 0), 0));
  const totalRow = sheet.getRow(HEADER_ROW + 1 + rows.length);
  totalRow.values = ['合计', `${live.length}个（不含放弃）`, '', '', total((r) => r.agreementCny), total((r) => r.investmentCny), total((r) => r.fundsInPlaceCny), total((r) => r.expectedOutputCny), '', ''];
  totalRow.font = { bold: true };

  const widths = [6, 36, 16, 8, 14, 14, 14, 14, 14, 40];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const col of [5, 6, 7, 8]) sheet.getColumn(col).numFmt = '#,##0.00';
  for (let r = HEADER_ROW; r <= HEADER_ROW + 1 + rows.length; r++) {
    for (let c = 1; c <= width; c++) {
      sheet.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  return book;
}
