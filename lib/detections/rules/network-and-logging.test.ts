import { networkAndLoggingCases } from '@/tests/fixtures/cloudtrail/rule-cases/network-and-logging';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(networkAndLoggingCases);
