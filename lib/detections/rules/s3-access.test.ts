import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';
import { s3AccessCases } from '@/tests/fixtures/cloudtrail/rule-cases/s3-access';

runRuleCases(s3AccessCases);
