// The problems of an import's rows in the reader's language: what is wrong with the cell and what to write instead.
import type { Locale } from '@iron-triangle/domain';
import type { ImportProblem } from '../crud';

/** What a reference column names, by record type, in each language. */
const RECORD_WORDS: Record<string, { en: string; zh: string }> = {
  OrgUnit: { en: 'org unit', zh: '组织单元' },
  Person: { en: 'person', zh: '人员' },
  QualificationFramework: { en: 'qualification framework', zh: '任职资格标准' },
  AuthorityRule: { en: 'authority rule', zh: '授权规则' },
  DecisionBody: { en: 'decision body', zh: '决策团队' },
  Delegation: { en: 'delegation', zh: '授权委托' },
};

/** class-validator's constraints, in Chinese (its English messages are used as they are). */
const CONSTRAINTS_ZH: Record<string, string> = {
  isLength: '长度不符合要求',
  isEmail: '不是有效的电子邮件地址',
  matches: '格式不正确',
  isIn: '不是允许的取值',
  min: '数值太小',
  max: '数值太大',
  isInt: '须为整数',
};

export function importMessage(problem: ImportProblem, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const p = problem.params;
  const value = String(p.value ?? '');
  const detail = String(p.detail ?? '');
  const word = RECORD_WORDS[String(p.record ?? '')] ?? { en: 'record', zh: '记录' };
  // A refusal the domain worded already, in the caller's language (e.g. a delegation above its source's limit).
  if (p.worded === 1) return detail;
  switch (problem.code) {
    case 'REQUIRED':
      return zh ? '此项必填。' : 'A value is required here.';
    case 'INVALID': {
      const constraint = String(p.constraint ?? '');
      if (zh) return `取值无效：${CONSTRAINTS_ZH[constraint] ?? detail}。`;
      return `Invalid value: ${detail}.`;
    }
    case 'INVALID_DATE':
      return zh ? `“${value}”不是日期：请按 YYYY-MM-DD 填写。` : `"${value}" is not a date: write it as YYYY-MM-DD.`;
    case 'DUPLICATE_KEY':
      return zh
        ? `“${value}”已在第 ${p.first} 行出现：每个键在文件中只能出现一次。`
        : `"${value}" is already in row ${p.first}: each key may appear once in the file.`;
    case 'UNKNOWN_REFERENCE':
      return zh
        ? `找不到名称或代码为“${value}”的${word.zh}。`
        : `There is no ${word.en} with the name or code "${value}".`;
    case 'AMBIGUOUS_REFERENCE':
      return zh
        ? `有多个名为“${value}”的${word.zh}：请改填其代码。`
        : `Several ${word.en}s are called "${value}": write its code instead.`;
    case 'INVALID_RATINGS':
      return zh
        ? `“${value}”不是评分：请按“维度代码:分数”填写，多项以分号分隔，例如“COMM:3; TECH:4”。`
        : `"${value}" is not a rating: write "dimension code:score", separated by semicolons, e.g. "COMM:3; TECH:4".`;
    case 'ROLE_MISMATCH':
      return zh
        ? `任职资格标准“${p.framework}”不适用于角色“${value}”：请改填该标准的角色，或改选标准。`
        : `The framework "${p.framework}" is not for the role "${value}": write its role, or choose another framework.`;
    case 'FRAMEWORK_FIXED':
      return zh
        ? `该评估已按标准“${p.held}”记录，不能改为“${value}”：请填写原标准，或另建一条评估。`
        : `This assessment was made on "${p.held}" and cannot move to "${value}": keep its framework, or add another.`;
    case 'INVALID_AMOUNT':
      return zh
        ? `“${value}”不是金额：请填写数字（如 5000000.00），币种填在其旁边的币种列。`
        : `"${value}" is not an amount: write a number (e.g. 5000000.00), with its currency in the currency column.`;
    case 'INVALID_NUMBER':
      return zh
        ? `“${value}”不是整数：请填写整数，例如 0、1、2。`
        : `"${value}" is not a whole number: write e.g. 0, 1 or 2.`;
    case 'FIXED':
      return zh
        ? `已有记录的此项不能修改（“${value}”，原为“${p.held}”）：请保留原值；如需改变，请另建一条记录并结束或撤销原记录。`
        : `This column cannot change on an existing ${word.en} ("${value}", held "${p.held}"): keep its value, or ` +
            'add a new one and end or revoke the old one.';
    case 'OUT_OF_SCOPE':
      return zh
        ? '该记录不在您的组织范围内：只能导入您所辖组织内的记录。'
        : 'This record is outside your org subtree: you may import records only within it.';
    default:
      return zh ? `无法导入此行：${detail}` : `This row cannot be imported: ${detail}`;
  }
}
