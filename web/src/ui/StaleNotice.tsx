/**
 * The answer to a stale edit (`isStale` in app/api.ts): someone else saved the record since it
 * was read. The text says what changed; the button fetches the latest version to start again.
 */
export function StaleNotice({
  text,
  reloadLabel,
  onReload,
}: {
  text: string;
  reloadLabel: string;
  onReload: () => void;
}) {
  return (
    <div className="alert alert-warning" role="alert">
      <div className="alert-body">
        <p className="alert-text">{text}</p>
        <button type="button" className="button button-secondary mt-4" onClick={onReload}>
          {reloadLabel}
        </button>
      </div>
    </div>
  );
}
