/**
 * Invented ads for the demo, in Spanish, English and Portuguese: a templated family that shares a phone across
 * cities, a job lure, ordinary classifieds as contrast. No real person, phone, site or ad: numbers are in
 * fictional 555 ranges and every domain ends in `.test`.
 */
export const DEMO_ADS = [
  {
    url: 'https://anuncios.ejemplo.test/bogota/1001',
    title: 'Colegiala recién llegada, nuevas chicas',
    text: 'Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. Llama al tres uno cero 555 12 34. Por pocos días.',
    locationText: 'Bogotá',
    priceText: '150.000 COP',
    region: 'CO',
    capturedAt: '2026-11-01T10:00:00Z',
  },
  {
    url: 'https://anuncios.ejemplo.test/medellin/1002',
    title: 'Nuevas chicas venezolanas recién llegadas',
    text: 'Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. Llama al 310 555 1234. Por pocos días.',
    locationText: 'Medellín',
    priceText: '160.000 COP',
    region: 'CO',
    capturedAt: '2026-11-08T10:00:00Z',
  },
  {
    url: 'https://anuncios.ejemplo.test/cali/1003',
    title: 'Nuevas chicas en Cali',
    text: 'Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. WhatsApp wa.me/573105551234. Por pocos días.',
    locationText: 'Cali',
    priceText: '150.000 COP',
    region: 'CO',
    capturedAt: '2026-11-15T10:00:00Z',
  },
  {
    url: 'https://empleos.ejemplo.test/oferta/2001',
    title: 'Trabajo inmediato en el exterior',
    text: 'Solo mujeres, pasaje pagado, dinero rápido, sin experiencia. Escribe al WhatsApp 310 555 9876.',
    locationText: 'Pereira',
    region: 'CO',
    capturedAt: '2026-11-10T09:00:00Z',
  },
  {
    url: 'https://classifieds.example.test/houston/3001',
    title: 'New girls in town, just turned 18',
    text: 'Sweet new girls available 24/7, incall/outcall. Text only, my manager books. Telegram @demo_lily_test',
    locationText: 'Houston, TX',
    region: 'US',
    capturedAt: '2026-11-12T20:00:00Z',
  },
  {
    url: 'https://classificados.exemplo.test/sp/4001',
    title: 'Novinha recém chegada',
    text: 'Atendimento 24h, sem camisinha. Temos meninas novas. WhatsApp (11) 95555-4321',
    locationText: 'São Paulo',
    region: 'BR',
    capturedAt: '2026-11-14T22:00:00Z',
  },
  {
    url: 'https://anuncios.ejemplo.test/bogota/5001',
    title: 'Vendo bicicleta de montaña',
    text: 'Poco uso, 200 dólares. Llamar al 310 555 1234 por las tardes.',
    locationText: 'Bogotá',
    region: 'CO',
    capturedAt: '2026-11-02T15:00:00Z',
  },
  {
    url: 'https://classifieds.example.test/toronto/6001',
    title: 'Experienced plumber, fair prices',
    text: 'Licensed plumber with 10 years of experience. Call 416 555 0142 for a free quote.',
    locationText: 'Toronto',
    region: 'CA',
    capturedAt: '2026-11-05T08:00:00Z',
  },
] as const;
