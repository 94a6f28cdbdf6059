import type { ComponentType } from 'react';
import { useEditToggle } from '../../ui/useEditToggle';
import type { CaseDetail } from './casesApi';

/** What an add form of the case page (a person, a member) is given. */
export interface CaseAddFormProps {
  detail: CaseDetail;
  /** Saved: the name of who was added. */
  onDone: (name: string) => void;
  onCancel: () => void;
}

/**
 * A button ("Tilføj person", "Tilføj medlem") that opens its add form in its place; a save
 * closes it and says so (`onAdded`), a cancel sends focus back to the button.
 */
export function CaseAddToggle({
  detail,
  label,
  form: AddForm,
  onOpen,
  onAdded,
}: {
  detail: CaseDetail;
  label: string;
  form: ComponentType<CaseAddFormProps>;
  onOpen: () => void;
  onAdded: (name: string) => void;
}) {
  const adding = useEditToggle();
  if (adding.editing) {
    return (
      <AddForm
        detail={detail}
        onCancel={adding.cancel}
        onDone={(name) => {
          adding.close();
          onAdded(name);
        }}
      />
    );
  }
  return (
    <button
      type="button"
      id={adding.openerId}
      className="button button-secondary"
      onClick={() => {
        onOpen();
        adding.open();
      }}
    >
      {label}
    </button>
  );
}

/** The save and cancel buttons of a case page form. */
export function CaseFormButtons({
  save,
  pending,
  cancel,
  onCancel,
}: {
  save: string;
  pending: boolean;
  cancel: string;
  onCancel: () => void;
}) {
  return (
    <div className="case-form-buttons">
      <button type="submit" className="button button-primary" disabled={pending}>
        {save}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
