import { systemActor, type ServiceDeps } from '../services/deps.js';
import { saveProvider } from '../services/hotline/providerService.js';
import { fileReport } from '../services/hotline/reportService.js';

/**
 * Hotline demo: an invented hosting provider for the demo ads' site and three invented reports (a public one
 * saying a child seems involved, a duplicate of it written differently, and a partner one), so the queue is
 * not empty on first start. Invented URLs under .test only; no files.
 */
export async function seedHotlineDemo(deps: ServiceDeps): Promise<void> {
  await saveProvider(deps, systemActor, {
    name: 'Alojamiento Ejemplo S.A. (demo)',
    domains: ['anuncios.ejemplo.test', 'empleos.ejemplo.test'],
    abuseEmail: 'abuse@alojamiento.example',
    country: 'CO',
    language: 'es',
  });
  await fileReport(deps, null, systemActor, {
    channel: 'public',
    url: 'https://anuncios.ejemplo.test/bogota/demo-101',
    platform: 'classifieds',
    description: 'Anuncio inventado para la demostración: dice «recién cumplidos 18», parece menor.',
    childInvolved: true,
    anonymous: true,
    language: 'es',
  });
  await fileReport(deps, null, systemActor, {
    channel: 'public',
    url: 'HTTPS://Anuncios.Ejemplo.Test/bogota/demo-101?utm_source=demo#fotos',
    description: 'Invented demo report of the same ad.',
    childInvolved: false,
    anonymous: true,
    language: 'en',
  });
  await fileReport(deps, null, systemActor, {
    channel: 'partner',
    url: 'https://empleos.ejemplo.test/oferta/demo-7',
    description: 'Invented partner report: a job offer abroad with travel paid and documents held by the agency.',
    childInvolved: false,
    anonymous: true,
    language: 'en',
  });
}
