/** Invented ads for tests (es, en, pt). Phone numbers use fictional 555 ranges; no real person or site. */
export const ADS = {
  esRisky: {
    url: 'https://anuncios.ejemplo.test/bogota/123',
    title: 'Colegiala recién llegada',
    text: 'Nuevas chicas 24 horas. Llama al tres uno cero 555 12 34 o escribe a lola arroba ejemplo punto com',
    locationText: 'Bogotá',
    priceText: '150.000 COP',
    region: 'CO',
  },
  enRisky: {
    url: 'https://classifieds.example.test/nyc/987',
    title: 'New girls in town',
    text: 'Just turned 18, incall/outcall 24/7. Text me, telegram @sweetlily_test',
    region: 'US',
  },
  ptRisky: {
    url: 'https://www.classificados.exemplo.test/sp/55',
    title: 'Novinha recém chegada',
    text: 'Atendimento 24h, sem camisinha. WhatsApp (11) 98765-4321',
    region: 'BR',
  },
  esBenign: {
    url: 'https://anuncios.ejemplo.test/bogota/bici-7',
    title: 'Vendo bicicleta de montaña',
    text: 'Poco uso, 200 dólares. Llamar al 310 555 1234 por las tardes.',
    region: 'CO',
  },
  esJobLure: {
    url: 'https://empleos.ejemplo.test/oferta/42',
    title: 'Trabajo inmediato en el exterior',
    text: 'Solo mujeres, pasaje pagado, dinero rápido, sin experiencia. Escribe al WhatsApp 310 555 9876.',
    region: 'CO',
  },
} as const;

export const PHONE_ES_RISKY = '+573105551234';
