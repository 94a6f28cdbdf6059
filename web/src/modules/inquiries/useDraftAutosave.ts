import { useCallback, useEffect, useRef, useState } from 'react';
import { isStale } from '../../app/api';
import { saveDraft, type Draft } from './inquiriesApi';

/** How long after the last change the draft is saved. */
const AUTOSAVE_DELAY_MS = 3_000;

export type DraftStatus = { state: 'saved'; at: string } | { state: 'failed' } | null;

/**
 * Saves the form as a server-side draft a few seconds after each change (and at once when
 * `saveNow` is called, e.g. when a field loses focus). Saves never overlap: a change made while
 * one is under way is saved right after it. `changes` counts the user's changes; 0 = untouched.
 */
export function useDraftAutosave(
  draftId: string,
  content: Record<string, unknown>,
  changes: number,
  enabled: boolean,
) {
  const [status, setStatus] = useState<DraftStatus>(null);
  const latest = useRef({ draftId, content, changes, enabled });
  const version = useRef(0);
  const savedChanges = useRef(0);
  const running = useRef<Promise<void> | null>(null);

  useEffect(() => {
    latest.current = { draftId, content, changes, enabled };
  }, [draftId, content, changes, enabled]);

  const saveNow = useCallback((): Promise<void> => {
    if (running.current) return running.current;
    const run = async () => {
      // Loop: a change made during a save is saved right after it.
      for (;;) {
        const current = latest.current;
        if (!current.enabled || current.changes === 0 || current.changes === savedChanges.current) {
          return;
        }
        try {
          const draft: Draft = await saveDraft(current.draftId, {
            version: version.current,
            content: current.content,
          });
          version.current = draft.version;
          savedChanges.current = current.changes;
          setStatus({ state: 'saved', at: draft.updatedAt });
        } catch (error) {
          // Saved meanwhile from another tab: the server's version is in the answer's meta.
          const currentVersion =
            isStale(error) && typeof error.meta.currentVersion === 'number'
              ? error.meta.currentVersion
              : null;
          if (currentVersion !== null && currentVersion !== version.current) {
            version.current = currentVersion;
            continue;
          }
          setStatus({ state: 'failed' });
          return;
        }
      }
    };
    const promise = run().finally(() => {
      running.current = null;
    });
    running.current = promise;
    return promise;
  }, []);

  useEffect(() => {
    if (!enabled || changes === 0) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [changes, enabled, saveNow]);

  /** Continue an existing draft: its id is passed in, its version and state start here. */
  const adopt = useCallback((draft: Draft, atChanges: number) => {
    version.current = draft.version;
    savedChanges.current = atChanges;
    setStatus(null);
  }, []);

  /** Whether the draft exists on the server (it was saved at least once). */
  const exists = () => version.current > 0;

  /** Wait for a save under way (before the inquiry is sent, which deletes the draft). */
  const settle = () => running.current ?? Promise.resolve();

  return { status, saveNow, adopt, exists, settle };
}
