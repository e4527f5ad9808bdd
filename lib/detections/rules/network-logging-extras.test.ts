import { networkLoggingExtrasCases } from '@/tests/fixtures/cloudtrail/rule-cases/network-logging-extras';
import { runRuleCases } from '@/tests/fixtures/cloudtrail/rule-cases/run-cases';

runRuleCases(networkLoggingExtrasCases);
