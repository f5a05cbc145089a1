/**
 * This page's words in both languages. Kept here rather than in the shared dictionary, which is
 * being reworked with the app shell; only the current language comes from useI18n().
 */

export type ImportKind = 'firms' | 'capabilities' | 'needs' | 'orders' | 'supports' | 'targets';
export const IMPORT_KINDS: readonly ImportKind[] = ['firms', 'capabilities', 'needs', 'orders', 'supports', 'targets'];

const TEXT = {
  title: { zh: '数据导入与导出', en: 'Import and export' },
  intro: {
    zh: '先下载模板填写（第一行中文表头、第二行英文表头，可保留或删除其一），上传后先试运行检查，没有错误再提交。提交要么全部写入，要么什么都不改。',
    en: 'Fill in a template (row 1 Chinese headers, row 2 English keys; keep either or both), upload it for a dry run, and commit once it has no errors. A commit writes every row or nothing.',
  },
  kind: { zh: '数据类型', en: 'Kind' },
  'kind.firms': { zh: '企业', en: 'Firms' },
  'kind.capabilities': { zh: '产能（可生产环节）', en: 'Capabilities' },
  'kind.needs': { zh: '需求', en: 'Needs' },
  'kind.orders': { zh: '订单（供货与废料返还）', en: 'Orders (supply and scrap returns)' },
  'kind.supports': { zh: '以老带新帮扶关系', en: 'Mentoring ties' },
  'kind.targets': { zh: '招商目标（补链延链目标企业名录）', en: 'Investment targets' },
  'hint.targets': {
    zh: '招商目标按目标编号新增或更新，仅限本区县的招商部门、经信部门和管理员。新建目标可直接填写当前阶段（签约及以后须填写协议金额和已到阶段的日期，放弃须填写原因）；已有目标的阶段只能前进一级或改为放弃，与看板规则相同。已记录的日期不能修改，留空即保持不变。',
    en: 'Targets are created or updated by id, by the district’s investment team, its bureau or an admin. A new target may come in at its current stage (from SIGNED on with its agreement amount and the days of the stages reached; DROPPED with a reason); an existing one moves one stage forward or to DROPPED, as on the board. Recorded days cannot change; a blank date keeps them.',
  },
  template: { zh: '下载模板', en: 'Template' },
  export: { zh: '导出现有数据', en: 'Export current data' },
  chooseFile: { zh: '选择 CSV 或 XLSX 文件', en: 'Choose a CSV or XLSX file' },
  dryRun: { zh: '试运行检查', en: 'Dry run' },
  commit: { zh: '提交导入', en: 'Commit' },
  commitDisabled: { zh: '试运行无错误后才能提交', en: 'Commit is possible after a dry run without errors' },
  rows: { zh: '数据行', en: 'Rows' },
  created: { zh: '新增', en: 'Create' },
  updated: { zh: '更新', en: 'Update' },
  errors: { zh: '错误', en: 'Errors' },
  noErrors: { zh: '未发现错误，可以提交。', en: 'No errors: ready to commit.' },
  committed: { zh: '已全部写入。', en: 'Everything was written.' },
  moreErrors: { zh: '仅显示前 {shown} 条，共 {total} 条错误。', en: 'Showing the first {shown} of {total} errors.' },
  'col.row': { zh: '行', en: 'Row' },
  'col.column': { zh: '列', en: 'Column' },
  'col.value': { zh: '值', en: 'Value' },
  'col.message': { zh: '问题', en: 'Problem' },
  'phase.reading': { zh: '读取文件', en: 'Reading the file' },
  'phase.validating': { zh: '逐行校验', en: 'Checking rows' },
  'phase.checking': { zh: '对照现有数据', en: 'Checking against the data' },
  'phase.writing': { zh: '写入', en: 'Writing' },
  'phase.done': { zh: '完成', en: 'Done' },
  failed: { zh: '请求失败：', en: 'The request failed: ' },
  actions: { zh: '第 {from}–{to} 行：{action}', en: 'Rows {from}–{to}: {action}' },
} as const;

export type ImportTextKey = keyof typeof TEXT;

export function importText(lang: 'zh' | 'en', key: ImportTextKey, params: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
