import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { hasScopingCondition, parsePolicy } from '../helpers/policy';
import { at, requestOf, succeeded, targetName } from '../helpers/record';

const PUBLIC_ACL_RE = /^public-read(-write)?$|^authenticated-read$/;
const ALL_USERS_RE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const BLOCK_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

function publicReason(event: NormalizedEvent): string | null {
  const request = requestOf(event);
  switch (event.eventName) {
    case 'PutBucketPolicy': {
      const statements = parsePolicy(request?.bucketPolicy) ?? [];
      const open = statements.some(
        (statement) =>
          statement.effect === 'Allow' && statement.anyPrincipal && !hasScopingCondition(statement),
      );
      return open ? 'policy allows Principal "*"' : null;
    }
    case 'PutBucketAcl': {
      const canned = String(at(request, 'x-amz-acl') ?? '');
      if (PUBLIC_ACL_RE.test(canned.replace(/[[\]"]/g, ''))) return `ACL ${canned}`;
      return ALL_USERS_RE.test(JSON.stringify(request?.AccessControlPolicy ?? ''))
        ? 'ACL grants AllUsers'
        : null;
    }
    case 'DeleteBucketPublicAccessBlock':
    case 'DeleteAccountPublicAccessBlock':
      return 'public access block deleted';
    case 'PutBucketPublicAccessBlock':
    case 'PutAccountPublicAccessBlock': {
      const config = at(request, 'PublicAccessBlockConfiguration');
      const off = BLOCK_FLAGS.filter((flag) => String(at(config, flag)) === 'false');
      return off.length > 0 ? `public access block disabled (${off.join(', ')})` : null;
    }
    default:
      return null;
  }
}

export const bucketMadePublic = defineRule({
  id: 'R53',
  slug: 'bucket-made-public',
  title: 'Bucket or account opened to the public',
  severity: 'high',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.transferToCloudAccount,
  description:
    'A bucket policy allowing anyone (without an org/account condition), a public ACL, or a public access block removed or disabled.',
  triage: [
    'Check what the bucket holds.',
    'Restore the public access block.',
    'Review anonymous reads since.',
  ],
  falsePositives: ['Static-website buckets (use a CloudFront origin access control instead).'],
  references: [
    'Elastic exfiltration_s3_bucket_policy_added_for_public_access; Panther AWS.S3.DeletePublicAccessBlock',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (event.eventSource !== 's3.amazonaws.com' || !succeeded(event)) return false;
    const reason = publicReason(event);
    return reason
      ? { summary: `${targetName(event, 'bucketName')}: ${reason} by ${event.principalName}` }
      : false;
  },
  dedupParts: (event) => [targetName(event, 'bucketName')],
  summarize: (event) => `${targetName(event, 'bucketName')} opened to the public`,
});
