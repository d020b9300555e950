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
  arrayMinSize: '至少需要填写一项',
  arrayMaxSize: '填写的项数太多',
  nestedValidation: '其中有无效的项',
  isNotEmpty: '不能为空',
  isDefined: '不能为空',
};

/** Record labels the checks of a create use in their English details ("org unit 12 does not exist"), in Chinese. */
const LABELS_ZH: Record<string, string> = {
  'org unit': '组织单元',
  orgunit: '组织单元',
  person: '人员',
  'decision body': '决策团队',
  decisionbody: '决策团队',
  'qualification framework': '任职资格标准',
  qualificationframework: '任职资格标准',
  'authority rule': '授权规则',
  authorityrule: '授权规则',
  delegation: '授权委托',
  project: '项目',
};

const HOLDER_KINDS_ZH: Record<string, string> = {
  POSITION: '职位',
  DECISION_BODY: '决策团队',
  PROJECT_ROLE: '项目角色',
};

/** The domain's reasons about an assessment's ratings and facts, by code: [English, Chinese] for a dimension `d`. */
const ASSESSMENT_REASONS: Record<string, (d: string) => [string, string]> = {
  UNKNOWN_DIMENSION: (d) => [`the role model has no dimension "${d}"`, `角色模型中没有维度“${d}”`],
  DUPLICATE_RATING: (d) => [`dimension "${d}" is rated more than once`, `维度“${d}”评了不止一次`],
  MISSING_RATING: (d) => [`dimension "${d}" has no rating`, `缺少维度“${d}”的评分`],
  PROFICIENCY_OUT_OF_RANGE: (d) => [`the score of "${d}" is out of range`, `维度“${d}”的分数超出范围`],
  ROLE_MISMATCH: () => ['the framework is for another role', '任职资格标准不适用于该角色'],
  FRAMEWORK_MISMATCH: () => ['the framework version does not match', '任职资格标准的版本不符'],
  INVALID_FACTS: () => ['the facts of the assessment are not valid', '评估所依据的任职事实无效'],
};

/** Refusals by code that reach a row worded in English only, in Chinese. */
const CODES_ZH: Record<string, string> = {
  FRAMEWORK_NOT_ACTIVE: '该任职资格标准不是生效版本：新评估只能按生效版本进行，请改选生效版本。',
  CONFLICT: '该记录刚被他人修改：请重新导出后再导入。',
  RECORD_IN_USE: '该记录正被其他记录引用，不能这样修改。',
};

/** Text with Chinese in it (a message already in the reader's language). */
const CHINESE = /[\u3400-\u9fff]/;

/**
 * The English detail of a check of a create or update (a hook's, the column conversion's, the scope's), in Chinese;
 * null when it is none of those known here.
 */
function detailInChinese(detail: string): string | null {
  const text = detail.trim();
  let m: RegExpExecArray | null;
  if (/^may not be null$/.test(text)) return '此项不能为空。';
  if ((m = /^must be at most (\d+) characters \((\d+) given\)$/.exec(text)))
    return `最多 ${m[1]} 个字符（现为 ${m[2]} 个）：请缩短。`;
  if ((m = /^(.+?) \d+ does not exist, or is outside what you may see$/.exec(text)))
    return `所填的${LABELS_ZH[m[1]!.toLowerCase()] ?? '记录'}不存在，或不在您可查看的范围内。`;
  if ((m = /^(.+?) \d+ does not exist$/.exec(text))) return `所填的${LABELS_ZH[m[1]!.toLowerCase()] ?? '记录'}不存在。`;
  if (/^qualification framework \d+ has no levels yet/.test(text))
    return '该任职资格标准尚未设置等级：请先为其添加等级。';
  if (/^would make a cycle/.test(text)) return '上级单元不能是该单元自身或其下级单元：组织树中不能出现循环。';
  if ((m = /^must be after (\d{4}-\d{2}-\d{2})/.exec(text))) return `结束日期须晚于开始日期（${m[1]}）。`;
  if ((m = /^is required for a (\w+) holder$/.exec(text)))
    return `持有人类型为“${HOLDER_KINDS_ZH[m[1]!] ?? m[1]}”时，此项必填。`;
  if (/^may not be negative$/.test(text)) return '不能为负数。';
  if (/^give exactly one of sourceRuleId and sourceDelegationId$/.test(text))
    return '来源授权规则与来源转授权须填写且只能填写其中一项。';
  if (/^may not be the delegator$/.test(text)) return '被授权人不能是授权人本人。';
  if (/^requiredRole and requiredLevel go together$/.test(text)) return '要求的角色与要求的等级须同时填写或同时留空。';
  if ((m = /^currency (\S+) is not supported$/.exec(text)))
    return `不支持币种“${m[1]}”：请填写受支持的币种代码，例如 CNY。`;
  if ((m = /^(\S+) allows at most (\d+) fraction digits$/.exec(text))) return `${m[1]} 金额最多 ${m[2]} 位小数。`;
  if (/^is not a plain decimal string$/.test(text)) return '金额格式不正确：请填写数字，例如 5000000.00。';
  if (/^is out of range/.test(text)) return '金额超出范围：请填写较小的金额。';
  if (/^Delegation \d+ was revoked/.test(text)) return '该授权委托已被撤销，不能再修改：如需要，请另建一条授权委托。';
  return null;
}

/** An assessment's evaluation refusal ("ASSESSMENT.MISSING_RATING (D3), …") in words; null when it is none. */
function assessmentDetail(detail: string, zh: boolean): string | null {
  const found = [...detail.matchAll(/ASSESSMENT\.([A-Z_]+)(?: \(([^)]*)\))?/g)];
  if (found.length === 0) return null;
  const words = found.map(([, code = '', dimension = '']) => {
    const pair = ASSESSMENT_REASONS[code]?.(dimension) ?? ['the assessment cannot be evaluated', '该评估无法评定'];
    return zh ? pair[1] : pair[0];
  });
  return zh ? `${words.join('；')}。` : `The assessment cannot be evaluated: ${words.join('; ')}.`;
}

export function importMessage(problem: ImportProblem, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const p = problem.params;
  const value = String(p.value ?? '');
  const detail = String(p.detail ?? '');
  const word = RECORD_WORDS[String(p.record ?? '')] ?? { en: 'record', zh: '记录' };
  // A refusal the domain worded already, in the caller's language (e.g. a delegation above its source's limit); one
  // worded in English only is given in Chinese by its code.
  if (p.worded === 1) {
    if (!zh || CHINESE.test(detail)) return detail;
    return CODES_ZH[problem.code] ?? assessmentDetail(problem.code, true) ?? '此行无法导入：请检查此项的填写。';
  }
  switch (problem.code) {
    case 'REQUIRED':
      return zh ? '此项必填。' : 'A value is required here.';
    case 'INVALID': {
      const constraint = String(p.constraint ?? '');
      const assessment = assessmentDetail(detail, zh);
      if (assessment) return assessment;
      if (!zh) return `Invalid value: ${detail}.`;
      const known = CONSTRAINTS_ZH[constraint];
      if (known) return `取值无效：${known}。`;
      return detailInChinese(detail) ?? '取值无效：请对照模板检查此项的填写。';
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
      if (!zh) return `This row cannot be imported: ${detail}`;
      return CODES_ZH[problem.code] ?? (detailInChinese(detail) || '此行无法导入：请检查此项的填写。');
  }
}
