import { keysAndIamCases } from '@/tests/fixtures/cloudtrail/rule-cases/keys-and-iam';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(keysAndIamCases);
