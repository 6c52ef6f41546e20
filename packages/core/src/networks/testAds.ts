// Invented templated ads for tests (no real person, phone or site).
export const DEMO_LIKE = [
  'Hola soy Lina, nueva en Bogotá. Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. Llama al 310 555 1234. Por pocos días.',
  'Hola soy Sofi, nueva en Medellín. Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. Llama al 310 555 1234. Por pocos días.',
  'Hola soy Vale, nueva en Cali. Tenemos nuevas chicas 24 horas, atención en hotel o domicilio. Llama al 310 555 1234. Por pocos días.',
  'Vendo bicicleta de montaña, poco uso, 200 dólares. Llamar por las tardes.',
];
