import { AppBar as RaAppBar, LoadingIndicator } from 'react-admin';

/**
 * react-admin's app bar, its loading spinner named: as it comes, the spinner shown while any request runs is a
 * progressbar without a name (axe: aria-progressbar-name), read out as "progress bar" and nothing else. The default
 * toolbar's other buttons (locales, dark theme) do not apply: one locale, one theme.
 */
export function AppBar() {
  return <RaAppBar toolbar={<LoadingIndicator aria-label="Loading" />} />;
}
