import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme with market's colours; dense, for people who work in it all day. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    // WCAG AA for text on coloured chips and buttons: MUI then picks dark text where white would fall below 4.5:1
    // (info and warning chips).
    contrastThreshold: 4.5,
    primary: { main: '#1f5f8b' },
    secondary: { main: '#6b4e9b' },
    // MUI's #d32f2f falls under 4.5:1 as text on the form toolbar's grey #e0e0e0 (the Delete button).
    error: { main: '#b71c1c' },
  },
  components: {
    ...defaultLightTheme.components,
    MuiTextField: { defaultProps: { size: 'small' } },
  },
};
