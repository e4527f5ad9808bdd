export { accountRisk, combine, LEARNING_DAYS } from './composite';
export {
  DEFAULT_WINDOW_DAYS,
  getAccountRisk,
  getDefaultScoreWindow,
  getPrincipalDailyScores,
  getPrincipalScore,
  listAccountRisks,
  listDayRanking,
  listPrincipalsByRisk,
} from './read';
export type * from './types';
export { ITEM_KINDS, SCORE_FEATURES } from './types';
