import CategoryIcon from '@mui/icons-material/Category';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./CategoryList'), 'CategoryList'),
  edit: lazyScreen(() => import('./CategoryEdit'), 'CategoryEdit'),
  create: lazyScreen(() => import('./CategoryCreate'), 'CategoryCreate'),
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
