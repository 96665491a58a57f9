import type { ReturnMethod } from '@core/dossier/channel';
import type { DraftView } from '@core/portal/api';
import { Button, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { type LiveDraft, problemMessage, problemsOf } from './live';
import type { DraftEditor } from './useDraftEditor';

/** Online first: the e-result is the easy path the city rewards. */
const METHODS: readonly ReturnMethod[] = ['online', 'post', 'counter'];

/** Step 3: how the result comes back — online, by public post (to an address), or at the counter. */
export function ReturnStep({ view, editor, live }: { view: DraftView; editor: DraftEditor; live: LiveDraft }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [addressTouched, setAddressTouched] = useState(false);
  const { returnMethod, postAddress, contact, receivingUnitCode } = editor.data;
  const unit = view.procedure.receivingUnits.find((u) => u.code === receivingUnitCode);
  const [addressProblem] = problemsOf(live.problems, 'postAddress');

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('submit.return.label')}
        withAsterisk
        value={returnMethod ?? ''}
        onChange={(value) =>
          editor.update((d) => ({
            ...d,
            returnMethod: value as ReturnMethod,
            // Choosing the post proposes the contact address; the person can change it.
            postAddress: value === 'post' && !d.postAddress?.trim() ? d.contact.address : d.postAddress,
          }))
        }
      >
        <Stack gap="sm" mt="xs">
          {METHODS.map((method) => (
            <Radio
              key={method}
              value={method}
              label={t(`submit.return.${method}`)}
              description={method === 'counter' && unit ? t('submit.return.counterAt', { unit: unit.name }) : t(`submit.return.${method}Hint`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      {returnMethod === 'post' && (
        <Stack gap={6}>
          <Textarea
            label={t('submit.return.postAddress')}
            withAsterisk
            autoComplete="street-address"
            rows={3}
            maxLength={500}
            value={postAddress ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              editor.update((d) => ({ ...d, postAddress: value === '' ? null : value }));
            }}
            onBlur={() => setAddressTouched(true)}
            error={addressTouched && addressProblem ? problemMessage(addressProblem.code, language, t('submit.problems.generic')) : undefined}
          />
          {contact.address && contact.address !== postAddress && (
            <Button variant="default" size="compact-sm" w="fit-content" onClick={() => editor.update((d) => ({ ...d, postAddress: d.contact.address }))}>
              {t('submit.return.useContactAddress')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
