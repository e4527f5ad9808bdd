import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';
import { s3AndDataCases } from '@/tests/fixtures/cloudtrail/rule-cases/s3-and-data';

runRuleCases(s3AndDataCases);
