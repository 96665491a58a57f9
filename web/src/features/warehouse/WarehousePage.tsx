import type { DocumentView } from '@core/warehouse/api';
import { DOCUMENT_TYPE_CATALOGUE } from '@core/warehouse/catalogue';
import { Alert, Anchor, Button, Collapse, Group, Input, List, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';
import { usePortalMe } from '../portal/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { DocumentFacts } from './DocumentCard';
import { documentFileUrl, useDocumentDetail, useGrant, useMyDocuments, useUploadOwn, useWithdraw } from './queries';
import './register-texts';

/** Who may read a document and who did: the holder's grants (grant, withdraw) and the access log. */
function Sharing({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useDocumentDetail(id, true);
  const grant = useGrant(id);
  const withdraw = useWithdraw(id);
  const [unitCode, setUnitCode] = useState('');
  if (detail.isPending) return <Loading />;
  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const { grants, accessLog } = detail.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate(unitCode.trim(), { onSuccess: () => setUnitCode('') });
  };
  return (
    <Stack gap="sm" mt="xs">
      <Title order={4} size="h6">
        {t('warehouse.grantsTitle')}
      </Title>
      {grants.length === 0 ? (
        <Text size="sm">{t('warehouse.noGrants')}</Text>
      ) : (
        <List spacing={4} size="sm">
          {grants.map((g) => (
            <List.Item key={g.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  {g.unitName} ({g.unitCode}) · {g.withdrawnAt ? t('warehouse.withdrawnAt', { when: formatWhen(g.withdrawnAt, language) }) : t('warehouse.grantedAt', { when: formatWhen(g.grantedAt, language) })}
                </Text>
                {!g.withdrawnAt && (
                  <Button size="compact-sm" variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(g.id)}>
                    {t('warehouse.withdraw', { unit: g.unitName })}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('warehouse.unitCode')} description={t('warehouse.unitCodeHint')} value={unitCode} onChange={(e) => setUnitCode(e.currentTarget.value)} required maw={260} />
          <Button type="submit" loading={grant.isPending}>
            {t('warehouse.grant')}
          </Button>
        </Group>
        {grant.error && (
          <Text c="red.8" size="sm" role="alert" mt={4}>
            {grant.error.message}
          </Text>
        )}
      </form>
      <Title order={4} size="h6">
        {t('warehouse.logTitle')}
      </Title>
      {accessLog.length === 0 ? (
        <Text size="sm">{t('warehouse.noLog')}</Text>
      ) : (
        <List spacing={2} size="sm">
          {accessLog.map((l) => (
            <List.Item key={`${l.at}-${l.action}-${l.actorName}`}>
              {t('warehouse.logLine', { when: formatWhen(l.at, language), who: [t(`warehouse.actorKinds.${l.actorKind}`), l.actorName, l.unitName].filter(Boolean).join(', '), action: t(`warehouse.actions.${l.action}`) })}
              {l.purpose && ` — ${l.purpose}`}
              {!l.allowed && ` (${t('warehouse.refused')})`}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function DocumentItem({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <DocumentFacts doc={doc} />
      <Group gap="md" mt="xs" wrap="wrap">
        <Anchor href={documentFileUrl(doc.id)} download size="sm">
          <IconDownload size={16} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('warehouse.download', { name: doc.typeName[language] })}
        </Anchor>
        <Button variant="subtle" size="compact-sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {t('warehouse.sharing')}
        </Button>
      </Group>
      <Collapse in={open} id={panelId}>
        {open && <Sharing id={doc.id} />}
      </Collapse>
    </Paper>
  );
}

/** The holder's own copy: type, number, issuer, dates and the file; recorded as self-provided. */
function UploadForm({ holderKind }: { holderKind: 'citizen' | 'organisation' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useUploadOwn();
  const types = DOCUMENT_TYPE_CATALOGUE.filter((ty) => (ty.holders as readonly string[]).includes(holderKind));
  const [typeCode, setTypeCode] = useState<string>(types[0]?.code ?? '');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // a new key empties the native file input after an upload
  const [fileKey, setFileKey] = useState(0);
  const fileId = useId();
  const expires = types.find((ty) => ty.code === typeCode)?.expires ?? false;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('metadata', JSON.stringify({ typeCode, number, issuer, issuedOn, expiresOn: expiresOn || null }));
    form.append('file', file);
    upload.mutate(form, {
      onSuccess: () => {
        setNumber('');
        setIssuer('');
        setIssuedOn('');
        setExpiresOn('');
        setFile(null);
        setFileKey((k) => k + 1);
      },
    });
  };
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="own-copy-title">
      <Title order={2} size="h4" id="own-copy-title">
        {t('warehouse.upload.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('warehouse.upload.intro')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={520}>
          <NativeSelect label={t('warehouse.upload.type')} value={typeCode} onChange={(e) => setTypeCode(e.currentTarget.value)} data={types.map((ty) => ({ value: ty.code, label: ty[language] }))} required />
          <TextInput label={t('warehouse.upload.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required />
          <TextInput label={t('warehouse.upload.issuer')} value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} required />
          <Group grow gap="sm" wrap="wrap">
            <TextInput type="date" label={t('warehouse.upload.issuedOn')} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} required miw={150} />
            <TextInput type="date" label={t('warehouse.upload.expiresOn')} description={t('warehouse.upload.expiresHint')} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} required={expires} miw={150} />
          </Group>
          <Input.Wrapper label={t('warehouse.upload.file')} labelProps={{ htmlFor: fileId }} required>
            <input
              key={fileKey}
              id={fileId}
              name="file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              required
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
            />
          </Input.Wrapper>
          {upload.error && (
            <Alert color="red" role="alert">
              {upload.error.message}
            </Alert>
          )}
          {upload.isSuccess && (
            <Text c="#1b6b34" size="sm" role="status">
              {t('warehouse.upload.done')}
            </Text>
          )}
          <Button type="submit" loading={upload.isPending} w="fit-content">
            {t('warehouse.upload.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** "Kho dữ liệu của tôi": the holder's documents (themselves, or the organisation they act for), downloads, grants, own copies. */
export function WarehousePage() {
  const { t } = useTranslation();
  const me = usePortalMe().data;
  const docs = useMyDocuments();
  return (
    <>
      <PageHeader title={t('warehouse.title')} intro={me?.actingFor ? t('warehouse.introOrganisation', { name: me.actingFor.name }) : t('warehouse.intro')} />
      <Stack gap="md">
        {docs.isPending ? (
          <Loading />
        ) : docs.error ? (
          <QueryError error={docs.error} onRetry={() => void docs.refetch()} />
        ) : docs.data.documents.length === 0 ? (
          <Text>{t('warehouse.empty')}</Text>
        ) : (
          <section aria-label={t('warehouse.count', { count: docs.data.documents.length })}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('warehouse.count', { count: docs.data.documents.length })}
            </Text>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {docs.data.documents.map((d) => (
                <DocumentItem key={d.id} doc={d} />
              ))}
            </Stack>
          </section>
        )}
        <UploadForm holderKind={me?.actingFor ? 'organisation' : 'citizen'} />
      </Stack>
    </>
  );
}
