// MITRE ATT&CK (Enterprise) tactics and the techniques the catalogue maps to. Kept as data so a typo
// in a technique id is a compile error and the UI can link to attack.mitre.org without parsing.

export interface AttackRef {
  id: string;
  name: string;
}

export const TACTICS = {
  initialAccess: { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  privilegeEscalation: { id: 'TA0004', name: 'Privilege Escalation' },
  defenseEvasion: { id: 'TA0005', name: 'Defense Evasion' },
  credentialAccess: { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  lateralMovement: { id: 'TA0008', name: 'Lateral Movement' },
  collection: { id: 'TA0009', name: 'Collection' },
  exfiltration: { id: 'TA0010', name: 'Exfiltration' },
  impact: { id: 'TA0040', name: 'Impact' },
} as const satisfies Record<string, AttackRef>;

export const TECHNIQUES = {
  cloudAccounts: { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  bruteForce: { id: 'T1110', name: 'Brute Force' },
  passwordGuessing: { id: 'T1110.001', name: 'Brute Force: Password Guessing' },
  passwordSpraying: { id: 'T1110.003', name: 'Brute Force: Password Spraying' },
  accountManipulation: { id: 'T1098', name: 'Account Manipulation' },
  additionalCloudCredentials: { id: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' },
  additionalCloudRoles: { id: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' },
  deviceRegistration: { id: 'T1098.005', name: 'Account Manipulation: Device Registration' },
  createCloudAccount: { id: 'T1136.003', name: 'Create Account: Cloud Account' },
  modifyAuthentication: { id: 'T1556', name: 'Modify Authentication Process' },
  mfaModification: { id: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  trustModification: { id: 'T1484.002', name: 'Domain or Tenant Policy Modification: Trust Modification' },
  modifyCloudHierarchy: { id: 'T1666', name: 'Modify Cloud Resource Hierarchy' },
  disableCloudLogs: { id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' },
  disableCloudFirewall: { id: 'T1562.007', name: 'Impair Defenses: Disable or Modify Cloud Firewall' },
  disableTools: { id: 'T1562.001', name: 'Impair Defenses: Disable or Modify Tools' },
  applicationAccessToken: {
    id: 'T1550.001',
    name: 'Use Alternate Authentication Material: Application Access Token',
  },
  instanceMetadataApi: { id: 'T1552.005', name: 'Unsecured Credentials: Cloud Instance Metadata API' },
  credentialsInFiles: { id: 'T1552.001', name: 'Unsecured Credentials: Credentials In Files' },
  cloudSecretsStores: {
    id: 'T1555.006',
    name: 'Credentials from Password Stores: Cloud Secrets Management Stores',
  },
  stealAccessToken: { id: 'T1528', name: 'Steal Application Access Token' },
  temporaryElevatedAccess: {
    id: 'T1548.005',
    name: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access',
  },
  cloudAccountDiscovery: { id: 'T1087.004', name: 'Account Discovery: Cloud Account' },
  cloudInfrastructureDiscovery: { id: 'T1580', name: 'Cloud Infrastructure Discovery' },
  cloudServiceDiscovery: { id: 'T1526', name: 'Cloud Service Discovery' },
  cloudStorageDiscovery: { id: 'T1619', name: 'Cloud Storage Object Discovery' },
  dataFromCloudStorage: { id: 'T1530', name: 'Data from Cloud Storage' },
  transferToCloudAccount: { id: 'T1537', name: 'Transfer Data to Cloud Account' },
  dataDestruction: { id: 'T1485', name: 'Data Destruction' },
  dataEncryptedForImpact: { id: 'T1486', name: 'Data Encrypted for Impact' },
  inhibitRecovery: { id: 'T1490', name: 'Inhibit System Recovery' },
  unusedRegions: { id: 'T1535', name: 'Unused/Unsupported Cloud Regions' },
  modifyCloudCompute: { id: 'T1578', name: 'Modify Cloud Compute Infrastructure' },
  cloudVmConnections: { id: 'T1021.008', name: 'Remote Services: Direct Cloud VM Connections' },
  cloudAdministrationCommand: { id: 'T1651', name: 'Cloud Administration Command' },
  cloudApi: { id: 'T1059.009', name: 'Command and Scripting Interpreter: Cloud API' },
  eventTriggeredExecution: { id: 'T1546', name: 'Event Triggered Execution' },
  networkSniffing: { id: 'T1040', name: 'Network Sniffing' },
  networkBoundaryBridging: { id: 'T1599', name: 'Network Boundary Bridging' },
  accountAccessRemoval: { id: 'T1531', name: 'Account Access Removal' },
  cloudServiceHijacking: { id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' },
  financialTheft: { id: 'T1657', name: 'Financial Theft' },
} as const satisfies Record<string, AttackRef>;
