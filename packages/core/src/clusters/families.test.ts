// Invented templated ads (es/en/pt) shared by the clustering tests. Never real data.
import { describe, expect, it } from 'vitest';
import type { Ad } from './types.js';

export const FAMILIES: Readonly<Record<string, string>> = {
  es: 'Hola caballeros, soy {n}, una chica alegre y cariñosa de {a} años. Estoy en {c} por pocos días, atiendo en un apartamento privado, limpio y discreto. Tarifa de {p} la hora, sin prisas ni sorpresas. Escríbeme al {t} y agenda tu cita con tiempo.',
  en: 'Hello gentlemen, my name is {n}, a classy and upbeat companion, {a} years young. Visiting {c} this week only, incall in a quiet and private suite downtown. Donation {p} per hour, no rush and no games. Text me at {t} to book ahead please.',
  pt: 'Oi amores, sou a {n}, uma mulher educada e muito carinhosa de {a} anos. Estou em {c} só esta semana, atendo em local reservado com estacionamento. Cachê de {p} a hora, sem pressa. Me chama no {t} e marque seu horário.',
  es2: 'Nueva agencia en {c}: chicas universitarias, fotos reales, servicio a hoteles y domicilios las veinticuatro horas. Pregunta por {n}, tiene {a} años y es muy simpática. Pagos en efectivo o transferencia, desde {p}. Reservas por whatsapp {t}.',
};

const NAMES = ['Maria', 'Ana Lucía', 'Sofia', 'Camila', 'Jessica', 'Kim', 'Bianca', 'Paula'];
const CITIES = ['Bogotá', 'Medellín', 'Miami', 'Houston', 'São Paulo', 'Curitiba', 'Lima', 'Madrid'];

/** Deterministic member `i` of a family: slots swapped; `edit` adds a small edit, `reorder` swaps two sentences. */
export function member(family: string, i: number, opts: { edit?: boolean; reorder?: boolean } = {}): string {
  const tpl = FAMILIES[family] as string;
  let text = tpl
    .replace('{n}', NAMES[i % NAMES.length] as string)
    .replace('{a}', String(19 + ((i * 7) % 13)))
    .replace('{c}', CITIES[(i * 3) % CITIES.length] as string)
    .replace('{p}', `$${120 + ((i * 37) % 200)}`)
    .replace('{t}', `+57 310 555 ${String(1000 + ((i * 7919) % 9000))}`);
  if (opts.edit === true) text = text.replace(/ (\S+) /, ' $1 muy ');
  if (opts.reorder === true) {
    const parts = text.split('. ');
    if (parts.length > 2) [parts[1], parts[2]] = [parts[2] as string, parts[1] as string];
    text = parts.join('. ');
  }
  return text;
}

/** Unrelated ads: each a different invented text (no shared sentence). */
export const UNRELATED: readonly string[] = [
  'Vendo bicicleta de montaña rodado veintinueve, frenos de disco, poco uso, entrego en el centro con factura original.',
  'Apartment for rent near the university, two bedrooms, hardwood floors, laundry in the basement, pets considered.',
  'Aulas particulares de matemática e física para o ensino médio, professora com experiência, horários flexíveis à tarde.',
  'Se buscan cocineros con experiencia para restaurante de comida típica, turno noche, contrato indefinido y buen ambiente.',
  'Lost grey cat around Maple street, answers to the name of Whiskers, very shy, reward offered for any information.',
];

export function familyAds(family: string, count: number, prefix = family): Ad[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, text: member(family, i, { edit: i % 4 === 3 }) }));
}

describe('test families', () => {
  it('are deterministic and vary their slots', () => {
    expect(member('es', 1)).toBe(member('es', 1));
    expect(member('es', 1)).not.toBe(member('es', 2));
    expect(member('en', 4, { reorder: true })).not.toBe(member('en', 4));
  });
});
