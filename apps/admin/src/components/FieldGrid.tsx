// Fields side by side with their labels, so a record's facts fit above the fold and its tables get the space.
import { Box } from '@mui/material';
import { Children, ReactNode } from 'react';
import { Labeled } from 'react-admin';

export function FieldGrid({ children, min = 200 }: { children: ReactNode; min?: number }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`, gap: 1.5, mb: 2 }}>
      {Children.toArray(children).map((child, i) => (
        <Labeled key={i}>{child as never}</Labeled>
      ))}
    </Box>
  );
}
