/** An open Mantine Modal: its portal sits beside the app's root, outside it. */
const OPEN_DIALOG = '[role="dialog"][aria-modal="true"]';

/**
 * While a dialog is open, the page behind it is hidden from screen readers and from the
 * keyboard (`inert`, and `aria-hidden` for readers that predate it), so a person using one hears
 * and reaches only the dialog, as a sighted person sees only it. Mantine's Modal traps focus but
 * leaves the page readable; this closes that gap for every dialog at once.
 */
const HIDDEN_BEHIND = 'data-hidden-behind-dialog';

/**
 * A dialog opened over another (the question before discarding a form) is the only one heard and
 * reached: the one beneath is hidden as the page is, and shown again when it is on top once more.
 */
function hideAllButTopDialog(dialogs: readonly HTMLElement[]): void {
  const top = dialogs[dialogs.length - 1];
  for (const dialog of dialogs) {
    const hide = dialog !== top;
    if (hide === dialog.hasAttribute(HIDDEN_BEHIND)) continue;
    if (hide) {
      dialog.setAttribute(HIDDEN_BEHIND, '');
      dialog.setAttribute('inert', '');
      dialog.setAttribute('aria-hidden', 'true');
    } else {
      dialog.removeAttribute(HIDDEN_BEHIND);
      dialog.removeAttribute('inert');
      dialog.removeAttribute('aria-hidden');
    }
  }
}

export function hidePageBehindDialogs(root: HTMLElement): () => void {
  const update = (): void => {
    const dialogs = [...document.querySelectorAll<HTMLElement>(OPEN_DIALOG)].filter((dialog) => !root.contains(dialog));
    hideAllButTopDialog(dialogs);
    const open = dialogs.length > 0;
    if (open === root.hasAttribute('inert')) return;
    if (open) {
      root.setAttribute('inert', '');
      root.setAttribute('aria-hidden', 'true');
    } else {
      root.removeAttribute('inert');
      root.removeAttribute('aria-hidden');
    }
  };
  const observer = new MutationObserver(update);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-modal', 'role'] });
  update();
  return () => observer.disconnect();
}
