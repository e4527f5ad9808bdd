// The catalogue. Typed as Record<RuleId, Rule>, so a rule id without a rule (or a misspelt key) does
// not compile; registry.test.ts checks that each entry's own id matches its key.

import { rootCredentialUsage } from './rules/r01-root-credential-usage';
import { rootConsoleLogin } from './rules/r02-root-console-login';
import { rootConsoleBruteForce } from './rules/r03-root-console-brute-force';
import { rootAccessKeyCreated } from './rules/r04-root-access-key-created';
import { rootPasswordRecovery } from './rules/r05-root-password-recovery';
import { rootLoginProfileCreated } from './rules/r06-root-login-profile-created';
import { accountContactOrRegionChange } from './rules/r07-account-contact-or-region-change';
import { billingOrAccountClosure } from './rules/r08-billing-or-account-closure';
import { leaveOrganization } from './rules/r09-leave-organization';
import { passwordPolicyWeakened } from './rules/r10-password-policy-weakened';
import { consoleLoginWithoutMfa } from './rules/r11-console-login-without-mfa';
import { consolePasswordSpraying } from './rules/r12-console-password-spraying';
import { consoleLoginMultipleCountries } from './rules/r13-console-login-multiple-countries';
import { mfaDeviceRemoved } from './rules/r14-mfa-device-removed';
import { mfaRegisteredWithSessionToken } from './rules/r15-mfa-registered-with-session-token';
import { getSigninTokenAbuse } from './rules/r16-get-signin-token-abuse';
import { accessKeyForAnotherUser } from './rules/r17-access-key-for-another-user';
import { keyEnumerationThenCreation } from './rules/r18-key-enumeration-then-creation';
import { newAccessKeyUsedQuickly } from './rules/r19-new-access-key-used-quickly';
import { accessKeyStatusChanged } from './rules/r20-access-key-status-changed';
import { longTermKeyNewSourceIp } from './rules/r21-long-term-key-new-source-ip';
import { sessionTokenMultipleSources } from './rules/r22-session-token-multiple-sources';
import { compromisedKeyQuarantine } from './rules/r23-compromised-key-quarantine';
import { sessionTokenByIamUser } from './rules/r24a-session-token-by-iam-user';
import { federationTokenFirstUse } from './rules/r24b-federation-token-first-use';
import { administratorAccessAttached } from './rules/r25-administrator-access-attached';
import { inlineWildcardPolicy } from './rules/r26-inline-wildcard-policy';
import { policyVersionSwapped } from './rules/r27-policy-version-swapped';
import { roleTrustBackdoored } from './rules/r28a-role-trust-backdoored';
import { trustPolicyPrincipalEnumeration } from './rules/r28b-trust-policy-principal-enumeration';
import { adminUserCreatedChain } from './rules/r29-admin-user-created-chain';
import { permissionsBoundaryChanged } from './rules/r30-permissions-boundary-changed';
import { identityProviderChanged } from './rules/r31-identity-provider-changed';
import { loginProfileForAnotherUser } from './rules/r32-login-profile-for-another-user';
import { privilegedRoleNewCaller } from './rules/r33-privileged-role-new-caller';
import { assumeRoleNewCountry } from './rules/r34-assume-role-new-country';
import { assumeRoleThenSensitiveAction } from './rules/r35-assume-role-then-sensitive-action';
import { roleChaining } from './rules/r37-role-chaining';
import { roleUsedWithSeveralAgents } from './rules/r38-role-used-with-several-agents';
import { serviceRoleUsedByHuman } from './rules/r39-service-role-used-by-human';
import { instanceCredentialsOutsideAws } from './rules/r40-instance-credentials-outside-aws';
import { discoveryBurst } from './rules/r42-discovery-burst';
import { accessDeniedRecon } from './rules/r43-access-denied-recon';
import { newServicesForPrincipal } from './rules/r44-new-services-for-principal';
import { unusedRegionWrite } from './rules/r45-unused-region-write';
import { firstGetCallerIdentity } from './rules/r46a-first-get-caller-identity';
import { trufflehogKeyCheck } from './rules/r46b-trufflehog-key-check';
import { offensiveToolUserAgent } from './rules/r47-offensive-tool-user-agent';
import { firstBucketListing } from './rules/r49-first-bucket-listing';
import { bulkS3Download } from './rules/r50-bulk-s3-download';
import { sensitiveBucketNewPrincipal } from './rules/r51-sensitive-bucket-new-principal';
import { credentialFilesFromS3 } from './rules/r52-credential-files-from-s3';
import { bucketMadePublic } from './rules/r53-bucket-made-public';
import { bucketSharedExternalAccount } from './rules/r54-bucket-shared-external-account';
import { bucketReplicationConfigured } from './rules/r55-bucket-replication-configured';
import { transferAccelerationEnabled } from './rules/r56-transfer-acceleration-enabled';
import { datasyncFirstUse } from './rules/r57-datasync-first-use';
import { s3DataProtectionTampering } from './rules/r58-s3-data-protection-tampering';
import { s3MassDelete } from './rules/r59a-s3-mass-delete';
import { s3SseCEncryptionBurst } from './rules/r59b-s3-sse-c-encryption-burst';
import { ransomNoteUploaded } from './rules/r59c-ransom-note-uploaded';
import { snapshotOrImageShared } from './rules/r60-snapshot-or-image-shared';
import { ingressOpenToWorld } from './rules/r61-ingress-open-to-world';
import { egressRestrictionsRemoved } from './rules/r62-egress-restrictions-removed';
import { newPermissiveSecurityGroup } from './rules/r63-new-permissive-security-group';
import { naclAllowAll } from './rules/r64-nacl-allow-all';
import { networkPathChanged } from './rules/r65-network-path-changed';
import { cloudtrailImpaired } from './rules/r66-cloudtrail-impaired';
import { securityToolingDisabled } from './rules/r67-security-tooling-disabled';
import { cloudtrailInsight } from './rules/r68-cloudtrail-insight';
import { ssmCommandByNewPrincipal } from './rules/x01-ssm-command-by-new-principal';
import { ec2UserDataModified } from './rules/x02-ec2-user-data-modified';
import { ec2InstanceConnectKeyPushed } from './rules/x03-ec2-instance-connect-key-pushed';
import { lambdaPermissionPublicOrExternal } from './rules/x04-lambda-permission-public-or-external';
import { lambdaCodeOrLayerChanged } from './rules/x05-lambda-code-or-layer-changed';
import { lambdaUrlWithoutAuth } from './rules/x06-lambda-url-without-auth';
import { secretsMassRetrieval } from './rules/x07-secrets-mass-retrieval';
import { ssmParametersDecrypted } from './rules/x08-ssm-parameters-decrypted';
import { ec2PasswordDataRetrieved } from './rules/x09-ec2-password-data-retrieved';
import { instanceUserDataEnumeration } from './rules/x10-instance-user-data-enumeration';
import { ecsTaskCredentialTheft } from './rules/x11-ecs-task-credential-theft';
import { cloudshellEnvironmentCreated } from './rules/x12-cloudshell-environment-created';
import type { Rule, RuleId } from './types';

export const RULES: Record<RuleId, Rule> = {
  R01: rootCredentialUsage,
  R02: rootConsoleLogin,
  R03: rootConsoleBruteForce,
  R04: rootAccessKeyCreated,
  R05: rootPasswordRecovery,
  R06: rootLoginProfileCreated,
  R07: accountContactOrRegionChange,
  R08: billingOrAccountClosure,
  R09: leaveOrganization,
  R10: passwordPolicyWeakened,
  R11: consoleLoginWithoutMfa,
  R12: consolePasswordSpraying,
  R13: consoleLoginMultipleCountries,
  R14: mfaDeviceRemoved,
  R15: mfaRegisteredWithSessionToken,
  R16: getSigninTokenAbuse,
  R17: accessKeyForAnotherUser,
  R18: keyEnumerationThenCreation,
  R19: newAccessKeyUsedQuickly,
  R20: accessKeyStatusChanged,
  R21: longTermKeyNewSourceIp,
  R22: sessionTokenMultipleSources,
  R23: compromisedKeyQuarantine,
  R24a: sessionTokenByIamUser,
  R24b: federationTokenFirstUse,
  R25: administratorAccessAttached,
  R26: inlineWildcardPolicy,
  R27: policyVersionSwapped,
  R28a: roleTrustBackdoored,
  R28b: trustPolicyPrincipalEnumeration,
  R29: adminUserCreatedChain,
  R30: permissionsBoundaryChanged,
  R31: identityProviderChanged,
  R32: loginProfileForAnotherUser,
  R33: privilegedRoleNewCaller,
  R34: assumeRoleNewCountry,
  R35: assumeRoleThenSensitiveAction,
  R37: roleChaining,
  R38: roleUsedWithSeveralAgents,
  R39: serviceRoleUsedByHuman,
  R40: instanceCredentialsOutsideAws,
  R42: discoveryBurst,
  R43: accessDeniedRecon,
  R44: newServicesForPrincipal,
  R45: unusedRegionWrite,
  R46a: firstGetCallerIdentity,
  R46b: trufflehogKeyCheck,
  R47: offensiveToolUserAgent,
  R49: firstBucketListing,
  R50: bulkS3Download,
  R51: sensitiveBucketNewPrincipal,
  R52: credentialFilesFromS3,
  R53: bucketMadePublic,
  R54: bucketSharedExternalAccount,
  R55: bucketReplicationConfigured,
  R56: transferAccelerationEnabled,
  R57: datasyncFirstUse,
  R58: s3DataProtectionTampering,
  R59a: s3MassDelete,
  R59b: s3SseCEncryptionBurst,
  R59c: ransomNoteUploaded,
  R60: snapshotOrImageShared,
  R61: ingressOpenToWorld,
  R62: egressRestrictionsRemoved,
  R63: newPermissiveSecurityGroup,
  R64: naclAllowAll,
  R65: networkPathChanged,
  R66: cloudtrailImpaired,
  R67: securityToolingDisabled,
  R68: cloudtrailInsight,
  X01: ssmCommandByNewPrincipal,
  X02: ec2UserDataModified,
  X03: ec2InstanceConnectKeyPushed,
  X04: lambdaPermissionPublicOrExternal,
  X05: lambdaCodeOrLayerChanged,
  X06: lambdaUrlWithoutAuth,
  X07: secretsMassRetrieval,
  X08: ssmParametersDecrypted,
  X09: ec2PasswordDataRetrieved,
  X10: instanceUserDataEnumeration,
  X11: ecsTaskCredentialTheft,
  X12: cloudshellEnvironmentCreated,
};

export function getRule(id: RuleId): Rule {
  return RULES[id];
}
