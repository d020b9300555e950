// Editor for a qualification framework: levels (rows) × dimensions (columns) of minimum proficiency (1..5),
// with each level's minimum tenure, minimum projects and performance gate (minimum appraisal rating over N periods).
import {
  Box,
  Button,
  IconButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useState } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/fields';

export interface FrameworkLevel {
  level: number;
  name: string;
  nameZh: string;
  minProficiency: Record<string, number>;
  minTenureMonths: number;
  minProjects: number;
  /** Minimum appraisal rating in each of the last `gatePeriods` periods; null: no gate. */
  gateMinimumRating: string | null;
  gatePeriods: number | null;
}

export const APPRAISAL_RATINGS = ['A', 'B+', 'B', 'C', 'D'] as const;
const LEVEL_NAMES: Array<[string, string]> = [
  ['Beginner', '初做者'],
  ['Experienced', '有经验者'],
  ['Backbone', '骨干'],
  ['Expert', '专家'],
  ['Senior expert', '资深专家'],
];

/** The dimensions of each triangle role's model (DOMAIN.md §2), used when the form has no role model yet. */
export const DEFAULT_DIMENSIONS: Record<string, string[]> = {
  AR: ['SPD', 'AR', 'LTC', 'ES'],
  SR: ['PLAN', 'PLACE', 'PRODUCT', 'PROMOTION', 'PROFIT'],
  FR: ['H', 'E', 'R', 'O', 'S'],
};

export function emptyLevel(level: number, dimensions: readonly string[]): FrameworkLevel {
  const [name, nameZh] = LEVEL_NAMES[level - 1] ?? [`Level ${level}`, `${level} 级`];
  return {
    level,
    name,
    nameZh,
    minProficiency: Object.fromEntries(dimensions.map((d) => [d, Math.min(level, 5)])),
    minTenureMonths: 0,
    minProjects: 0,
    gateMinimumRating: null,
    gatePeriods: null,
  };
}

/** A message key when the matrix is not valid: every cell 1..5, tenure and projects ≥ 0, at least one level. */
export function validateMatrix(levels: unknown): string | undefined {
  if (!Array.isArray(levels) || levels.length === 0) return 'validation.required_list';
  for (const level of levels as FrameworkLevel[]) {
    for (const value of Object.values(level.minProficiency ?? {})) {
      if (!Number.isInteger(value) || value < 1 || value > 5) return 'validation.level_range';
    }
    if (!(level.minTenureMonths >= 0) || !(level.minProjects >= 0)) return 'ra.validation.minValue';
    if (level.gateMinimumRating && !(Number(level.gatePeriods) >= 1)) return 'ra.validation.minValue';
  }
  return undefined;
}

function normalize(value: unknown): FrameworkLevel[] {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(parsed) ? (parsed as FrameworkLevel[]) : [];
}
function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return [];
  }
}

export interface FrameworkMatrixInputProps {
  source?: string;
  /** Dimension codes (columns); codes found in the value are added so nothing is lost. */
  dimensions: readonly string[];
  label?: string;
}

export function FrameworkMatrixInput({
  source = 'levels',
  dimensions,
  label = 'resources.QualificationFramework.fields.levels',
}: FrameworkMatrixInputProps) {
  const translate = useTranslate();
  const dimensionLabel = useEnumLabel('Dimension');
  const { field, fieldState, formState } = useInput({ source, validate: validateMatrix, defaultValue: [] });
  const levels = normalize(field.value);
  const [extra, setExtra] = useState<string[]>([]);
  const [newDimension, setNewDimension] = useState('');
  const columns = [
    ...new Set([...dimensions, ...extra, ...levels.flatMap((l) => Object.keys(l.minProficiency ?? {}))]),
  ];

  const [touched, setTouched] = useState(false);
  const change = (next: FrameworkLevel[]) => {
    setTouched(true);
    field.onChange(next);
  };
  const update = (index: number, patch: Partial<FrameworkLevel>) =>
    change(levels.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const setCell = (index: number, dimension: string, raw: string) => {
    const level = levels[index];
    if (!level) return;
    update(index, { minProficiency: { ...level.minProficiency, [dimension]: raw === '' ? Number.NaN : Number(raw) } });
  };
  const addLevel = () => change([...levels, emptyLevel(levels.length + 1, columns)]);
  const removeLevel = (index: number) =>
    change(levels.filter((_, i) => i !== index).map((l, i) => ({ ...l, level: i + 1 })));
  const gateLabel = (l: FrameworkLevel) => `${translate('matrix.gate')} ${l.level}`;
  const addDimension = () => {
    const code = newDimension.trim().toUpperCase();
    if (!code || columns.includes(code)) return;
    setExtra([...extra, code]);
    change(levels.map((l) => ({ ...l, minProficiency: { ...l.minProficiency, [code]: 1 } })));
    setNewDimension('');
  };
  // The form blocks submission through `validate`; the message is computed here so it shows beside the matrix.
  const invalid = validateMatrix(levels);
  const error = invalid && (touched || fieldState.isTouched || formState.isSubmitted) ? invalid : undefined;

  return (
    <Box sx={{ my: 2, width: '100%' }} data-testid="framework-matrix">
      <Typography variant="subtitle1">{translate(label)}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('matrix.min_proficiency')}
      </Typography>
      {columns.length === 0 && <Typography color="text.secondary">{translate('matrix.no_dimensions')}</Typography>}
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('matrix.level')}</TableCell>
            {columns.map((d) => (
              <TableCell key={d} title={dimensionLabel(d)}>
                {d}
              </TableCell>
            ))}
            <TableCell>{translate('matrix.tenure')}</TableCell>
            <TableCell>{translate('matrix.projects')}</TableCell>
            <TableCell>{translate('matrix.gate')}</TableCell>
            <TableCell>{translate('matrix.gate_periods')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {levels.map((level, index) => (
            <TableRow key={index}>
              <TableCell>{level.level}</TableCell>
              {columns.map((d) => {
                const value = level.minProficiency?.[d];
                const invalid = value !== undefined && (!Number.isInteger(value) || value < 1 || value > 5);
                return (
                  <TableCell key={d}>
                    <TextField
                      type="number"
                      size="small"
                      error={invalid}
                      value={value === undefined || Number.isNaN(value) ? '' : value}
                      onChange={(e) => setCell(index, d, e.target.value)}
                      slotProps={{
                        htmlInput: {
                          min: 1,
                          max: 5,
                          'aria-label': translate('matrix.cell', { level: level.level, dimension: dimensionLabel(d) }),
                          style: { width: 48 },
                        },
                      }}
                    />
                  </TableCell>
                );
              })}
              <TableCell>
                <TextField
                  type="number"
                  size="small"
                  value={level.minTenureMonths}
                  onChange={(e) => update(index, { minTenureMonths: Number(e.target.value) })}
                  slotProps={{
                    htmlInput: {
                      min: 0,
                      'aria-label': `${translate('matrix.tenure')} ${level.level}`,
                      style: { width: 64 },
                    },
                  }}
                />
              </TableCell>
              <TableCell>
                <TextField
                  type="number"
                  size="small"
                  value={level.minProjects}
                  onChange={(e) => update(index, { minProjects: Number(e.target.value) })}
                  slotProps={{
                    htmlInput: {
                      min: 0,
                      'aria-label': `${translate('matrix.projects')} ${level.level}`,
                      style: { width: 64 },
                    },
                  }}
                />
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  value={level.gateMinimumRating ?? ''}
                  sx={{ minWidth: 80 }}
                  onChange={(e) =>
                    update(index, {
                      gateMinimumRating: e.target.value || null,
                      gatePeriods: e.target.value ? (level.gatePeriods ?? 2) : null,
                    })
                  }
                  slotProps={{ htmlInput: { 'aria-label': gateLabel(level) }, select: { displayEmpty: true } }}
                >
                  <MenuItem value="">{translate('matrix.no_gate')}</MenuItem>
                  {APPRAISAL_RATINGS.map((r) => (
                    <MenuItem key={r} value={r}>
                      {r}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>
                <TextField
                  type="number"
                  size="small"
                  value={level.gatePeriods ?? ''}
                  disabled={!level.gateMinimumRating}
                  onChange={(e) =>
                    update(index, { gatePeriods: e.target.value === '' ? null : Number(e.target.value) })
                  }
                  slotProps={{
                    htmlInput: {
                      min: 1,
                      'aria-label': `${translate('matrix.gate_periods')} ${level.level}`,
                      style: { width: 48 },
                    },
                  }}
                />
              </TableCell>
              <TableCell>
                <IconButton
                  aria-label={`${translate('matrix.remove_level')} ${level.level}`}
                  onClick={() => removeLevel(index)}
                  size="small"
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
        <Button onClick={addLevel} variant="outlined" size="small" sx={{ whiteSpace: 'nowrap' }}>
          {translate('matrix.add_level')}
        </Button>
        <TextField
          size="small"
          label={translate('matrix.dimension_code')}
          value={newDimension}
          onChange={(e) => setNewDimension(e.target.value)}
          sx={{ width: 180 }}
        />
        <Button onClick={addDimension} size="small" sx={{ whiteSpace: 'nowrap' }}>
          {translate('matrix.add_dimension')}
        </Button>
      </Box>
      {error && (
        <Typography role="alert" color="error" variant="caption">
          {translate(error, { min: 0 })}
        </Typography>
      )}
    </Box>
  );
}
