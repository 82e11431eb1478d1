import PeopleIcon from '@mui/icons-material/People';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./UserList'), 'UserList'),
  edit: lazyScreen(() => import('./UserEdit'), 'UserEdit'),
  icon: PeopleIcon,
  recordRepresentation: 'email',
};
