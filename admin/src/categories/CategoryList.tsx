import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { CreateButton, Title, TopToolbar } from 'react-admin';
import { buildCategoryTree } from './categoryTree';
import { CategoryTree } from './CategoryTree';
import { useAllCategories } from './useAllCategories';

/** Every category as an indented tree (parent → children, each level by name); a category opens its edit screen. */
export function CategoryList() {
  const { data, isPending, error } = useAllCategories();
  return (
    <>
      <Title title="Categories" />
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
      <Card>
        <CardContent>
          {error ? (
            <Alert severity="error">
              The categories could not be loaded: {error instanceof Error ? error.message : String(error)}
            </Alert>
          ) : isPending ? (
            <Typography variant="body2">Loading…</Typography>
          ) : data.length === 0 ? (
            <Typography variant="body2">No categories yet.</Typography>
          ) : (
            <Box component="section" aria-label="Category tree">
              <CategoryTree nodes={buildCategoryTree(data)} />
            </Box>
          )}
        </CardContent>
      </Card>
    </>
  );
}
