import { rolesAndDiscoveryCases } from '@/tests/fixtures/cloudtrail/rule-cases/roles-and-discovery';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(rolesAndDiscoveryCases);
