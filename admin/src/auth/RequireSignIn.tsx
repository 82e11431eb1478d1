import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-admin';

/**
 * Sends a signed-out visitor to the sign-in page, remembering where they were going (react-admin's login page
 * returns there). It stands in for `<Admin requireAuth>`: with React Router 7 that option's LogoutOnMount
 * navigates and clears the query cache before the navigation commits, so it logs out again and again — a visitor
 * waited about 14 seconds (~3,000 history pushes) for the sign-in form (marmelab/react-admin#10885). This checks
 * the session synchronously and navigates once; nothing inside renders or fetches meanwhile.
 */
export function RequireSignIn({ isSignedIn, children }: { isSignedIn: () => boolean; children: ReactNode }) {
  const location = useLocation();
  if (isSignedIn()) return <>{children}</>;
  return (
    <Navigate to="/login" replace state={{ nextPathname: location.pathname, nextSearch: location.search }} />
  );
}
