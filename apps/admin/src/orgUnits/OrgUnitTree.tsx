// The organisation as a tree (HQ → region → office → system department), built from the flat list.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/fields';

export interface OrgNode {
  id: string;
  name: string;
  code?: string;
  kind?: string;
  parentId?: string | null;
  children: OrgNode[];
}

/** Builds the forest; units whose parent is missing become roots, so nothing is hidden. */
export function buildTree(units: Array<Omit<OrgNode, 'children'>>): OrgNode[] {
  const nodes = new Map(units.map((u) => [String(u.id), { ...u, id: String(u.id), children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(String(node.parentId)) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function Branch({ node }: { node: OrgNode }) {
  const createPath = useCreatePath();
  const kind = useEnumLabel('OrgUnitKind');
  return (
    <li>
      <Link to={createPath({ resource: 'OrgUnit', id: node.id, type: 'show' })}>{node.name}</Link>
      <Typography component="span" variant="caption" color="text.secondary">
        {' '}
        {node.code} · {kind(node.kind)}
      </Typography>
      {node.children.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {node.children.map((c) => (
            <Branch key={c.id} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function OrgUnitTree() {
  const translate = useTranslate();
  const { data, isPending } = useGetList('OrgUnit', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  return (
    <Card sx={{ ml: 2, minWidth: 280 }} data-testid="org-tree">
      <CardContent>
        <Typography variant="h6">{translate('orgTree.title')}</Typography>
        {isPending ? (
          translate('app.loading')
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {buildTree((data ?? []) as Array<Omit<OrgNode, 'children'>>).map((n) => (
              <Branch key={n.id} node={n} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
