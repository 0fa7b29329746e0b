/** An open Mantine Modal: its portal sits beside the app's root, outside it. */
const OPEN_DIALOG = '[role="dialog"][aria-modal="true"]';

/**
 * While a dialog is open, the page behind it is hidden from screen readers and from the
 * keyboard (`inert`, and `aria-hidden` for readers that predate it), so a person using one hears
 * and reaches only the dialog, as a sighted person sees only it. Mantine's Modal traps focus but
 * leaves the page readable; this closes that gap for every dialog at once.
 */
export function hidePageBehindDialogs(root: HTMLElement): () => void {
  const update = (): void => {
    const open = [...document.querySelectorAll(OPEN_DIALOG)].some((dialog) => !root.contains(dialog));
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
