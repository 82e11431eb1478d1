import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme with market's colours; dense, for people who work in it all day. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    primary: { main: '#1f5f8b' },
    secondary: { main: '#6b4e9b' },
  },
  components: {
    ...defaultLightTheme.components,
    MuiTextField: { defaultProps: { size: 'small' } },
  },
};
