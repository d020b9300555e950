// The menu, grouped by task; Menu.ResourceItem hides what the role may not list (authProvider.canAccess → canAccess).
import CheckIcon from '@mui/icons-material/FactCheck';
import TalentIcon from '@mui/icons-material/PersonSearch';
import RecertIcon from '@mui/icons-material/EventRepeat';
import FunnelIcon from '@mui/icons-material/FilterAlt';
import SettingsIcon from '@mui/icons-material/Settings';
import { ListSubheader } from '@mui/material';
import { Menu, useResourceDefinitions, useTranslate } from 'react-admin';
import { roleMay } from '@iron-triangle/domain';
import { canAccess } from '../auth/canAccess';
import { GlossaryMenuItem } from '../glossary/GlossaryMenuItem';
import { InboxMenuItem } from '../inbox/InboxMenuItem';
import { useSession } from '../auth/useSession';

const GROUPS: Array<{ key: string; resources: string[] }> = [
  { key: 'menu.organisation', resources: ['OrgUnit', 'Person', 'PositionAssignment', 'Customer'] },
  { key: 'menu.profiles', resources: ['RoleModel', 'QualificationFramework', 'Assessment', 'StaffingRule'] },
  { key: 'menu.sales', resources: ['Lead', 'Opportunity'] },
  { key: 'menu.projects', resources: ['Project', 'TeamAppointment', 'Decision'] },
  { key: 'menu.authorizations', resources: ['AuthorityRule', 'DecisionBody', 'Delegation'] },
  { key: 'menu.pools', resources: ['IncentivePool'] },
  { key: 'menu.administration', resources: ['AuditEntry', 'User', 'ApiToken'] },
];

export function AppMenu() {
  const translate = useTranslate();
  const role = useSession()?.user.role;
  const defined = useResourceDefinitions();
  const shown = (name: string) => Boolean(defined[name]) && canAccess(role, name, 'list');
  return (
    // A label longer than the menu is wide wraps (react-admin cuts it with an ellipsis: "Qualification framew…").
    <Menu sx={{ '& .MuiMenuItem-root .MuiTypography-noWrap': { whiteSpace: 'normal' } }}>
      <Menu.DashboardItem primaryText={translate('menu.dashboard')} />
      <InboxMenuItem />
      {canAccess(role, 'authorization', 'check') && (
        <Menu.Item to="/check" primaryText={translate('menu.check')} leftIcon={<CheckIcon />} />
      )}
      {GROUPS.filter((g) => g.resources.some(shown)).map((group) => [
        <ListSubheader key={group.key} disableSticky sx={{ lineHeight: '32px', background: 'transparent' }}>
          {translate(group.key)}
        </ListSubheader>,
        ...group.resources.filter(shown).map((name) => <Menu.ResourceItem key={name} name={name} />),
        // Talent search reads assessments: under role profiles, for whoever may list them.
        group.key === 'menu.profiles' && shown('Assessment') && (
          <Menu.Item key="talent" to="/talent" primaryText={translate('talent.menu')} leftIcon={<TalentIcon />} />
        ),
        // The funnel reads opportunities: under sales, for whoever may list them.
        group.key === 'menu.sales' && shown('Opportunity') && (
          <Menu.Item key="funnel" to="/funnel" primaryText={translate('sales.funnel.menu')} leftIcon={<FunnelIcon />} />
        ),
        // The company settings: with the administration, for whoever may change them.
        group.key === 'menu.administration' && role && roleMay(role, 'settings', 'write') && (
          <Menu.Item
            key="settings"
            to="/settings"
            primaryText={translate('companySettings.menu')}
            leftIcon={<SettingsIcon />}
          />
        ),
        // Re-certification belongs with the assessments (HR's qualification work).
        ...(group.key === 'menu.profiles' && shown('Assessment')
          ? [
              <Menu.Item
                key="recertification"
                to="/recertification"
                primaryText={translate('h15recert.menu')}
                leftIcon={<RecertIcon />}
              />,
            ]
          : []),
      ])}
      <GlossaryMenuItem />
    </Menu>
  );
}
