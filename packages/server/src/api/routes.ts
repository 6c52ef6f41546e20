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
import { createCaseEndpoint } from './cases/createCase.js';
import { createReferralEndpoint } from './cases/createReferral.js';
import { eraseCaseEndpoint } from './cases/eraseCase.js';
import { exportCasesEndpoint } from './cases/exportCases.js';
import { importCasesEndpoint } from './cases/importCases.js';
import { exportPersonDataEndpoint } from './cases/exportPersonData.js';
import { getAccessLogEndpoint } from './cases/getAccessLog.js';
import { getCaseEndpoint } from './cases/getCase.js';
import { getConsentEndpoint } from './cases/getConsent.js';
import { getVocabularyEndpoint } from './cases/getVocabulary.js';
import { addCaseLinkEndpoint } from './cases/addCaseLink.js';
import { listCaseLinksEndpoint } from './cases/listCaseLinks.js';
import { casesLinkedToEndpoint } from './cases/listCasesLinkedTo.js';
import { removeCaseLinkEndpoint } from './cases/removeCaseLink.js';
import { listCasesEndpoint } from './cases/listCases.js';
import { listReferralsEndpoint } from './cases/listReferrals.js';
import { recordConsentEndpoint } from './cases/recordConsent.js';
import { shareCaseEndpoint } from './cases/shareCase.js';
import { addCaseTaskEndpoint } from './cases/addCaseTask.js';
import { completeTaskEndpoint } from './cases/completeTask.js';
import { listCaseTasksEndpoint } from './cases/listCaseTasks.js';
import { listMyTasksEndpoint } from './cases/listMyTasks.js';
import { updateCaseEndpoint } from './cases/updateCase.js';
import { addOrganisationMemberEndpoint } from './organisations/addOrganisationMember.js';
import { createOrganisationEndpoint } from './organisations/createOrganisation.js';
import { listOrganisationsEndpoint } from './organisations/listOrganisations.js';
import { addTeamMemberEndpoint } from './organisations/addTeamMember.js';
import { createTeamEndpoint } from './organisations/createTeam.js';
import { listTeamsEndpoint } from './organisations/listTeams.js';
import { referralInboxEndpoint } from './referrals/referralInbox.js';
import { transitionReferralEndpoint } from './referrals/transitionReferral.js';
import { getPublicationCsvEndpoint } from './stats/getPublicationCsv.js';
import { listPublicationsEndpoint } from './stats/listPublications.js';
import { publishTableEndpoint } from './stats/publishTable.js';
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
import { exportNetworkEndpoint } from './networks/exportNetwork.js';
import { getClusterEndpoint } from './networks/getCluster.js';
import { getEntityEndpoint } from './networks/getEntity.js';
import { getNetworkEndpoint } from './networks/getNetwork.js';
import { listNetworksEndpoint } from './networks/listNetworks.js';
import { createUserEndpoint } from './users/createUser.js';
import { listUsersEndpoint } from './users/listUsers.js';
import { resetUserPasswordEndpoint } from './users/resetUserPassword.js';
import { updateUserEndpoint } from './users/updateUser.js';
import { listCrawlCapturesEndpoint } from './crawl/listCrawlCaptures.js';
import { listCrawlProfilesEndpoint } from './crawl/listCrawlProfiles.js';
import { listCrawlRunsEndpoint } from './crawl/listCrawlRuns.js';
import { saveCrawlProfileEndpoint } from './crawl/saveCrawlProfile.js';
import { startCrawlRunEndpoint } from './crawl/startCrawlRun.js';
import { updateCrawlRunEndpoint } from './crawl/updateCrawlRun.js';
import { exportEvidenceEndpoint } from './evidence/exportEvidence.js';

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
  // cases (#8)
  listCasesEndpoint, createCaseEndpoint, getCaseEndpoint, updateCaseEndpoint, eraseCaseEndpoint, exportPersonDataEndpoint, getAccessLogEndpoint, shareCaseEndpoint,
  getConsentEndpoint, recordConsentEndpoint, listReferralsEndpoint, createReferralEndpoint, transitionReferralEndpoint, referralInboxEndpoint,
  listCaseLinksEndpoint, addCaseLinkEndpoint, removeCaseLinkEndpoint, casesLinkedToEndpoint, listCaseTasksEndpoint, addCaseTaskEndpoint, completeTaskEndpoint, listMyTasksEndpoint,
  listOrganisationsEndpoint, createOrganisationEndpoint, addOrganisationMemberEndpoint, listTeamsEndpoint, createTeamEndpoint, addTeamMemberEndpoint,
  listPublicationsEndpoint, getPublicationCsvEndpoint, publishTableEndpoint, exportCasesEndpoint, importCasesEndpoint, getVocabularyEndpoint,
  listNetworksEndpoint,
  getNetworkEndpoint,
  exportNetworkEndpoint,
  getClusterEndpoint,
  getEntityEndpoint,
  listCrawlProfilesEndpoint,
  saveCrawlProfileEndpoint,
  listCrawlRunsEndpoint,
  startCrawlRunEndpoint,
  updateCrawlRunEndpoint,
  listCrawlCapturesEndpoint,
  exportEvidenceEndpoint,
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
