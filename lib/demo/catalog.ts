import { CATALOG_COMPUTE } from './catalog-compute';
import { CATALOG_EC2 } from './catalog-ec2';
import { CATALOG_IDENTITY } from './catalog-identity';
import type { Catalog, OpSpec } from './catalog-shared';

export const CATALOG: Catalog = { ...CATALOG_EC2, ...CATALOG_COMPUTE, ...CATALOG_IDENTITY };

export function opSpec(op: string): OpSpec {
  const spec = CATALOG[op];
  if (!spec) throw new Error(`demo catalog has no operation ${op}`);
  return spec;
}
