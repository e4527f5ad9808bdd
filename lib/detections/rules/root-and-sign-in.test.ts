import { rootAndSignInCases } from '@/tests/fixtures/cloudtrail/rule-cases/root-and-sign-in';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(rootAndSignInCases);
