import { iamPrivilegeCases } from '@/tests/fixtures/cloudtrail/rule-cases/iam-privilege';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(iamPrivilegeCases);
