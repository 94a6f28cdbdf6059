import { useId, useState } from 'react';
import { focusAfterSave } from './form/focus';

/**
 * An edit opened by a button and shown in its place (the button goes while the form is open).
 * Give the button `id={openerId}`. Cancelled (`cancel`), the form closes and focus goes back to
 * the button that opened it, so keyboard and screen reader users are where they started; after a
 * save (`close`) the caller sends focus on itself (`focusAfterSave`).
 */
export function useEditToggle() {
  const openerId = useId();
  const [editing, setEditing] = useState(false);
  return {
    editing,
    openerId,
    open: () => setEditing(true),
    close: () => setEditing(false),
    cancel: () => {
      setEditing(false);
      focusAfterSave(openerId);
    },
  };
}
