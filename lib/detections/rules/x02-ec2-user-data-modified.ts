import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { at, requestOf, succeeded, targetName, textAt } from '../helpers/record';

export const ec2UserDataModified = defineRule({
  id: 'X02',
  slug: 'ec2-user-data-modified',
  title: 'EC2 instance user data modified',
  severity: 'high',
  tactic: TACTICS.execution,
  technique: TECHNIQUES.cloudApi,
  description:
    'ModifyInstanceAttribute changed userData: the script runs as root at the next start (Stop, modify, Start).',
  triage: ['Decode the new user data.', 'Check for StopInstances/StartInstances around it.'],
  falsePositives: ['Configuration management updating bootstrap scripts.'],
  references: ['Sigma aws_ec2_startup_script_change; Stratus aws.execution.ec2-user-data'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 'ec2.amazonaws.com' || event.eventName !== 'ModifyInstanceAttribute')
      return false;
    const request = requestOf(event);
    return (
      succeeded(event) &&
      (at(request, 'userData') !== undefined || textAt(request, 'attribute') === 'userData')
    );
  },
  dedupParts: (event) => [targetName(event, 'instanceId')],
  summarize: (event) => `User data of ${targetName(event, 'instanceId')} changed by ${event.principalName}`,
});
