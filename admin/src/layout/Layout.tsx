import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { RequireSignIn } from '../auth/RequireSignIn';
import { session } from '../providers';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn isSignedIn={session.isSignedIn}>
      <RaLayout menu={Menu} appBar={AppBar}>
        {children}
      </RaLayout>
    </RequireSignIn>
  );
}
