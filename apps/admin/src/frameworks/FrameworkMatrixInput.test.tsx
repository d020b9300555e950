import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'react-admin';
import { TestAdmin } from '../components/testing';
import { emptyLevel, FrameworkMatrixInput, validateMatrix } from './FrameworkMatrixInput';

function Harness({
  onSubmit,
  locale = 'en' as const,
}: {
  onSubmit: (values: Record<string, unknown>) => void;
  locale?: 'en' | 'zh-CN';
}) {
  return (
    <TestAdmin locale={locale}>
      <Form defaultValues={{ levels: [emptyLevel(1, ['H', 'E']), emptyLevel(2, ['H', 'E'])] }} onSubmit={onSubmit}>
        <FrameworkMatrixInput dimensions={['H', 'E']} />
        <button type="submit">submit</button>
      </Form>
    </TestAdmin>
  );
}

describe('FrameworkMatrixInput', () => {
  it('edits a level × dimension cell and the level requirements', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    const cell = await screen.findByLabelText('Level 2, Head · team leader');
    fireEvent.change(cell, { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Min. tenure (months) 2'), { target: { value: '24' } });
    fireEvent.change(screen.getByLabelText('Gate periods 2'), { target: { value: '3' } });
    fireEvent.click(screen.getByText('submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const levels = onSubmit.mock.calls[0][0].levels;
    expect(levels[1]).toEqual({
      level: 2,
      name: 'Experienced',
      nameZh: '有经验者',
      minProficiency: { H: 4, E: 2 },
      minTenureMonths: 24,
      minProjects: 0,
      gateMinimumRating: null,
      gatePeriods: 3,
    });
  });

  it('adds and removes levels and adds a dimension to every level', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(await screen.findByText('Add level'));
    fireEvent.change(screen.getByLabelText('Dimension code'), { target: { value: 'o' } });
    fireEvent.click(screen.getByText('Add dimension'));
    fireEvent.click(screen.getByLabelText('Remove level 1'));
    fireEvent.click(screen.getByText('submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const levels = onSubmit.mock.calls[0][0].levels;
    expect(levels.map((l: { level: number }) => l.level)).toEqual([1, 2]);
    expect(Object.keys(levels[0].minProficiency)).toEqual(['H', 'E', 'O']);
  });

  it('refuses a proficiency outside 1..5 and does not submit', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(await screen.findByLabelText('Level 1, Environment · delivery climate'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByText('submit'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'A level from 1 to 5');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('labels the matrix in Chinese', async () => {
    render(<Harness onSubmit={jest.fn()} locale="zh-CN" />);
    expect(await screen.findByText('等级 × 维度')).toBeTruthy();
    expect(screen.getByLabelText('1 级，H · 项目交付团队的领导者')).toBeTruthy();
  });

  it('validates the whole matrix', () => {
    expect(validateMatrix([])).toBe('validation.required_list');
    expect(validateMatrix([emptyLevel(1, ['A'])])).toBeUndefined();
    expect(validateMatrix([{ ...emptyLevel(1, ['A']), minProficiency: { A: 0 } }])).toBe('validation.level_range');
  });
});
