import { Box, List, ListItem, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import type { CategoryNode } from './categoryTree';

/**
 * Nested lists, one level per depth: screen readers announce each list's level and size, every category is a link
 * (Tab reaches it, Enter opens its edit screen), and nothing needs a custom key handler.
 */
export function CategoryTree({ nodes, depth = 0 }: { nodes: CategoryNode[]; depth?: number }) {
  const createPath = useCreatePath();
  return (
    <List
      dense
      disablePadding
      sx={depth ? { pl: 3, borderLeft: 1, borderColor: 'divider', ml: 1.5 } : undefined}
    >
      {nodes.map(({ category, children }) => (
        <ListItem key={category.id} disableGutters sx={{ display: 'block', py: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, py: 0.5 }}>
            <Link
              to={createPath({ resource: 'categories', id: category.id, type: 'edit' })}
              underline="hover"
              sx={{
                fontWeight: depth === 0 ? 600 : 400,
                '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
              }}
            >
              {category.name}
            </Link>
            <Typography variant="caption" color="text.secondary">
              {category.slug} · position {category.position}
              {children.length
                ? ` · ${children.length} ${children.length === 1 ? 'subcategory' : 'subcategories'}`
                : ''}
            </Typography>
          </Box>
          {children.length ? <CategoryTree nodes={children} depth={depth + 1} /> : null}
        </ListItem>
      ))}
    </List>
  );
}
