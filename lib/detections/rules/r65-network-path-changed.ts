import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { isCall, succeeded } from '../helpers/record';

const MIRRORING = new Set([
  'CreateTrafficMirrorSession',
  'CreateTrafficMirrorTarget',
  'CreateTrafficMirrorFilterRule',
]);
const ROUTING = new Set([
  'CreateRoute',
  'ReplaceRoute',
  'CreateInternetGateway',
  'AttachInternetGateway',
  'CreateVpcPeeringConnection',
  'AcceptVpcPeeringConnection',
]);
const NAMES = new Set([...MIRRORING, ...ROUTING]);

export const networkPathChanged = defineRule({
  id: 'R65',
  slug: 'network-path-changed',
  title: 'Traffic mirroring, route or gateway change',
  severity: 'low',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.networkBoundaryBridging,
  description:
    'A traffic-mirror session (full packet capture, medium) or a new route, internet gateway or peering connection (a new way in or out, low).',
  triage: ['Check the mirror target or the new route’s destination.'],
  falsePositives: ['Network engineering work, usually via IaC.'],
  references: [
    'Elastic exfiltration_ec2_full_network_packet_capture_detected; Sigma aws_cloudtrail_new_route_added',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (!isCall(event, 'ec2', NAMES) || !succeeded(event)) return false;
    return MIRRORING.has(event.eventName ?? '') ? { severity: 'medium' } : true;
  },
  summarize: (event) => `${event.eventName} by ${event.principalName} in ${event.awsRegion ?? '?'}`,
});
