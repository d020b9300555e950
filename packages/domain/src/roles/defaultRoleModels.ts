// The default role models of DOMAIN.md §2 as data: AR's four role cognitions, SR's 5P, FR's HEROS.
import { unwrap } from '../shared/result';
import { CoreRole } from './roles';
import { RoleDimension, RoleModel, defineRoleModel } from './roleModel';

type Row = readonly [code: string, zhCN: string, en: string];

function dimension(code: string, zhCN: string, en: string, behaviours: readonly Row[]): RoleDimension {
  return {
    code,
    name: { 'zh-CN': zhCN, en },
    behaviours: behaviours.map(([behaviour, bZh, bEn]) => ({
      code: `${code}.${behaviour}`,
      name: { 'zh-CN': bZh, en: bEn },
    })),
  };
}

export const DEFAULT_AR_ROLE_MODEL: RoleModel = unwrap(
  defineRoleModel({
    id: 'AR-FOUR-ROLES',
    role: 'AR',
    version: 1,
    name: { 'zh-CN': '客户经理四大角色认知', en: 'Account Responsible: four role cognitions' },
    dimensions: [
      dimension('SPD', '销售项目的主导者', 'Driver of the sales project', [
        ['SET_TARGETS', '设定销售目标', 'Set sales targets'],
        ['BUILD_TEAM', '组建项目团队', 'Build the team'],
        ['RUN_PROJECT', '运作、监控和把控项目', 'Run, monitor and steer the project'],
        ['MANAGE_COMPETITION', '管理竞争', 'Manage competition'],
      ]),
      dimension('AR', '客户关系平台的建立和维护者', 'Builder and keeper of the customer-relationship platform', [
        ['PLAN_RELATIONSHIPS', '规划和拓展客户关系', 'Plan and expand relationships'],
        ['KEY_BEHAVIOURS', '开展关键客户关系动作', 'Carry out key relationship behaviours'],
        ['KEY_RESULTS', '达成关键结果', 'Reach key results'],
      ]),
      dimension('LTC', '全流程交易质量的责任者', 'Owner of transaction quality across LTC', [
        ['OPPORTUNITY_RISK', '识别和管理机会点风险', 'Identify and manage opportunity risk'],
        ['SIGNING_QUALITY', '保障合同签约质量', 'Guard contract-signing quality'],
        ['FULFILMENT_QUALITY', '关注合同履行质量', 'Watch contract fulfilment quality'],
      ]),
      dimension('ES', '客户群规划的制订和执行者', 'Planner and executor of the customer-group plan', [
        ['CUSTOMER_STRATEGY', '理解客户战略和痛点', 'Understand customer strategy and pain points'],
        ['GROUP_GOALS', '制定客户群目标和策略', 'Set customer-group goals and strategy'],
        ['STEER_EXECUTION', '牵引规划执行', 'Steer execution'],
      ]),
    ],
  }),
);

export const DEFAULT_SR_ROLE_MODEL: RoleModel = unwrap(
  defineRoleModel({
    id: 'SR-5P',
    role: 'SR',
    version: 1,
    name: { 'zh-CN': '方案经理5P模型', en: 'Solution Responsible: the 5P model' },
    dimensions: [
      dimension('PLAN', '市场规划与计划预测者', 'Market planner and forecaster', [
        ['MARKET_INSIGHT', '市场洞察', 'Market insight'],
        ['PRODUCT_MARKET_PLAN', '产品市场规划', 'Product market plan'],
        ['FORECAST', '中长期预测', 'Mid/long-term forecast'],
      ]),
      dimension('PLACE', '机会点与格局管理者', 'Opportunity and landscape manager', [
        ['BREAKTHROUGH', '寻找市场突破口', 'Find the market breakthrough'],
        ['LTC_PAIN_POINTS', '在LTC中发现痛点', 'Find pain points once in LTC'],
        ['SAND_TABLE', '战略沙盘', 'Strategic sand-table'],
        ['LAYOUT_ACCESS', '产品布局与准入', 'Product layout and access'],
      ]),
      dimension('PRODUCT', '客户化产品与解决方案制订者', 'Maker of customised products and solutions', [
        ['COORDINATE', '协调产品与解决方案', 'Coordinate product and solution'],
        ['CONTRACT_QUALITY', '参与合同质量管控', 'Take part in contract-quality control'],
        ['MEET_NEEDS', '对签约前后满足需求负责', 'Answer for meeting needs before and after signing'],
      ]),
      dimension('PROMOTION', '品牌营销与项目拓展责任者', 'Owner of brand marketing and project expansion', [
        ['DISTIL_VALUE', '提炼产品、方案和服务的价值', 'Distil the value of product, solution and service'],
        ['MARKETING', '策划和开展营销活动', 'Plan and run marketing'],
        ['PRESENT_VALUE', '向关键干系人呈现价值', 'Present value to key stakeholders'],
      ]),
      dimension('PROFIT', '产品盈利与现金流守护者', 'Guardian of product profit and cash flow', [
        ['PRICING_STRATEGY', '制定定价与竞争策略', 'Set pricing and competition strategy'],
        ['DIFFERENTIATE', '按细分市场、行业和客户差异化', 'Differentiate per segment, industry and customer'],
      ]),
    ],
  }),
);

export const DEFAULT_FR_ROLE_MODEL: RoleModel = unwrap(
  defineRoleModel({
    id: 'FR-HEROS',
    role: 'FR',
    version: 1,
    name: { 'zh-CN': '交付经理HEROS角色认知', en: 'Fulfill Responsible: the HEROS model' },
    dimensions: [
      dimension('H', '项目交付团队的领导者', 'Head: leader of the delivery team', [
        ['HIGH_PERFORMANCE_TEAM', '打造高绩效团队', 'Build a high-performance team'],
        ['LIVE_VALUES', '践行价值观', 'Live the values'],
        ['HONOUR_CONTRACT', '信守合同承诺', 'Honour the contract'],
      ]),
      dimension('E', '交付环境与氛围的营造者', 'Environment: builder of the delivery environment', [
        ['COMPLIANT_OPERATION', '合规运营', 'Compliant operation'],
        ['DELIVERY_CLIMATE', '营造良好交付氛围', 'Good delivery climate'],
      ]),
      dimension('R', '项目经营、质量和客户满意的责任者', 'Responsibility: owner of results, quality and satisfaction', [
        ['DELIVER_BY_CONTRACT', '按契约交付', 'Deliver by contract'],
        ['SPEND_BY_BUDGET', '按预算执行', 'Spend by budget'],
      ]),
      dimension('O', '交付项目的风险管控者', 'Operation: risk controller', [
        ['CONTROL_MAJOR_RISKS', '决策和管控重大风险', 'Decide and control major risks'],
        ['ESCALATE', '超出团队能力的及时升级', 'Escalate what is beyond the team'],
        ['CLOSE_LOOP', '闭环管理', 'Close the loop'],
      ]),
      dimension('S', '项目交付策略/方案制订者', 'Strategy & Solution: maker of delivery strategy and plan', [
        ['DELIVERY_STRATEGY', '制定交付策略和方案', 'Set delivery strategy and plan'],
        ['MANAGE_EXECUTION', '管理执行', 'Manage execution'],
      ]),
    ],
  }),
);

/** Version 1 of each core role's model. */
export const DEFAULT_ROLE_MODELS: Readonly<Record<CoreRole, RoleModel>> = Object.freeze({
  AR: DEFAULT_AR_ROLE_MODEL,
  SR: DEFAULT_SR_ROLE_MODEL,
  FR: DEFAULT_FR_ROLE_MODEL,
});
