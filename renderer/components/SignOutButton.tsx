import { Button } from '@mantine/core';
import { api } from '../api/api.ts';
import { useAppStore } from '../state/store.ts';

export function SignOutButton({ variant = 'subtle' }: { variant?: 'subtle' | 'default' }) {
  const endSession = useAppStore((state) => state.endSession);
  const signOut = async (): Promise<void> => {
    try {
      await api.call('auth.signOut', {});
    } finally {
      api.transport.rememberToken(null);
      endSession(null);
    }
  };
  return (
    <Button variant={variant} color="gray" onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}
