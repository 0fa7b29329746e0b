import { Alert, Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../api/api.ts';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { messageOf } from '../forms/schema-form.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Covers the whole window while the session is locked. The screen underneath stays mounted,
 * so a half-filled form is exactly as it was after the password is entered again.
 */
export function LockOverlay() {
  const session = useAppStore((state) => state.session);
  const applySession = useAppStore((state) => state.applySession);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session === null || !session.locked) return null;

  const unlock = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      applySession(await api.call('auth.unlock', { password }));
      setPassword('');
    } catch (error) {
      setFailure(messageOf(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      fullScreen
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      transitionProps={{ duration: 0 }}
      title="Screen locked"
    >
      <form onSubmit={(event) => void unlock(event)} aria-label="Unlock the screen">
        <Stack maw={380} mx="auto" mt="xl">
          <Text>
            Signed in as {session.user.fullName} ({session.user.username}). Enter your password to carry on where you left off.
          </Text>
          {failure !== null && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <PasswordInput label="Password" autoFocus autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
          <Button type="submit" loading={busy} disabled={password === ''}>
            Unlock
          </Button>
          <SignOutButton />
        </Stack>
      </form>
    </Modal>
  );
}
