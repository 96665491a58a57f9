import type { DraftData, DraftView } from '@core/portal/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { reapply } from './merge';
import { draftKey, fetchDraft, saveDraft } from './queries';

/** Wait after the last keystroke before saving. */
const DEBOUNCE_MS = 700;

/** Where autosave stands, for the "Đã lưu lúc hh:mm" line. */
export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: Error };

/** What the wizard's steps edit: the form data, a way to change it, and autosave's state. */
export interface DraftEditor {
  data: DraftData;
  update(change: (data: DraftData) => DraftData): void;
  /** Saves now what is not saved yet (before changing step or submitting); resolves once saved. */
  flush(): Promise<boolean>;
  /** Takes a newer draft answered by another call (an upload or a file removal) as the saved state. */
  adopt(view: DraftView): void;
  save: SaveState;
  /** Set when a save met a newer version from another device and this form's changes were put back on top. */
  merged: boolean;
}

const isStale = (error: unknown) => error instanceof ApiError && error.code === 'PORTAL_DRAFT_VERSION_STALE';
/** Submitted meanwhile (another tab or device): the draft can no longer change. */
const isSubmitted = (error: unknown) => error instanceof ApiError && error.code === 'PORTAL_DRAFT_SUBMITTED';

/**
 * The draft's form state with autosave: every change is saved (debounced) against the version the
 * form last saw. When another device saved first (409), the newer draft is fetched and this form's
 * own unsaved changes are put back on top of it, then saved again — nothing typed here is lost.
 */
export function useDraftEditor(draft: DraftView): DraftEditor {
  const queryClient = useQueryClient();
  const [data, setData] = useState(draft.data);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: draft.updatedAt });
  const [merged, setMerged] = useState(false);
  /** The latest form data, read by the save loop without waiting for a render. */
  const local = useRef(draft.data);
  /** The data as last saved on the server, and its version. */
  const saved = useRef({ data: draft.data, version: draft.version });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const id = draft.id;

  const store = useCallback(
    (view: DraftView, sentData: DraftData) => {
      saved.current = { data: sentData, version: view.version };
      // The cache keeps the server's checklist and completeness, with the form's data.
      queryClient.setQueryData(draftKey(id), { ...view, data: local.current });
    },
    [queryClient, id],
  );

  const run = useCallback(async (): Promise<boolean> => {
    // One save at a time; changes made meanwhile are sent by the next round of the loop.
    for (let round = 0; round < 5; round++) {
      const sending = local.current;
      if (sending === saved.current.data) {
        setSave((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date().toISOString() }));
        return true;
      }
      setSave({ kind: 'saving' });
      try {
        const view = await saveDraft(id, saved.current.version, sending);
        store(view, sending);
        if (local.current === sending) {
          setSave({ kind: 'saved', at: view.updatedAt });
          return true;
        }
      } catch (error) {
        if (!isStale(error)) {
          setSave({ kind: 'error', error: error as Error });
          // The page then shows the dossier the draft became instead of the form.
          if (isSubmitted(error)) void queryClient.invalidateQueries({ queryKey: draftKey(id) });
          return false;
        }
        try {
          const fresh = await fetchDraft(id);
          const mine = reapply(fresh.data, saved.current.data, local.current);
          saved.current = { data: fresh.data, version: fresh.version };
          local.current = mine;
          setData(mine);
          setMerged(true);
        } catch (fetchError) {
          setSave({ kind: 'error', error: fetchError as Error });
          return false;
        }
      }
    }
    setSave({ kind: 'pending' });
    return false;
  }, [id, store, queryClient]);

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Chained: a flush asked for while a save runs starts after it, never beside it.
    const next = (running.current ?? Promise.resolve(true)).then(run);
    running.current = next;
    void next.finally(() => {
      if (running.current === next) running.current = null;
    });
    return next;
  }, [run]);

  const update = useCallback(
    (change: (data: DraftData) => DraftData) => {
      local.current = change(local.current);
      setData(local.current);
      setSave({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  const adopt = useCallback(
    (view: DraftView) => {
      if (view.version > saved.current.version) saved.current = { ...saved.current, version: view.version };
      queryClient.setQueryData(draftKey(id), { ...view, data: local.current });
    },
    [queryClient, id],
  );

  // Leaving the page with unsaved changes: save now, and ask the browser to warn while it runs.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (local.current === saved.current.data) return;
      void flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) {
        clearTimeout(timer.current);
        void flush();
      }
    };
  }, [flush]);

  return { data, update, flush, adopt, save, merged };
}
