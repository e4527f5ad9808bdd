import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';
import { isCall } from '../helpers/record';

const NAMES = new Set(['SendCommand', 'StartSession']);

export const ssmCommandByNewPrincipal = defineRule({
  id: 'X01',
  slug: 'ssm-command-by-new-principal',
  title: 'SSM command or session by a principal that never used it',
  severity: 'medium',
  tactic: TACTICS.execution,
  technique: TECHNIQUES.cloudAdministrationCommand,
  description:
    'SendCommand or StartSession by a principal with no such call in the baseline window: remote execution on instances.',
  triage: ['Read the document and parameters sent.', 'Check the target instances.'],
  falsePositives: ['New operators, patching automation.'],
  references: ['Elastic execution_ssm_sendcommand_by_rare_user; Stratus ssm-send-command, ssm-start-session'],
  kind: 'firstSeen',
  feature: 'api',
  scope: 'principal',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) => isCall(event, 'ssm', NAMES) && event.principalType !== 'AWSService',
  value: (event) => event.eventName,
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [name]) => `${event.principalName} used ssm:${name} for the first time`,
});
