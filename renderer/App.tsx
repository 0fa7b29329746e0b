import { Center, Loader } from '@mantine/core';
import { AppFrame } from './screens/AppFrame.tsx';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen.tsx';
import { ClinicPickerScreen } from './screens/ClinicPickerScreen.tsx';
import { JoiningScreen } from './screens/setup/JoiningScreen.tsx';
import { LockOverlay } from './screens/LockOverlay.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { selectPhase } from './state/session-slice.ts';
import { useAppStore } from './state/store.ts';

export function App() {
  const phase = useAppStore(selectPhase);
  switch (phase) {
    case 'starting':
      return (
        <Center mih="100vh">
          <Loader aria-label="Starting" />
        </Center>
      );
    case 'setup':
      return <SetupScreen />;
    case 'joining':
      return <JoiningScreen />;
    case 'signIn':
      return <SignInScreen />;
    case 'changePassword':
      return <ChangePasswordScreen />;
    case 'pickClinic':
      return <ClinicPickerScreen />;
    case 'ready':
      return (
        <>
          <AppFrame />
          <LockOverlay />
        </>
      );
  }
}
