// Demo data for cases, referrals and statistics: invented people only (every surname is "Ejemplo"), an invented
// shelter with a partner account, a supervisor, and one published table so the statistics page has something.
import type { Role } from '@centinela/core';
import { generatePassword } from '../auth/password.js';
import { createCase } from '../services/cases/caseService.js';
import { recordConsent } from '../services/cases/consentService.js';
import { addOrganisationMember, addTeamMember, createOrganisation, createTeam } from '../services/cases/organisationService.js';
import { createReferral } from '../services/cases/referralService.js';
import { systemActor, type ServiceDeps } from '../services/deps.js';
import { publishTable } from '../services/stats/statsService.js';
import { createUser } from '../services/userService.js';

const FIRST_NAMES = ['Aurora', 'Brisa', 'Celeste', 'Dalia', 'Estela', 'Flor', 'Gala', 'Iris', 'Jade', 'Luna', 'Marina', 'Nieve', 'Olivo', 'Prado', 'Río', 'Sauce'];
const GENDERS = ['Feminine', 'Feminine', 'Feminine', 'Masculine', 'Feminine', 'TransgenderFeminine'];
const FORMS = [['SexualExploitation'], ['ForcedLabour'], ['SexualExploitation', 'ForcedLabour'], ['ForcedBegging'], ['Servitude']];
const CITIZENSHIP = ['VE', 'CO', 'EC', 'PE', 'HN'];

export async function seedCasesDemo(deps: ServiceDeps): Promise<Array<{ email: string; roles: Role[]; password: string }>> {
  const accounts: Array<{ email: string; roles: Role[]; password: string }> = [];
  const user = async (email: string, displayName: string, roles: Role[]) => {
    const password = generatePassword();
    const { user: u } = await createUser(deps, systemActor, { email, displayName, roles, password, locale: 'es' });
    accounts.push({ email, roles, password });
    return u;
  };
  const caseworker = await deps.db.selectFrom('app_user').select('id').where('email', '=', 'caseworker@demo.centinela.local').executeTakeFirst();
  if (!caseworker) return accounts;
  const supervisor = await user('supervision@demo.centinela.local', 'Rosa Supervisora (demo)', ['supervisor']);
  const partner = await user('refugio@demo.centinela.local', 'Casa Refugio (demo)', ['partner']);
  const team = await createTeam(deps, systemActor, 'Equipo de atención (demo)');
  await addTeamMember(deps, systemActor, team.id, caseworker.id);
  await addTeamMember(deps, systemActor, team.id, supervisor.id);
  const shelter = await createOrganisation(deps, systemActor, { name: 'Casa Refugio Ejemplo (demo)', country: 'CO', services: ['shelter', 'psychosocial', 'health'], eligibility: { minAge: 18, notes: 'Mujeres adultas' } });
  await createOrganisation(deps, systemActor, { name: 'Asesoría Jurídica Ejemplo (demo)', country: 'CO', services: ['legal_aid', 'immigration'], eligibility: {} });
  await addOrganisationMember(deps, systemActor, shelter.id, partner.id);

  const viewer = { id: caseworker.id, roles: ['caseworker'] as Role[] };
  const year = deps.clock.now().getUTCFullYear();
  const ids: string[] = [];
  for (const [i, first] of FIRST_NAMES.entries()) {
    const registered = `${year - (i % 3)}-0${1 + (i % 9)}-1${i % 10}`;
    const view = await createCase(deps, systemActor, viewer, {
      case: { status: 'Active', registeredOn: registered },
      person: { firstName: first, secondName: 'Ejemplo', birthdate: String(year - 19 - ((i * 7) % 30)), gender: GENDERS[i % GENDERS.length], citizenship: [CITIZENSHIP[i % CITIZENSHIP.length]] },
      victim: { traffickingStatus: 'PossibleVictimOfTrafficking', typeOfExploitation: FORMS[i % FORMS.length], methodsOfControl: i % 2 ? ['DebtBondage'] : ['FalsePromises', 'WithholdsDocuments'] },
      events: [
        { type: 'Recruitment', date: `${year - 1 - (i % 3)}`, country: CITIZENSHIP[i % CITIZENSHIP.length] },
        { type: 'Exploitation', date: `${year - (i % 3)}`, country: i % 4 === 0 ? 'MX' : 'CO' },
      ],
    }, { teamId: team.id });
    ids.push(view.id);
  }
  const informed = { informedOfPurpose: true, informedOfDataUse: true, informedOfResearchUse: true, informedOfAccessRight: true, informedOfRetention: true, informedOfWithdrawal: true };
  await recordConsent(deps, systemActor, viewer, ids[0]!, { type: 'consent.given', baseVersion: 0, purposes: ['data_processing', 'referral_services'], givenBy: 'person', informed });
  await createReferral(deps, systemActor, viewer, ids[0]!, { toOrganisationId: shelter.id, kind: 'referral', purpose: 'support_services', reason: 'AdditionalServicesRequired', sharedFields: ['person.firstName', 'person.gender', 'victim.typeOfExploitation'] });
  await publishTable(deps, systemActor, { title: 'Casos por sexo (demo)', source: 'cases', dimensions: ['sex'], method: 'k-anonymity' });
  await publishTable(deps, systemActor, { title: 'Casos por forma de explotación y año (demo, privacidad diferencial)', source: 'cases', dimensions: ['exploitation', 'yearOfRegistration'], method: 'dp-geometric', epsilon: 1 });
  return accounts;
}
