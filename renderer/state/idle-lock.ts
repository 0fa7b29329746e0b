import { api } from '../api/api.ts';
import { useAppStore } from './store.ts';

const CHECK_EVERY_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the clinic's idle time. Activity is what the person does on screen;
 * it is reported to the core about once a minute, so the core's own idle lock agrees.
 */
export function startIdleLock(): () => void {
  let lastActivityMs = Date.now();
  let lastTouchMs = Date.now();
  const onActivity = (): void => {
    lastActivityMs = Date.now();
  };
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });

  const timer = window.setInterval(() => {
    const { session, setLocked } = useAppStore.getState();
    if (session === null || session.locked) return;
    const now = Date.now();
    if (now - lastActivityMs > session.idleLockMinutes * 60_000) {
      setLocked(true);
      api.call('auth.lock', {}).catch(() => undefined);
      return;
    }
    if (lastActivityMs > lastTouchMs && now - lastTouchMs > TOUCH_EVERY_MS) {
      lastTouchMs = now;
      api.call('auth.touch', {}).catch(() => undefined);
    }
  }, CHECK_EVERY_MS);

  return () => {
    window.clearInterval(timer);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
  };
}
