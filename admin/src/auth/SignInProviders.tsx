import { Button, Divider, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { apiUrl } from '../providers';

interface Provider {
  name: string;
  label: string;
  start: string;
}

/**
 * "Sign in with Google" (and any other provider the API has configured, from GET /api/auth/providers) under the
 * password form. A plain link: sign-in is a top-level navigation to the API, which returns to
 * `#/auth/callback` (auth/AuthCallback.tsx) because of `?to=admin`. Nothing shows when none is configured.
 */
export function SignInProviders() {
  const { data } = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: async ({ signal }) => {
      const res = await fetch(`${apiUrl}/api/auth/providers`, {
        signal,
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) return [];
      return ((await res.json()) as { providers: Provider[] }).providers;
    },
    staleTime: Infinity,
  });
  if (!data?.length) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pb: 2 }}>
      <Divider>or</Divider>
      {data.map((provider) => (
        <Button key={provider.name} variant="outlined" href={`${apiUrl}${provider.start}?to=admin`}>
          Sign in with {provider.label}
        </Button>
      ))}
    </Stack>
  );
}
