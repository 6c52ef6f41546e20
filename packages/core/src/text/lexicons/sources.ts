// Citation strings for indicator sources. Only publications the team is confident exist are cited; everything
// else is marked as team judgement so that nobody mistakes a guess for evidence.

export const TEAM = 'practitioner-reported (team judgement)';

export const POLARIS_2017 =
  'Polaris (2017). The Typology of Modern Slavery: Defining Sex and Labor Trafficking in the United States';

export const IBANEZ_SUTHERS_2014 =
  'Ibanez & Suthers (2014). Detection of domestic human trafficking indicators and movement trends using content ' +
  'available on open internet sources. HICSS-47';

export const DUBRAWSKI_2015 =
  'Dubrawski, Miller, Barnes, Boecking & Kennedy (2015). Leveraging publicly available data to discern patterns of ' +
  'human-trafficking activity. Journal of Human Trafficking 1(1)';

export const LATONERO_2011 =
  'Latonero (2011). Human Trafficking Online: The Role of Social Networking Sites and Online Classifieds. ' +
  'USC Annenberg Center on Communication Leadership & Policy';

export const ILO_2009 = 'ILO & European Commission (2009). Operational indicators of trafficking in human beings';

export const UNODC_GLOTIP_2020 = "UNODC. Global Report on Trafficking in Persons 2020 (traffickers' use of the internet)";

export const UNODC_INDICATORS = 'UNODC. Human Trafficking Indicators (leaflet)';

export const OSCE_2020 =
  'OSCE & Tech Against Trafficking (2020). Leveraging innovation to fight trafficking in human beings: ' +
  'a comprehensive analysis of technology tools';

export const MOVEMENT_NOT_PREDICTIVE =
  'Issue #4: a 2024 study of ads from known cases found movement language not predictive (full citation to be ' +
  'added); originally proposed by Ibanez & Suthers (2014) — weighted near zero';

export const cite = (...sources: string[]): string => sources.join('; ');
