import type { DossierDetail } from '@core/dossier/api';
import { DOCUMENT_TYPE_CATALOGUE } from '@core/warehouse/catalogue';
import { Alert, Anchor, Button, Card, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import { DocumentFacts } from './DocumentCard';
import { useCheckOriginal, useDigitise, useDossierWarehouse, useReuse } from './queries';
import './register-texts';

/**
 * "Số hóa" on the staff dossier page: the documents digitised from this dossier (with the check
 * against the original), and a form to digitise a component file or a result with its metadata.
 */
export function DigitisePanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = dossier.code ?? dossier.id;
  const me = useMe().data;
  const data = useDossierWarehouse(ref);
  const digitise = useDigitise(ref);
  const check = useCheckOriginal(ref);
  const reuse = useReuse(ref);
  const [reuseComponent, setReuseComponent] = useState(dossier.checklist[0]?.id ?? '');
  const [sourceId, setSourceId] = useState('');
  const [holderKind, setHolderKind] = useState<'citizen' | 'organisation'>(dossier.applicant.kind);
  const [holderId, setHolderId] = useState(dossier.applicant.idNumber);
  const [holderName, setHolderName] = useState(dossier.applicant.name);
  const types = DOCUMENT_TYPE_CATALOGUE.filter((ty) => (ty.holders as readonly string[]).includes(holderKind));
  const [typeCode, setTypeCode] = useState('');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');

  if (data.isPending) return <Loading />;
  if (data.error) return <QueryError error={data.error} onRetry={() => void data.refetch()} />;
  const { documents, sources, offers, reused } = data.data;
  const chosenSource = sources.find((s) => s.id === sourceId) ?? sources[0];
  const chosenType = types.find((ty) => ty.code === typeCode) ?? types[0];
  const componentName = (id: string | null) => dossier.checklist.find((c) => c.id === id)?.name ?? id ?? '';
  // opening a holder's document is a logged read whose purpose is this dossier
  const openUrl = (id: string) => `/api/v1/warehouse/documents/${encodeURIComponent(id)}/file?${new URLSearchParams({ purpose: t('warehouse.panel.purpose', { code: ref }) })}`;
  const openLink = (id: string) =>
    can(me, 'warehouse.read') && (
      <Anchor href={openUrl(id)} target="_blank" rel="noopener" size="sm">
        {t('warehouse.panel.open')}
      </Anchor>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosenSource || !chosenType) return;
    const source = chosenSource.kind === 'file' ? { kind: 'file', fileId: chosenSource.id } : { kind: 'result', resultId: chosenSource.id };
    digitise.mutate({ source, metadata: { typeCode: chosenType.code, number, issuer, issuedOn, expiresOn: expiresOn || null, holderKind, holderId, holderName } }, { onSuccess: () => setNumber('') });
  };

  return (
    <Card withBorder component="section" aria-labelledby="dossier-digitise">
      <Title order={2} size="h4" id="dossier-digitise" mb="xs">
        {t('warehouse.panel.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('warehouse.panel.intro')}
      </Text>
      <Stack gap="sm">
        {documents.length === 0 ? (
          <Text size="sm">{t('warehouse.panel.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {documents.map((d) => (
              <Paper component="li" key={d.id} withBorder p="xs" radius="sm">
                <DocumentFacts doc={d} />
                {d.source === 'digitised' && !d.verified && can(me, 'warehouse.verify') && (
                  <Button mt="xs" size="compact-sm" variant="light" loading={check.isPending} onClick={() => check.mutate(d.id)}>
                    {t('warehouse.panel.check')}
                  </Button>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {reused.length > 0 && (
          <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
            {reused.map((r) => (
              <Text component="li" size="sm" key={`${r.componentId}-${r.documentId}`}>
                {t('warehouse.panel.reused', { id: r.componentId, name: offers.find((o) => o.id === r.documentId)?.typeName[language] ?? r.documentId })} {openLink(r.documentId)}
              </Text>
            ))}
          </Stack>
        )}
        {offers.length > 0 && can(me, 'dossier.receive') && dossier.checklist.length > 0 && (
          <Paper withBorder p="xs" radius="sm" component="section" aria-labelledby="digitise-offers">
            <Title order={3} size="h6" id="digitise-offers">
              {t('warehouse.panel.offersTitle')}
            </Title>
            <Text size="sm" mb="xs">
              {t('warehouse.panel.offersIntro')}
            </Text>
            <NativeSelect
              label={t('warehouse.panel.reuseFor')}
              value={reuseComponent}
              onChange={(e) => setReuseComponent(e.currentTarget.value)}
              data={dossier.checklist.map((c) => ({ value: c.id, label: `${c.id}. ${c.name}` }))}
              mb="xs"
            />
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {offers.map((o) => (
                <Paper component="li" key={o.id} withBorder p="xs" radius="sm">
                  <DocumentFacts doc={o} />
                  {openLink(o.id)}
                  <Button mt="xs" size="compact-sm" variant="light" loading={reuse.isPending} onClick={() => reuse.mutate({ componentId: reuseComponent, documentId: o.id })}>
                    {t('warehouse.panel.reuse', { name: o.typeName[language] })}
                  </Button>
                </Paper>
              ))}
            </Stack>
            {reuse.error && (
              <Alert color="red" role="alert" mt="xs">
                {reuse.error.message}
              </Alert>
            )}
          </Paper>
        )}
        {check.error && (
          <Alert color="red" role="alert">
            {check.error.message}
          </Alert>
        )}
        {sources.length === 0 ? (
          <Text size="sm">{t('warehouse.panel.noSources')}</Text>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <NativeSelect
                label={t('warehouse.panel.source')}
                value={chosenSource?.id ?? ''}
                onChange={(e) => setSourceId(e.currentTarget.value)}
                data={sources.map((s) => ({ value: s.id, label: s.kind === 'file' ? t('warehouse.panel.component', { id: s.componentId, name: `${componentName(s.componentId)} (${s.filename})` }) : t('warehouse.panel.result', { name: s.filename }) }))}
              />
              <div>
                <Text size="sm" fw={500} id="digitise-holder-kind">
                  {t('warehouse.panel.holderKind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="digitise-holder-kind"
                  value={holderKind}
                  onChange={(v) => setHolderKind(v as 'citizen' | 'organisation')}
                  data={(['citizen', 'organisation'] as const).map((k) => ({ value: k, label: t(`warehouse.panel.holderKinds.${k}`) }))}
                />
              </div>
              <Group grow gap="xs" wrap="wrap">
                <TextInput label={t('warehouse.panel.holderId')} value={holderId} onChange={(e) => setHolderId(e.currentTarget.value)} required translate="no" miw={180} />
                <TextInput label={t('warehouse.panel.holderName')} value={holderName} onChange={(e) => setHolderName(e.currentTarget.value)} miw={180} />
              </Group>
              <NativeSelect label={t('warehouse.upload.type')} value={chosenType?.code ?? ''} onChange={(e) => setTypeCode(e.currentTarget.value)} data={types.map((ty) => ({ value: ty.code, label: ty[language] }))} />
              <Group grow gap="xs" wrap="wrap">
                <TextInput label={t('warehouse.upload.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required miw={150} />
                <TextInput label={t('warehouse.upload.issuer')} value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} required miw={180} />
              </Group>
              <Group grow gap="xs" wrap="wrap">
                <TextInput type="date" label={t('warehouse.upload.issuedOn')} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} required miw={150} />
                <TextInput type="date" label={t('warehouse.upload.expiresOn')} description={t('warehouse.upload.expiresHint')} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} required={chosenType?.expires ?? false} miw={150} />
              </Group>
              {digitise.error && (
                <Alert color="red" role="alert">
                  {digitise.error.message}
                </Alert>
              )}
              <Button type="submit" loading={digitise.isPending} w="fit-content">
                {t('warehouse.panel.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
