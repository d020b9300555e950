// Human messages for the engine's reason codes, in English and Chinese, saying what is wrong and what to do
// (their data is made JSON-safe by platform/json-safe.ts).
import {
  CURRENCY_EXPONENTS,
  DenialReason,
  DelegationDraftError,
  formatMinor,
  Locale,
  Money,
  TimeWindow,
} from '@iron-triangle/domain';

/** Names for ids: org unit codes and person names (fall back to "#id"). */
export type LinkKind = 'RULE' | 'DELEGATION';

export interface Names {
  readonly unitLabels: ReadonlyMap<string, string>;
  readonly personNames: ReadonlyMap<string, string>;
  /** Who gave a delegation. */
  readonly delegatorOf?: (delegationId: string) => string | undefined;
}

const POINT_NAMES_ZH: Record<string, string> = {
  ATI: 'ATI 立项决策',
  ATB: 'ATB 投标决策',
  ATC: 'ATC 签约决策',
  ATAC: 'ATAC 合同变更决策',
  ATCC: 'ATCC 合同关闭决策',
  POOL_APPROVAL: '奖金包审批',
};
const POINT_NAMES_EN: Record<string, string> = { POOL_APPROVAL: 'bonus pool approval' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "¥42,000,000.00" (zh-CN) / "CN¥42,000,000.00" (en): the portal's money format (apps/admin src/format), exactly. */
export function formatMoney(m: Money, locale: Locale): string {
  const key = `${locale}|${m.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, currencyDisplay: 'symbol' });
    moneyFormats.set(key, format);
  }
  // Intl formats decimal strings exactly (no float on the way).
  return format.format(formatMinor(m.minor, CURRENCY_EXPONENTS[m.currency] ?? 2) as unknown as number);
}

/** "2026-11-30 21:07 UTC": a moment written out as the notifications write it (the reader's zone is not known). */
export function formatInstant(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function windowText(w: TimeWindow, locale: Locale): string {
  const day = (d: Date) => formatInstant(d);
  if (locale === 'zh-CN')
    return w.to === null ? `自 ${day(w.from)} 起长期有效` : `${day(w.from)} 至 ${day(w.to)}（不含）`;
  return w.to === null ? `from ${day(w.from)} with no end` : `from ${day(w.from)} until ${day(w.to)}`;
}

function list(values: readonly string[], locale: Locale): string {
  return values.length === 0
    ? locale === 'zh-CN'
      ? '（无）'
      : '(none)'
    : values.join(locale === 'zh-CN' ? '、' : ', ');
}

export class ReasonWriter {
  constructor(
    private readonly locale: Locale,
    private readonly names: Names,
  ) {}

  private get zh(): boolean {
    return this.locale === 'zh-CN';
  }

  person(id: string | null | undefined): string {
    if (id === null || id === undefined) return this.zh ? '（未知人员）' : '(unknown person)';
    const name = this.names.personNames.get(id);
    return name ? `${name} (#${id})` : this.zh ? `人员 #${id}` : `person #${id}`;
  }

  unit(id: string): string {
    const label = this.names.unitLabels.get(id);
    return label ? `${label} (#${id})` : this.zh ? `组织 #${id}` : `org unit #${id}`;
  }

  /** "rule #3" / "delegation #12". */
  link(id: string, kind: LinkKind): string {
    if (this.zh) return kind === 'RULE' ? `规则 #${id}` : `转授权 #${id}`;
    return kind === 'RULE' ? `rule #${id}` : `delegation #${id}`;
  }

  point(p: string): string {
    return (this.zh ? POINT_NAMES_ZH[p] : POINT_NAMES_EN[p]) ?? p;
  }

  private money(m: Money): string {
    return formatMoney(m, this.locale);
  }

  private day(d: Date): string {
    return formatInstant(d);
  }

  /** The message for one denial reason; `at` is the moment asked about. */
  denial(reason: DenialReason, at: Date, kinds: { link: LinkKind; source?: LinkKind }): string {
    return this.spaced(this.denialText(reason, at, kinds));
  }

  /** Chinese text: a space between "#12" and the characters that follow it. */
  private spaced(text: string): string {
    return this.zh ? text.replace(/(#\d+)(?=[\u3400-\u9fff])/g, '$1 ') : text;
  }

  private denialText(reason: DenialReason, at: Date, kinds: { link: LinkKind; source?: LinkKind }): string {
    const zh = this.zh;
    const link = reason.linkId !== null ? this.link(reason.linkId, kinds.link) : '';
    // "delegation #12 from Zhang Wei": who gave the delegation concerned.
    const from = (): string => {
      if (reason.linkId === null || kinds.link === 'RULE') return '';
      const delegator = this.names.delegatorOf?.(reason.linkId);
      if (!delegator) return '';
      return zh ? `（授权人：${this.person(delegator)}）` : ` from ${this.person(delegator)}`;
    };
    switch (reason.code) {
      case 'CHAIN_TOO_DEEP':
        if (reason.data.cause === 'MAX_LINKS') {
          return zh
            ? `经${link}的授权链共 ${reason.data.length} 级，最多允许 ${reason.data.max} 级。请由更靠近授权规则的人直接转授权。`
            : `The chain through ${link} has ${reason.data.length} links; at most ${reason.data.max} are ` +
                `allowed. Ask someone nearer the rule to delegate directly.`;
        }
        return zh
          ? `${link}的再转授权层级超出来源允许的深度（第 ${reason.data.length} 级，最多 ${reason.data.max} 级）。请由链上更高层的授权人直接转授权。`
          : `${cap(link)} is delegated deeper than its source allows (${reason.data.length} links, at most ` +
              `${reason.data.max}). Ask a delegator higher up the chain to delegate directly.`;
      case 'CHAIN_CYCLE':
        return zh
          ? `${link}又回到已在链上的 ${this.person(reason.data.personId)}，形成循环，该链无效。请撤销循环中的一个转授权。`
          : `${cap(link)} leads back to ${this.person(reason.data.personId)}, who is already on this chain, ` +
              `so the chain does not count. Revoke one of the delegations in the loop.`;
      case 'NOT_IN_FORCE':
        return zh
          ? `${link}的有效期为 ${windowText(reason.data.window, this.locale)}，${this.day(at)} 不在有效期内。请申请新的或延长的授权。`
          : `${cap(link)} is in force ${windowText(reason.data.window, this.locale)}, not at ${this.day(at)}. Ask ` +
              `for a new or extended authority.`;
      case 'REVOKED':
        return zh
          ? `${link}已于 ${this.day(reason.data.at)} 撤销。请向授权人申请新的转授权。`
          : `${cap(link)} was revoked at ${this.day(reason.data.at)}. Ask the delegator for a new delegation.`;
      case 'DELEGATOR_LOST_SOURCE':
        return zh
          ? `${this.person(reason.data.delegatorId)} 已不再持有` +
              `${this.link(reason.data.sourceId, kinds.source ?? 'RULE')}，因此由其作出的${link}不再有效。请由当前持有人重新转授权。`
          : `${this.person(reason.data.delegatorId)} no longer holds ` +
              `${this.link(reason.data.sourceId, kinds.source ?? 'RULE')}, so ${link} given by them no longer ` +
              `applies. Ask the current holder to delegate again.`;
      case 'CURRENCY_MISMATCH':
        return zh
          ? `本次决策金额的币种为 ${reason.data.caseCurrency}，而${link}只涵盖 ${reason.data.currency} 金额。请以 ` +
              `${reason.data.currency} 提交，或申请 ${reason.data.caseCurrency} 的授权。`
          : `The case is in ${reason.data.caseCurrency} but ${link} covers amounts in ${reason.data.currency}` +
              ` only. Submit it in ${reason.data.currency}, or ask for an authority in ` +
              `${reason.data.caseCurrency}.`;
      case 'POINT_NOT_COVERED':
        return zh
          ? `${link}仅涵盖 ${list(
              reason.data.covered.map((p) => this.point(p)),
              this.locale,
            )}，不含 ${this.point(reason.data.decisionPoint)}。请申请涵盖该决策点的授权。`
          : `${cap(link)} covers ${list(
              reason.data.covered.map((p) => this.point(p)),
              this.locale,
            )}, not ${this.point(reason.data.decisionPoint)}. Ask for an authority that covers ` +
              `${this.point(reason.data.decisionPoint)}.`;
      case 'GRADE_NOT_COVERED':
        return zh
          ? `${link}仅涵盖 ${list(reason.data.covered, this.locale)} 级项目，不含 ${reason.data.grade} 级。请申请涵盖 ` +
              `${reason.data.grade} 级项目的授权。`
          : `${cap(link)} covers grade ${list(reason.data.covered, this.locale)} projects, not grade ` +
              `${reason.data.grade}. Ask for an authority that covers grade ${reason.data.grade}.`;
      case 'OUT_OF_SCOPE':
        return zh
          ? `${this.unit(reason.data.orgUnitId)} 不在${link}的范围（${this.unit(reason.data.scopeOrgUnitId)} 及其下级）` +
              `内。请向该组织的授权人申请。`
          : `${cap(this.unit(reason.data.orgUnitId))} is outside the scope of ${link} (` +
              `${this.unit(reason.data.scopeOrgUnitId)} and below). Ask an authority holder for that org unit.`;
      case 'AMOUNT_OVER_LIMIT':
        return zh
          ? `金额 ${this.money(reason.data.amount)} 超出${link}的限额 ${this.money(reason.data.limit)}${from()}。` +
              `请由限额更高的授权人决策。`
          : `Amount ${this.money(reason.data.amount)} exceeds the ${this.money(reason.data.limit)} limit ` +
              `of ${link}${from()}. Ask someone with a higher limit to decide.`;
      case 'DELEGATE_NOT_QUALIFIED': {
        const held = reason.data.held;
        return zh
          ? `${link}要求 ${this.person(reason.data.personId)} 持有 ${reason.data.role} ${reason.data.required} ` +
              `级任职资格，其当前${held === null ? '未持有该角色的有效资格' : `仅为 ${held} 级`}。请更新任职资格认证，或转授权给符合资格的人。`
          : `${cap(link)} requires ${this.person(reason.data.personId)} to hold ${reason.data.role} level ` +
              `${reason.data.required}; they ` +
              `${held === null ? 'hold no valid level in that role' : `hold level ${held}`}. Renew the ` +
              `qualification, or delegate to someone qualified.`;
      }
      case 'CONFLICT_OF_INTEREST':
        return zh
          ? `${this.person(reason.data.personId)} 是` +
              `${reason.data.projectId ? `项目 #${reason.data.projectId} ` : '该项目'}团队成员，不得依据${link}对其决策（利益冲突）。` +
              `请由团队以外的授权人决策。`
          : `${this.person(reason.data.personId)} is on the team of ` +
              `${reason.data.projectId ? `project #${reason.data.projectId}` : 'this project'} and may not ` +
              `decide on it under ${link} (conflict of interest). Ask an authority holder outside the team.`;
      case 'NO_AUTHORITY':
        return zh
          ? `${this.person(reason.data.personId)} 未持有可用于此决策的授权规则，也未获得可追溯到规则的转授权。请由授权持有人转授权，或将决策转交给他们。`
          : `${this.person(reason.data.personId)} holds no rule for this decision and received no delegation ` +
              `that reaches one. Ask a holder of the authority to delegate it, or route the decision to them.`;
    }
  }

  /** The message for a delegation draft refused by the engine. */
  draft(error: DelegationDraftError): string {
    return this.spaced(this.draftText(error));
  }

  private draftText(error: DelegationDraftError): string {
    const zh = this.zh;
    const d = error.data as Record<string, unknown>;
    switch (error.code) {
      case 'DELEGATION.UNKNOWN_SOURCE':
        return zh
          ? `转授权来源 ${String(d.sourceKind) === 'RULE' ? '规则' : '转授权'} #${String(d.sourceId)} 不存在或无法追溯到规则。`
          : `The source ${String(d.sourceKind) === 'RULE' ? 'rule' : 'delegation'} #${String(d.sourceId)} ` +
              `does not exist or does not reach a rule.`;
      case 'DELEGATION.MISSING_REASON':
        return zh ? '请填写转授权原因。' : 'Give a reason for the delegation.';
      case 'DELEGATION.SELF_DELEGATION':
        return zh ? '不能转授权给自己。' : 'A person cannot delegate to themselves.';
      case 'DELEGATION.CYCLE':
        return zh
          ? `${this.person(d.personId as string | null)} 已在该授权链上，转授权会形成循环。请选择链外的人。`
          : `${cap(this.person(d.personId as string | null))} is already on this chain; the delegation would ` +
              `form a loop. Choose someone outside the chain.`;
      case 'DELEGATION.DELEGATOR_NOT_HOLDER': {
        const cause = d.cause as string;
        const src = `#${String(d.sourceId)}`;
        if (zh) {
          const why =
            cause === 'NOT_IN_FORCE'
              ? '来源在此时不在有效期内'
              : cause === 'REVOKED'
                ? '来源已被撤销'
                : cause === 'TEAM_UNKNOWN'
                  ? '无法确定项目团队'
                  : '其并不持有该来源';
          return `${this.person(d.delegatorId as string)} 不能从来源 ${src} 转授权：${why}。只能转授权自己持有的授权。`;
        }
        const why =
          cause === 'NOT_IN_FORCE'
            ? 'the source is not in force at that moment'
            : cause === 'REVOKED'
              ? 'the source has been revoked'
              : cause === 'TEAM_UNKNOWN'
                ? 'the project team is not known'
                : 'they do not hold it';
        return (
          `${this.person(d.delegatorId as string)} cannot delegate from source ${src}: ${why}. One can ` +
          `delegate only an authority one holds.`
        );
      }
      case 'DELEGATION.DEPTH_EXHAUSTED':
        return zh
          ? `来源 #${String(d.sourceId)} 不允许再转授权。`
          : `Source #${String(d.sourceId)} may not be delegated further.`;
      case 'DELEGATION.EXCEEDS_DEPTH':
        return zh
          ? `再转授权层级 ${String(d.requested)} 超出允许的 ${String(d.max)}。`
          : `Re-delegation depth ${String(d.requested)} exceeds the ${String(d.max)} the source allows.`;
      case 'DELEGATION.INVALID_DEPTH':
        return zh
          ? `再转授权层级 ${String(d.requested)} 无效（应为 0 或正整数）。`
          : `Re-delegation depth ${String(d.requested)} is not valid (0 or a positive whole number).`;
      case 'DELEGATION.CHAIN_TOO_DEEP':
        return zh
          ? `授权链将达到 ${String(d.length)} 级，最多允许 ${String(d.max)} 级。`
          : `The chain would have ${String(d.length)} links; at most ${String(d.max)} are allowed.`;
      case 'DELEGATION.EXCEEDS_POINTS':
        return zh
          ? `决策点 ${list(
              (d.extra as string[]).map((p) => this.point(p)),
              this.locale,
            )} 不在来源范围（${list(
              (d.source as string[]).map((p) => this.point(p)),
              this.locale,
            )}）内。`
          : `Decision points ${list(
              (d.extra as string[]).map((p) => this.point(p)),
              this.locale,
            )} are not in the source (` +
              `${list(
                (d.source as string[]).map((p) => this.point(p)),
                this.locale,
              )}).`;
      case 'DELEGATION.EXCEEDS_GRADES':
        return zh
          ? `项目等级 ${list(d.extra as string[], this.locale)} 不在来源范围（${list(d.source as string[], this.locale)}）内。`
          : `Grades ${list(d.extra as string[], this.locale)} are not in the source (` +
              `${list(d.source as string[], this.locale)}).`;
      case 'DELEGATION.EXCEEDS_SCOPE':
        return zh
          ? `范围 ${this.unit(d.scopeOrgUnitId as string)} 超出来源范围 ` +
              `${this.unit(d.sourceScopeOrgUnitId as string)}。请选择其下级组织。`
          : `Scope ${this.unit(d.scopeOrgUnitId as string)} is outside the source's scope ` +
              `${this.unit(d.sourceScopeOrgUnitId as string)}. Choose a unit within it.`;
      case 'DELEGATION.CURRENCY_MISMATCH':
        return zh
          ? `币种 ${String(d.currency)} 与来源币种 ${String(d.sourceCurrency)} 不一致。`
          : `Currency ${String(d.currency)} differs from the source's ${String(d.sourceCurrency)}.`;
      case 'DELEGATION.EXCEEDS_LIMIT': {
        const limit = d.limit as Money | null;
        const source = d.sourceLimit as Money;
        return zh
          ? `限额 ${limit ? this.money(limit) : '（无限额）'} 超出来源的限额 ${this.money(source)}。`
          : `Limit ${limit ? this.money(limit) : '(none)'} exceeds the source's limit of ${this.money(source)}.`;
      }
      case 'DELEGATION.INVALID_WINDOW':
        return zh ? '结束时间必须晚于开始时间。' : 'The end must be after the start.';
      case 'DELEGATION.WINDOW_OUTSIDE_SOURCE':
        return zh
          ? `有效期（${windowText(d.window as TimeWindow, this.locale)}）超出来源的有效期（` +
              `${windowText(d.sourceWindow as TimeWindow, this.locale)}）。`
          : `The window (${windowText(d.window as TimeWindow, this.locale)}) is outside the source's (` +
              `${windowText(d.sourceWindow as TimeWindow, this.locale)}).`;
      case 'DELEGATION.DELEGATE_NOT_QUALIFIED':
        return zh
          ? `${this.person(d.personId as string)} 未持有 ${String(d.role)} ${String(d.required)} 级任职资格` +
              `${d.held === null ? '' : `（当前 ${String(d.held)} 级）`}。`
          : `${cap(this.person(d.personId as string))} does not hold ${String(d.role)} level ` +
              `${String(d.required)}${d.held === null ? '' : ` (holds level ${String(d.held)})`}.`;
    }
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
