import { createApiKeyEndpoint } from './apiKeys/createApiKey.js';
import { listApiKeysEndpoint } from './apiKeys/listApiKeys.js';
import { revokeApiKeyEndpoint } from './apiKeys/revokeApiKey.js';
import { listAuditEntriesEndpoint } from './audit/listAuditEntries.js';
import { getSession } from './auth/getSession.js';
import { getWhoami } from './auth/getWhoami.js';
import { postLogin } from './auth/postLogin.js';
import { postLogout } from './auth/postLogout.js';
import { postPassword } from './auth/postPassword.js';
import { postTotpSetup } from './auth/postTotpSetup.js';
import { postTotpDisable, postTotpEnable } from './auth/postTotpToggle.js';
import { createBankEndpoint } from './banks/createBank.js';
import { deleteBankEndpoint } from './banks/deleteBank.js';
import { exportBankEndpoint } from './banks/exportBank.js';
import { getBankEndpoint } from './banks/getBank.js';
import { importBankEndpoint } from './banks/importBank.js';
import { listBankEntriesEndpoint } from './banks/listBankEntries.js';
import { listBanksEndpoint } from './banks/listBanks.js';
import { updateBankEndpoint } from './banks/updateBank.js';
import { updateBankEntryEndpoint } from './banks/updateBankEntry.js';
import type { Endpoint } from './context.js';
import { getHealth } from './health/getHealth.js';
import { assignSubjectEndpoint, claimSubjectEndpoint, releaseSubjectEndpoint } from './hotline/claimSubject.js';
import { getAuthorityReportEndpoint, postAuthorityReportEndpoint } from './hotline/authorityReports.js';
import { getMediaContentEndpoint } from './hotline/getMediaContent.js';
import { getMetricsEndpoint } from './hotline/getMetrics.js';
import { exportExchangeEndpoint, importExchangeEndpoint } from './hotline/exchange.js';
import { getSubjectEndpoint } from './hotline/getSubject.js';
import { listQueueEndpoint } from './hotline/listQueue.js';
import { postCheckEndpoint } from './hotline/postCheck.js';
import { postDecisionEndpoint, reopenSubjectEndpoint } from './hotline/postDecision.js';
import { postNoticeEndpoint } from './hotline/postNotice.js';
import { postReportEndpoint } from './hotline/postReport.js';
import { createProviderEndpoint, deleteProviderEndpoint, importProvidersEndpoint, listProvidersEndpoint, updateProviderEndpoint } from './hotline/providers.js';
import { publicReportPages } from './hotline/publicReportPages.js';
import { postHashEndpoint } from './media/postHash.js';
import { postMatchEndpoint } from './media/postMatch.js';
import { postAnalyzeEndpoint } from './analysis/postAnalyze.js';
import { getItemEndpoint } from './items/getItem.js';
import { listItemsEndpoint } from './items/listItems.js';
import { postItemsEndpoint } from './items/postItems.js';
import { createUserEndpoint } from './users/createUser.js';
import { listUsersEndpoint } from './users/listUsers.js';
import { resetUserPasswordEndpoint } from './users/resetUserPassword.js';
import { updateUserEndpoint } from './users/updateUser.js';

/** Every endpoint of the API. A capability adds its endpoint files here. */
export const endpoints: Endpoint[] = [
  getHealth,
  postLogin,
  postLogout,
  postPassword,
  getSession,
  getWhoami,
  postTotpSetup,
  postTotpEnable,
  postTotpDisable,
  listUsersEndpoint,
  createUserEndpoint,
  updateUserEndpoint,
  resetUserPasswordEndpoint,
  listApiKeysEndpoint,
  createApiKeyEndpoint,
  revokeApiKeyEndpoint,
  listAuditEntriesEndpoint,
  postHashEndpoint,
  postMatchEndpoint,
  listBanksEndpoint,
  createBankEndpoint,
  getBankEndpoint,
  updateBankEndpoint,
  deleteBankEndpoint,
  listBankEntriesEndpoint,
  updateBankEntryEndpoint,
  importBankEndpoint,
  exportBankEndpoint,
  postItemsEndpoint,
  listItemsEndpoint,
  getItemEndpoint,
  postAnalyzeEndpoint,
  publicReportPages,
  postReportEndpoint,
  listQueueEndpoint,
  getSubjectEndpoint,
  claimSubjectEndpoint,
  releaseSubjectEndpoint,
  assignSubjectEndpoint,
  postDecisionEndpoint,
  reopenSubjectEndpoint,
  getMediaContentEndpoint,
  postNoticeEndpoint,
  postCheckEndpoint,
  listProvidersEndpoint,
  createProviderEndpoint,
  updateProviderEndpoint,
  deleteProviderEndpoint,
  importProvidersEndpoint,
  postAuthorityReportEndpoint,
  getAuthorityReportEndpoint,
  getMetricsEndpoint,
  exportExchangeEndpoint,
  importExchangeEndpoint,
];
