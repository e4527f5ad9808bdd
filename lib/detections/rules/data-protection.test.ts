import { dataProtectionCases } from '@/tests/fixtures/cloudtrail/rule-cases/data-protection';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(dataProtectionCases);
