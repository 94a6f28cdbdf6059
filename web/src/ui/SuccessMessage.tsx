import type { ReactNode } from 'react';

/** A success message announced to screen readers (dkfds success alert), e.g. after saving. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{children}</p>
      </div>
    </div>
  );
}
