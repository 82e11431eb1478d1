import { Alert, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The query's state: a spinner while the first figures load, a message when they fail. */
  pending: boolean;
  error: unknown;
  children: ReactNode;
}

/** One dashboard card: a heading, then its figures, a spinner or why they are missing. */
export function Widget({ title, pending, error, children }: Props) {
  return (
    <Card variant="outlined" component="section" aria-label={title} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {title}
        </Typography>
        {error ? (
          <Alert severity="error">
            {error instanceof Error ? error.message : 'These figures could not be loaded.'}
          </Alert>
        ) : pending ? (
          <CircularProgress size={24} aria-label={`Loading ${title.toLowerCase()}`} />
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
