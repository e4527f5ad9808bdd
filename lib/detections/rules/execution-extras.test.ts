import { executionExtrasCases } from '@/tests/fixtures/cloudtrail/rule-cases/execution-extras';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(executionExtrasCases);
