import type { RefObject } from 'react';

/** An element to move focus to: the element, a ref to it, or its id. */
export type FocusTarget = HTMLElement | RefObject<HTMLElement | null> | string | null | undefined;

function resolve(target: FocusTarget): HTMLElement | null {
  if (!target) return null;
  if (typeof target === 'string') return document.getElementById(target);
  if (target instanceof HTMLElement) return target;
  return target.current;
}

/**
 * After a successful save, moves focus to `target` (the page's heading, the saved item …) so
 * keyboard and screen reader users continue from there, not from a button that may be gone.
 * Waits a few frames for an element that appears with the save (a new row); an element that
 * cannot take focus gets `tabindex="-1"`.
 */
export function focusAfterSave(target: FocusTarget, frames = 30): void {
  const attempt = (left: number) => {
    const element = resolve(target);
    if (element) {
      if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) {
        element.setAttribute('tabindex', '-1');
      }
      element.focus();
    } else if (left > 0) {
      requestAnimationFrame(() => attempt(left - 1));
    }
  };
  requestAnimationFrame(() => attempt(frames));
}
