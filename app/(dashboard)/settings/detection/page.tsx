import type { Metadata } from 'next';
import { AllowListsForm } from '@/components/settings/detection/AllowListsForm';
import { type CatalogueRow, CatalogueRulesTable } from '@/components/settings/detection/CatalogueRulesTable';
import { SigmaRulesTable } from '@/components/settings/detection/SigmaRulesTable';
import { SigmaUploadForm } from '@/components/settings/detection/SigmaUploadForm';
import { SettingsTabs } from '@/components/settings/SettingsTabs';
import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { selectClasses } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { RULES } from '@/lib/detections/registry';
import { configFields, engineWideKeys } from '@/lib/detections/rule-config-fields';
import { getDetectionSettings, getRuleSettings } from '@/lib/detections/settings';
import { listSigmaRules } from '@/lib/detections/sigma/store';

export const metadata: Metadata = { title: 'Detection settings' };

const SHOW = ['all', 'tuned', 'off'] as const;
type Show = (typeof SHOW)[number];

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

// Everyone signed in can read how detection is tuned (it explains the findings); only admins
// see the forms, and every action checks the admin role again on the server.
export default async function DetectionSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const canEdit = session.role === 'admin';
  const params = await searchParams;
  const query = first(params.q).trim().toLowerCase();
  const show: Show = (SHOW as readonly string[]).includes(first(params.show))
    ? (first(params.show) as Show)
    : 'all';

  const pool = getPool();
  const [sigmaRules, detection, ruleSettings] = await Promise.all([
    listSigmaRules(pool),
    getDetectionSettings(pool),
    getRuleSettings(pool),
  ]);
  const allRows: CatalogueRow[] = Object.values(RULES).map((rule) => {
    const setting = ruleSettings.get(rule.id);
    return {
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      kind: rule.kind,
      tactic: `${rule.tactic.name} · ${rule.technique.id} ${rule.technique.name}`,
      enabled: setting?.enabled ?? true,
      customised: setting !== undefined,
      fields: configFields(rule.defaultConfig, setting?.config),
      engineWide: engineWideKeys(rule.defaultConfig),
    };
  });
  const rows = allRows.filter(
    (row) =>
      (query === '' || row.id.toLowerCase().includes(query) || row.title.toLowerCase().includes(query)) &&
      (show === 'all' || (show === 'tuned' ? row.customised : !row.enabled)),
  );
  const off = allRows.filter((row) => !row.enabled).length;
  const tuned = allRows.filter((row) => row.customised).length;

  return (
    <>
      <PageHeader title="Settings" description="Your account, and for admins, who can use this Trailhound." />
      <SettingsTabs active="/settings/detection" isAdmin={canEdit} />
      {canEdit ? null : (
        <Alert tone="info" className="mb-6">
          You can read the detection settings; only admins can change them.
        </Alert>
      )}
      <div className="space-y-6">
        <Card aria-labelledby="sigma-heading">
          <CardHeader
            id="sigma-heading"
            title="Sigma rules"
            description={`${sigmaRules.length} imported. They run with the catalogue after each ingest, and their findings appear in the same feed.`}
          />
          {canEdit ? (
            <CardBody className="border-b border-line">
              <SigmaUploadForm />
            </CardBody>
          ) : null}
          {sigmaRules.length > 0 ? (
            <SigmaRulesTable rules={sigmaRules} canEdit={canEdit} />
          ) : (
            <CardBody>
              <p className="text-sm text-muted">
                No Sigma rules imported yet.{' '}
                {canEdit
                  ? 'Upload SigmaHQ cloudtrail rules above, or run '
                  : 'An admin can upload them, or run '}
                <code className="font-mono text-[13px]">npx trailhound rules import &lt;folder&gt;</code>.
              </p>
            </CardBody>
          )}
        </Card>

        <Card aria-labelledby="allow-heading">
          <CardHeader
            id="allow-heading"
            title="Allow-lists and business hours"
            description="Engine-wide: every rule that judges networks, accounts or time of day uses them, added to its own lists."
          />
          <CardBody>
            <AllowListsForm settings={detection} canEdit={canEdit} />
          </CardBody>
        </Card>

        <Card aria-labelledby="catalogue-heading">
          <CardHeader
            id="catalogue-heading"
            title="Catalogue rules"
            description={`${allRows.length} built-in rules · ${off} off · ${tuned} with saved settings. Open a rule to ${canEdit ? 'switch it or tune its thresholds' : 'see its thresholds'}.`}
          />
          <form method="get" className="flex flex-wrap items-end gap-3 border-b border-line px-5 py-3">
            <div className="space-y-1">
              <label htmlFor="catalogue-q" className="block text-[13px] font-medium text-muted">
                Search
              </label>
              <input
                id="catalogue-q"
                name="q"
                type="search"
                defaultValue={first(params.q)}
                placeholder="R12 or spraying"
                className={`${selectClasses} w-56 px-2.5`}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="catalogue-show" className="block text-[13px] font-medium text-muted">
                Show
              </label>
              <select
                id="catalogue-show"
                name="show"
                defaultValue={show}
                className={`${selectClasses} w-36 pl-2.5`}
              >
                <option value="all">All rules</option>
                <option value="tuned">With settings</option>
                <option value="off">Switched off</option>
              </select>
            </div>
            <button type="submit" className={buttonClasses('secondary', 'sm')}>
              Filter
            </button>
          </form>
          {rows.length > 0 ? (
            <CatalogueRulesTable rows={rows} canEdit={canEdit} />
          ) : (
            <CardBody>
              <p className="text-sm text-muted">No catalogue rule matches this filter.</p>
            </CardBody>
          )}
        </Card>
      </div>
    </>
  );
}
