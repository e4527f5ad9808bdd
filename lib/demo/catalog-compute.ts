import { type Catalog, type OpContext, readCall } from './catalog-shared';
import { isoSeconds } from './time';

const ECR_REGISTRY_ACCOUNT = (c: OpContext) => c.accountId;
const SERVICES = ['storefront-web', 'payments-api', 'checkout-worker', 'search-indexer'];
const FUNCTIONS = ['image-resizer', 'order-events-consumer', 'nightly-report', 'cognito-post-confirm'];
const TABLES = ['orders', 'carts', 'sessions', 'feature-flags'];
const STACKS = ['acme-network', 'acme-storefront', 'acme-observability', 'cdk-bootstrap'];

export const CATALOG_COMPUTE: Catalog = {
  'ecs:DescribeServices': readCall((c) => ({
    cluster: `${c.kind}-apps`,
    services: [c.rng.pick(SERVICES)],
    include: ['TAGS'],
  })),
  'ecs:ListTasks': readCall((c) => ({ cluster: `${c.kind}-apps`, serviceName: c.rng.pick(SERVICES) })),
  'ecs:DescribeTaskDefinition': readCall((c) => ({ taskDefinition: c.rng.pick(SERVICES) })),
  'ecs:UpdateService': {
    readOnly: false,
    params: (c) => {
      const service = c.rng.pick(SERVICES);
      return {
        cluster: `${c.kind}-apps`,
        service,
        taskDefinition: `${service}:${c.rng.range(40, 400)}`,
        forceNewDeployment: false,
      };
    },
    response: (c, p) => {
      const { service, taskDefinition } = p as { service: string; taskDefinition: string };
      return {
        service: {
          serviceArn: `arn:aws:ecs:${c.region}:${c.accountId}:service/${c.kind}-apps/${service}`,
          serviceName: service,
          clusterArn: `arn:aws:ecs:${c.region}:${c.accountId}:cluster/${c.kind}-apps`,
          status: 'ACTIVE',
          desiredCount: 3,
          taskDefinition: `arn:aws:ecs:${c.region}:${c.accountId}:task-definition/${taskDefinition}`,
          launchType: 'FARGATE',
          deploymentController: { type: 'ECS' },
        },
      };
    },
  },
  'ecs:DiscoverPollEndpoint': readCall((c) => ({ cluster: `${c.kind}-apps` })),
  'ecr:GetAuthorizationToken': readCall(() => null),
  'ecr:BatchGetImage': readCall((c) => ({
    registryId: ECR_REGISTRY_ACCOUNT(c),
    repositoryName: c.rng.pick(SERVICES),
    imageIds: [{ imageTag: `sha-${c.rng.hex(7)}` }],
    acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json'],
  })),
  'ecr:PutImage': {
    readOnly: false,
    params: (c) => ({
      registryId: ECR_REGISTRY_ACCOUNT(c),
      repositoryName: c.rng.pick(SERVICES),
      imageTag: `sha-${c.rng.hex(7)}`,
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    }),
    response: (c, p) => {
      const { repositoryName, imageTag } = p as { repositoryName: string; imageTag: string };
      return {
        image: {
          registryId: c.accountId,
          repositoryName,
          imageId: { imageDigest: `sha256:${c.rng.hex(64)}`, imageTag },
        },
      };
    },
  },
  'lambda:ListFunctions20150331': readCall(() => null),
  'lambda:GetFunction20150331v2': readCall((c) => ({ functionName: c.rng.pick(FUNCTIONS) })),
  'lambda:GetFunctionConfiguration20150331v2': readCall((c) => ({ functionName: c.rng.pick(FUNCTIONS) })),
  'lambda:UpdateFunctionCode20150331v2': {
    readOnly: false,
    params: (c) => ({
      functionName: c.rng.pick(FUNCTIONS),
      s3Bucket: 'acme-dev-build-artifacts',
      s3Key: `lambda/${c.rng.hex(12)}.zip`,
      publish: true,
      dryRun: false,
      architectures: ['arm64'],
    }),
    response: (c, p) => {
      const fn = (p as { functionName: string }).functionName;
      return {
        functionName: fn,
        functionArn: `arn:aws:lambda:${c.region}:${c.accountId}:function:${fn}`,
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        codeSize: c.rng.range(200_000, 9_000_000),
        lastModified: `${isoSeconds(c.time).slice(0, 19)}.000+0000`,
        version: String(c.rng.range(10, 90)),
        state: 'Pending',
      };
    },
  },
  'autoscaling:DescribeAutoScalingGroups': readCall(() => ({})),
  'elasticloadbalancing:DescribeLoadBalancers': readCall(() => ({})),
  'elasticloadbalancing:DescribeTargetHealth': readCall((c) => ({
    targetGroupArn: `arn:aws:elasticloadbalancing:${c.region}:${c.accountId}:targetgroup/${c.rng.pick(SERVICES)}/${c.rng.hex(16)}`,
  })),
  'rds:DescribeDBInstances': readCall(() => null),
  'rds:DescribeDBClusters': readCall(() => ({ includeShared: false })),
  'dynamodb:ListTables': readCall(() => null),
  'dynamodb:DescribeTable': readCall((c) => ({ tableName: `${c.kind}-${c.rng.pick(TABLES)}` })),
  'cloudformation:DescribeStacks': readCall((c) =>
    c.rng.chance(0.5) ? null : { stackName: c.rng.pick(STACKS) },
  ),
  'cloudformation:ListStacks': readCall(() => ({
    stackStatusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'],
  })),
  'cloudformation:DescribeStackEvents': readCall((c) => ({ stackName: c.rng.pick(STACKS) })),
  'monitoring:DescribeAlarms': readCall(() => ({ maxRecords: 100 })),
  'monitoring:DescribeAlarmHistory': readCall((c) => ({
    alarmName: `${c.rng.pick(SERVICES)}-5xx-rate`,
    historyItemType: 'StateUpdate',
  })),
  'monitoring:PutMetricAlarm': {
    readOnly: false,
    params: (c) => ({
      alarmName: `${c.rng.pick(SERVICES)}-p99-latency`,
      metricName: 'TargetResponseTime',
      namespace: 'AWS/ApplicationELB',
      statistic: 'p99',
      period: 60,
      evaluationPeriods: 5,
      threshold: 1.5,
      comparisonOperator: 'GreaterThanThreshold',
    }),
  },
  'logs:DescribeLogGroups': readCall(() => ({ limit: 50 })),
  'logs:FilterLogEvents': readCall((c) => ({
    logGroupName: `/ecs/${c.rng.pick(SERVICES)}`,
    startTime: c.time - 3_600_000,
    endTime: c.time,
    filterPattern: c.rng.pick(['ERROR', '"status=500"', 'timeout', '']),
    interleaved: true,
  })),
  'logs:StartQuery': {
    readOnly: true,
    params: (c) => ({
      logGroupNames: [`/ecs/${c.rng.pick(SERVICES)}`],
      startTime: Math.floor(c.time / 1000) - 3600,
      endTime: Math.floor(c.time / 1000),
      queryString:
        'fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 100',
    }),
    response: (c) => ({ queryId: c.rng.uuid() }),
  },
  'logs:CreateLogStream': {
    readOnly: false,
    params: (c) => ({
      logGroupName: `/aws/lambda/${c.rng.pick(FUNCTIONS)}`,
      logStreamName: `${isoSeconds(c.time).slice(0, 10).replace(/-/g, '/')}/[$LATEST]${c.rng.hex(32)}`,
    }),
  },
};
