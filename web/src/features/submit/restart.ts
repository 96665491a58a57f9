import { type DraftView, draftView } from '@core/portal/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { DRAFTS_KEY, saveDraft } from './queries';

/**
 * Starts the procedure again on its current version, carrying over what does not depend on the
 * version (contact details, how to receive the result, notes). Files and component answers are not
 * carried over (the new version's checklist may differ); the outdated draft is kept for reference,
 * as the server's message says, and can be deleted from the drafts list.
 */
export function useRestartDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (old: DraftView): Promise<string> => {
      const fresh = await api.post('/api/v1/portal/drafts', { procedureCode: old.procedure.code }, draftView);
      const { contact, returnMethod, postAddress, notes } = old.data;
      await saveDraft(fresh.id, fresh.version, { ...fresh.data, contact, returnMethod, postAddress, notes });
      return fresh.id;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: DRAFTS_KEY }),
  });
}
