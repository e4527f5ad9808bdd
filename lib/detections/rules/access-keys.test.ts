import { accessKeyCases } from '@/tests/fixtures/cloudtrail/rule-cases/access-keys';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(accessKeyCases);
