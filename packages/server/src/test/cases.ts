// Invented people for case tests. None of them exists; the names are planted so tests can look for them.
export const PLANTED_NAME = 'Zenobia Quillfeather';
export const PLANTED_DOCUMENT = 'PASSPORT-X9Q7-ZZ41';

export function caseRecord(overrides: { firstName?: string; secondName?: string; gender?: string; registeredOn?: string; status?: string; reasonForCaseClosure?: string } = {}) {
  return {
    case: {
      status: overrides.status ?? 'Active',
      registeredOn: overrides.registeredOn ?? '2026-03-14',
      ...(overrides.reasonForCaseClosure ? { reasonForCaseClosure: overrides.reasonForCaseClosure } : {}),
    },
    person: {
      firstName: overrides.firstName ?? 'Zenobia',
      secondName: overrides.secondName ?? 'Quillfeather',
      birthdate: '1999-07-02',
      gender: overrides.gender ?? 'Feminine',
      citizenship: ['VE'],
      identityNumber: PLANTED_DOCUMENT,
      mobilePhone: '+573005550199',
      mailingStreet: 'Calle Inventada 123',
    },
    victim: {
      traffickingStatus: 'ActualVictimOfTrafficking',
      traffickingStatusDecidedBy: 'NGO',
      typeOfExploitation: ['SexualExploitation'],
      methodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
      ageWhenTrafficked: 25,
    },
    events: [
      { type: 'Recruitment', date: '2025-01', country: 'VE', city: 'Maracaibo', description: 'Oferta de trabajo falsa en una red social' },
      { type: 'Exploitation', date: '2025-03', country: 'CO', street: 'Carrera Falsa 45' },
    ],
    comments: [{ text: `Entrevista inicial con ${PLANTED_NAME}` }],
  };
}

export const INFORMED = {
  informedOfPurpose: true,
  informedOfDataUse: true,
  informedOfResearchUse: true,
  informedOfAccessRight: true,
  informedOfRetention: true,
  informedOfWithdrawal: true,
};
