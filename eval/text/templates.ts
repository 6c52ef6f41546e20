// Template banks of the invented ads: per language and family, phrases with the indicator ids they express.
// Labels follow README.md ("Labelling rules"): a phrase carries an indicator when a careful reader would say it
// expresses that indicator in this ad, whatever the lexicon happens to contain.
// Placeholders: {city} {name} {age} {brand} {price} and entities {P} phone, {E} e-mail, {H} handle, {U} link, {W} wallet.
import type { Kind, Lang } from './dataset.js';

/** [text, ...indicator ids]. */
export type Phrase = readonly [string, ...string[]];

export interface FamilyBank {
  kind: Kind;
  suspicious: 0 | 1;
  /** Ads to generate per language. */
  count: number;
  openers: readonly Phrase[];
  body: readonly Phrase[];
  /** How many body phrases (min, max). */
  bodyCount: readonly [number, number];
  contact: readonly Phrase[];
  /** Optional extra contact lines (each ad takes one with probability `extraRate`). */
  extra?: readonly Phrase[];
  extraRate?: number;
  /** Whether hidden-character / look-alike evasion may be applied to an indicator phrase. */
  evasion?: boolean;
}

export interface LangBank {
  regions: readonly string[];
  cities: Readonly<Record<string, readonly string[]>>;
  prices: Readonly<Record<string, readonly string[]>>;
  names: readonly string[];
  brands: readonly string[];
  families: readonly FamilyBank[];
}

// Indicator id shorthands.
const NEW = 'third-party.new-girls';
const WE = 'third-party.we-have';
const PL = 'third-party.plural-verbs';
const OUR = 'third-party.our-girls';
const CHOICE = 'third-party.choice-of-women';
const SHE = 'third-party.she-is';
const UNPROT = 'services.unprotected';
const NOLIM = 'services.no-limits';
const FULL = 'services.full-service';
const INOUT = 'location.incall-outcall';
const H24 = 'availability.24-7';
const NOW = 'availability.now';
const NAT = 'nationality.offered';
const SLANG = 'contact.app-slang';
const PRIV = 'contact.private-message';
const MSGONLY = 'contact.messages-only';
const INIMG = 'contact.number-in-image';
const NEWTOWN = 'movement.new-in-town';
const FEWDAYS = 'movement.few-days';
const MANAGER = 'control.manager';
const AGENCY = 'control.agency';
const DRIVER = 'control.driver';
const LANGBAR = 'control.language-barrier';
const PAY3 = 'control.payment-to-third';
const ONSITE = 'control.lives-onsite';
const MONEY = 'recruit.quick-money';
const NOEXP = 'recruit.no-experience';
const IMMED = 'recruit.immediate';
const WOMEN = 'recruit.women-only';
const AGES = 'recruit.age-range';
const TRAVEL = 'recruit.travel-paid';
const ABROAD = 'recruit.abroad';
const WAONLY = 'recruit.whatsapp-only';
const HOUSING = 'recruit.housing';
const VAGUE = 'recruit.vague-role';
const DOCS = 'recruit.documents';
const UNDER18 = 'youth.stated-age-under-18';
const JUST18 = 'youth.just-18';
const SCHOOL = 'youth.schoolgirl';
const CHILD = 'youth.child-terms';
const YOUNG = 'youth.young-terms';
const DIMIN = 'youth.age-diminutive';
const VIRGIN = 'youth.virgin';
const EMOJI = 'youth.emoji';

// ------------------------------------------------------------------------------------------------------ Spanish

const ES: LangBank = {
  regions: ['CO', 'MX', 'ES', 'PE'],
  cities: {
    CO: ['Medellín', 'Cali', 'Bogotá', 'Cartagena'],
    MX: ['Guadalajara', 'Monterrey', 'Puebla', 'Cancún'],
    ES: ['Madrid', 'Valencia', 'Sevilla', 'Bilbao'],
    PE: ['Lima', 'Arequipa', 'Trujillo', 'Cusco'],
  },
  prices: {
    CO: ['$150.000', '$200.000', '$350.000'],
    MX: ['$1,500', '$2,200', '$900'],
    ES: ['150 €', '90 euros', '200 €'],
    PE: ['S/ 200', 'S/ 350', 'S/ 120'],
  },
  names: ['Valeria', 'Camila', 'Luna', 'Sofía', 'Daniela', 'Mariana', 'Paola', 'Ximena', 'Lorena', 'Natalia', 'Andrea', 'Karen'],
  brands: ['Diamante', 'Golden', 'Fantasía', 'Élite', 'Paraíso'],
  families: [
    {
      kind: 'managed-escort',
      suspicious: 1,
      count: 22,
      evasion: true,
      openers: [
        ['Nuevas chicas en {city}.', NEW],
        ['Tenemos chicas nuevas esta semana en {city}.', WE, NEW],
        ['Agencia {brand} en {city}: las mejores acompañantes.', AGENCY],
        ['Te presentamos a nuestras modelos en {city}.', WE, OUR],
        ['Casa de citas en el centro de {city}.', AGENCY],
        ['Chicas nuevas cada semana, elige tu chica en nuestro catálogo.', NEW, CHOICE],
      ],
      body: [
        ['Varias chicas para elegir: venezolanas, colombianas y dominicanas.', CHOICE, NAT],
        ['Ella es {name}, {age} años, muy cariñosa y complaciente.', SHE],
        ['Atendemos en hoteles y domicilios.', PL, INOUT],
        ['Recibimos en apartamento privado y discreto.', PL, INOUT],
        ['Servicio sin condón con costo adicional.', UNPROT],
        ['Sin límites, hacen todo lo que pidas.', NOLIM],
        ['{name} no habla español, es nueva en el país.', LANGBAR, NEWTOWN],
        ['Te la llevamos a tu hotel en 30 minutos.', DRIVER, INOUT],
        ['Pago al encargado al llegar.', PAY3, MANAGER],
        ['Citas con mi manager por mensaje.', MANAGER],
        ['Disponibles las 24 horas.', H24],
        ['Recién llegadas a {city}, solo por pocos días.', NEWTOWN, FEWDAYS],
        ['Las chicas viven en la casa y atienden todo el día.', OUR, ONSITE, H24],
        ['Chicas latinas y europeas, para todos los gustos.', NAT, CHOICE],
        ['Transporte incluido a cualquier zona.', DRIVER],
        ['Nuestras chicas son discretas y educadas.', OUR],
        ['Ofrecemos servicio completo y trato de novios.', WE, FULL],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Escríbenos al WhatsApp {P}.', PL],
        ['Reservas al wsp {P}.', SLANG],
        ['Info: {P} (solo mensajes, no llamadas).', MSGONLY],
        ['Llámanos al {P}.', PL],
        ['Citas por Telegram, {H:telegram}.'],
        ['Fotos reales en {U}. Contacto {P}.'],
        ['Número en las fotos, escríbenos al interno.', INIMG, PRIV, PL],
      ],
      extra: [['Pagos también en cripto: {W}.'], ['Síguenos: {H}.', PL], ['Correo: {E}.']],
      extraRate: 0.4,
    },
    {
      kind: 'youth-escort',
      suspicious: 1,
      count: 14,
      evasion: true,
      openers: [
        ['Jovencita de 18 añitos recién llegada a {city}.', YOUNG, DIMIN, NEWTOWN],
        ['Colegiala traviesa, recién cumplidos 18.', SCHOOL, JUST18],
        ['Soy {name}, tengo 17 y busco caballeros generosos.', UNDER18],
        ['Chiquilla muy joven con carita de niña.', YOUNG],
        ['Virgen, nunca lo ha hecho, 18 años.', VIRGIN],
        ['Niñas nuevas en la casa 🍒🎀', CHILD, NEW, EMOJI],
        ['Lolita de 18 primaveritas en {city}.', CHILD, DIMIN],
      ],
      body: [
        ['Uniforme escolar disponible.', SCHOOL],
        ['Muy jovencita, pequeñita y aniñada.', YOUNG],
        ['Recibo en mi apartamento.', INOUT],
        ['Sin condón para clientes conocidos.', UNPROT],
        ['🍭🧸', EMOJI],
        ['Ella está disponible ahora mismo.', SHE, NOW],
      ],
      bodyCount: [1, 3],
      contact: [['Escríbeme al {P}.'], ['Mi número: {P}.'], ['Solo mensajes al {P}.', MSGONLY], ['Telegram: {H:telegram}.'], ['wasap {P}', SLANG]],
      extra: [['Más fotos: {H}.'], ['Regalos en cripto: {W}.']],
      extraRate: 0.3,
    },
    {
      kind: 'independent-escort',
      suspicious: 0,
      count: 18,
      openers: [
        ['Hola, soy {name}, {age} años, independiente en {city}.'],
        ['{name}, masajista independiente en {city}.'],
        ['Soy {name}, mujer madura y elegante de {city}.'],
      ],
      body: [
        ['Recibo en mi apartamento privado.', INOUT],
        ['Voy a tu hotel o domicilio.', INOUT],
        ['Disponible hoy desde las 6 pm.', NOW],
        ['Nueva en la ciudad.', NEWTOWN],
        ['Solo mayores de edad, no menores.'],
        ['Trato de novios, discreción total.'],
        ['Servicio completo con protección.', FULL],
        ['Tarifa: {price}.'],
        ['Atiendo de lunes a sábado de 10 a 22 h.'],
        ['Fotos 100% reales.'],
      ],
      bodyCount: [2, 4],
      contact: [['Escríbeme al {P}.'], ['WhatsApp {P}.'], ['Sígueme en {H}.'], ['Mi correo: {E}.'], ['Más fotos en {U}.']],
      extra: [['También en {H}.'], ['Llámame al {P}.']],
      extraRate: 0.35,
    },
    {
      kind: 'deceptive-recruitment',
      suspicious: 1,
      count: 16,
      openers: [
        ['Se buscan señoritas para trabajo en el exterior.', WOMEN, ABROAD],
        ['Trabajo inmediato para chicas de 18 a 25 años.', IMMED, WOMEN, AGES],
        ['Oportunidad en el exterior: modelos webcam.', ABROAD, VAGUE],
        ['Se necesitan anfitrionas para bar en {city}.', VAGUE],
        ['Gana hasta 5.000 dólares al mes.', MONEY],
        ['Empleo para señoritas, trabajo en Estados Unidos.', WOMEN, ABROAD],
      ],
      body: [
        ['Dinero rápido, pago diario.', MONEY],
        ['No se requiere experiencia.', NOEXP],
        ['Pasaje pagado y alojamiento incluido.', TRAVEL, HOUSING],
        ['Te hacemos los papeles y la visa.', DOCS, PL],
        ['Te prestamos para el viaje y lo pagas con tu trabajo.', DOCS, PL],
        ['Requisitos: señoritas de 18 a 24 años.', WOMEN, AGES],
        ['Hospedaje incluido y comida.', HOUSING],
        ['Inicio inmediato, viaje pagado.', IMMED, TRAVEL],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Interesadas escribir al WhatsApp {P}.', WAONLY],
        ['Info solo por WhatsApp: {P}.', WAONLY],
        ['Más información por interno.', WAONLY, PRIV],
        ['Envía tus fotos al {P}.'],
        ['Telegram {H:telegram}.'],
      ],
    },
    {
      kind: 'job',
      suspicious: 0,
      count: 12,
      openers: [
        ['Panadería en {city} busca ayudante de cocina.'],
        ['Se solicita conductor con licencia para reparto.'],
        ['Empresa de limpieza contrata personal.'],
        ['Colegio privado busca profesora de inglés.'],
        ['Restaurante busca meseros y meseras.'],
        ['Se busca niñera para cuidar a dos niñas de 4 y 6 años.'],
      ],
      body: [
        ['Ofrecemos contrato indefinido y prestaciones de ley.', WE],
        ['Sin experiencia, te capacitamos.', NOEXP, PL],
        ['Inicio inmediato.', IMMED],
        ['Horario de lunes a viernes, salario según experiencia.'],
        ['Requisito: bachillerato terminado y referencias.'],
        ['Pago quincenal por transferencia.'],
      ],
      bodyCount: [1, 3],
      contact: [['Envía tu hoja de vida a {E}.'], ['Llama al {P} de 8 a 17 h.'], ['Más información en {U}.']],
    },
    {
      kind: 'classified',
      suspicious: 0,
      count: 14,
      openers: [
        ['Vendo bicicleta de montaña rodado 29, poco uso, {price}. Llamar al {P}.'],
        ['Arriendo habitación amoblada cerca de la universidad, {price} mensuales. Info {P}.'],
        ['Plomero y electricista 24 horas, servicio a domicilio. {P}', H24],
        ['Perdimos a nuestra perrita Nala en el parque. Ella es blanca con manchas café. Recompensa. {P}', PL],
        ['Clases de guitarra para niños y adultos. Primera clase gratis. {E}'],
        ['Se vende Chevrolet Spark 2015, 80.000 km, papeles al día. {P}'],
        ['Tortas y postres por encargo, pedidos al {P} o {H}.'],
        ['Vendo portátil, acepto pago en cripto: {W}'],
        ['Concierto el 12/08/2025, entradas desde {price}. Reservas {P}.'],
        ['Reparación de celulares, pantallas desde {price}. Estamos en la calle 45 # 12-30. {P}', PL],
        ['Comida venezolana y colombiana a domicilio, arepas y empanadas. {P}'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [[''], ['Más fotos en {U}.'], ['También por {H}.']],
    },
    {
      kind: 'hard-negative',
      suspicious: 0,
      count: 8,
      openers: [
        ['Discoteca {brand}: prohibido menores de edad. Solo mayores de 18 con identificación.'],
        ['La policía rescató a cinco menores de edad en un operativo contra la trata en {city}.'],
        ['Campaña: si te ofrecen trabajo en el exterior con pasaje pagado y alojamiento incluido, desconfía. Línea gratuita {P}.'],
        ['Usa siempre condón: el sexo sin protección transmite infecciones. Pruebas gratuitas, llámanos al {P}.', PL],
        ['Charla para padres: cómo proteger a las niñas y niños en internet. Inscripciones en {U}.'],
        ['Vendo uniforme escolar talla 10 y zapatos negros, {price}. {P}'],
        ['Nuestra agencia de viajes ofrece tours a Cartagena con hoteles incluidos. {E}'],
        ['Un estudio encontró que frases como «recién llegada» no predicen casos de trata.'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [['']],
    },
  ],
};

// ------------------------------------------------------------------------------------------------------ English

const EN: LangBank = {
  regions: ['US', 'CA', 'AU'],
  cities: {
    US: ['Houston', 'Miami', 'Chicago', 'Atlanta'],
    CA: ['Toronto', 'Vancouver', 'Montreal', 'Ottawa'],
    AU: ['Sydney', 'Melbourne', 'Perth', 'Brisbane'],
  },
  prices: { US: ['$200', '$150', '$300'], CA: ['$250', '$180', '$400'], AU: ['$300', '$220', '$350'] },
  names: ['Jasmine', 'Amber', 'Crystal', 'Destiny', 'Brooke', 'Kayla', 'Mia', 'Chloe', 'Bella', 'Skye'],
  brands: ['Diamond', 'Velvet', 'Paradise', 'Royal', 'Sapphire'],
  families: [
    {
      kind: 'managed-escort',
      suspicious: 1,
      count: 22,
      evasion: true,
      openers: [
        ['New girls every week in {city}.', NEW],
        ['We have new Asian girls, just arrived.', WE, NEW, NAT, NEWTOWN],
        ['{brand} Spa: our ladies are waiting for you.', AGENCY, OUR],
        ['Escort agency in {city}, pick your girl.', AGENCY, CHOICE],
        ['Fresh girls at our massage parlor in {city}.', NEW, AGENCY],
      ],
      body: [
        ['Several girls to choose from: Latina, Thai and Korean.', CHOICE, NAT],
        ['She is {age}, sweet and very open minded.', SHE],
        ['We do incall and outcall.', PL, INOUT],
        ['No condom for extra.', UNPROT],
        ['No limits, anything you want.', NOLIM],
        ['Little English, very friendly.', LANGBAR],
        ['My driver brings her to your hotel.', DRIVER, INOUT],
        ['Pay the manager at the door.', PAY3, MANAGER],
        ['Booking through my manager only.', MANAGER],
        ['Open 24/7.', H24],
        ['In town only this week.', FEWDAYS],
        ['The girls live on site.', OUR, ONSITE],
        ['Transport included to any hotel.', DRIVER, INOUT],
        ['We offer full service GFE.', WE, FULL],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Text us at {P}.', PL],
        ['Call or text {P}.'],
        ['{P} text only, no calls.', MSGONLY],
        ['Whats {P}', SLANG],
        ['Bookings on Telegram, {H:telegram}.'],
        ['Number in pics. DM for rates.', INIMG, PRIV],
      ],
      extra: [['Tips in crypto welcome: {W}'], ['Follow us {H}', PL], ['Email {E}']],
      extraRate: 0.4,
    },
    {
      kind: 'youth-escort',
      suspicious: 1,
      count: 14,
      evasion: true,
      openers: [
        ['Just turned 18 and ready to play.', JUST18],
        ['Barely legal teen, petite and fresh.', YOUNG],
        ["Schoolgirl fantasy, I'm 17.", SCHOOL, UNDER18],
        ['Sweet little girl, 18 years young.', CHILD, DIMIN],
        ['Virgin, never been touched.', VIRGIN],
        ['Cheerleader type with a baby face 🎀🍭', SCHOOL, YOUNG, EMOJI],
        ['Very young and fresh, just arrived in {city}.', YOUNG, NEWTOWN],
      ],
      body: [
        ['School uniform available.', SCHOOL],
        ['Petite young body.', YOUNG],
        ['Incall only.', INOUT],
        ['Bareback available.', UNPROT],
        ['🍒🧸', EMOJI],
        ['She is available now.', SHE, NOW],
      ],
      bodyCount: [1, 3],
      contact: [['Text me {P}.'], ['My number: {P}.'], ['Texts only {P}.', MSGONLY], ['Snap me 👻 {H:snapchat}', SLANG], ['Telegram: {H:telegram}.']],
      extra: [['More pics: {H}.'], ['Gifts in crypto: {W}']],
      extraRate: 0.3,
    },
    {
      kind: 'independent-escort',
      suspicious: 0,
      count: 18,
      openers: [
        ["Hi, I'm {name}, {age}, independent companion in {city}."],
        ['{name}, mature and classy companion in {city}.'],
        ['{name} here, independent massage therapist in {city}.'],
      ],
      body: [
        ['Incall in my private apartment.', INOUT],
        ['Outcall to hotels only.', INOUT],
        ['Available now.', NOW],
        ['New in town.', NEWTOWN],
        ['18+ only, no minors.'],
        ['Safe and discreet, protection always.'],
        ['Rates: {price}.'],
        ['GFE and massage.', FULL],
        ['Monday to Saturday, 10am to 10pm.'],
        ['Real photos, no surprises.'],
      ],
      bodyCount: [2, 4],
      contact: [['Call or text {P}.'], ['Email {E}.'], ['Follow me: {H}.'], ['More pics at {U}.'], ['Text {P}.']],
      extra: [['Also on {H}.'], ['Or call {P}.']],
      extraRate: 0.35,
    },
    {
      kind: 'deceptive-recruitment',
      suspicious: 1,
      count: 16,
      openers: [
        ['Hostess wanted for clubs abroad.', VAGUE, ABROAD],
        ['Girls wanted for dancing jobs in Dubai.', WOMEN, VAGUE, ABROAD],
        ['Models wanted, earn up to $5,000 a week.', VAGUE, MONEY],
        ['Urgent hiring: young women wanted for hotel jobs overseas.', IMMED, WOMEN, ABROAD],
        ['Webcam models wanted, room provided.', VAGUE, HOUSING],
      ],
      body: [
        ['No experience needed.', NOEXP],
        ['Fast cash, paid daily.', MONEY],
        ['Flights paid and free accommodation.', TRAVEL, HOUSING],
        ['We arrange your visa and passport.', DOCS, PL],
        ['Ages 18-24 only.', AGES],
        ['Start immediately.', IMMED],
        ['Loan for travel, pay it back from your earnings.', DOCS],
        ['Females only, attractive and outgoing.', WOMEN],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Details on WhatsApp only: {P}.', WAONLY],
        ['Apply via WhatsApp {P}.', WAONLY],
        ['DM for details.', WAONLY, PRIV],
        ['Send photos to {E}.'],
        ['Telegram {H:telegram}.'],
      ],
    },
    {
      kind: 'job',
      suspicious: 0,
      count: 12,
      openers: [
        ['Bakery in {city} hiring a kitchen assistant.'],
        ['Delivery driver needed, own car required.'],
        ['Cleaning company hiring full-time staff.'],
        ['Nanny wanted for two little girls, ages 4 and 6.'],
        ['High school math tutor needed.'],
        ['Warehouse associates wanted, day and night shifts.'],
      ],
      body: [
        ['We offer competitive pay and benefits.', WE],
        ['No experience necessary, we will train.', NOEXP, PL],
        ['Start immediately.', IMMED],
        ['Monday to Friday, 9 to 5.'],
        ['Background check required.'],
        ['Paid every two weeks by direct deposit.'],
      ],
      bodyCount: [1, 3],
      contact: [['Send your resume to {E}.'], ['Call {P} between 9 and 5.'], ['Apply at {U}.']],
    },
    {
      kind: 'classified',
      suspicious: 0,
      count: 14,
      openers: [
        ['Selling a mountain bike, 29er, barely used, {price}. Call {P}.'],
        ['Room for rent near campus, {price}/month, utilities included. {P}'],
        ['24 hour plumber and electrician, home visits. {P}', H24],
        ['Lost dog near the park. She is white with brown spots. Reward! {P}'],
        ['Guitar lessons for kids and adults, first lesson free. {E}'],
        ['2015 Honda Civic, 80,000 km, clean title. {P}'],
        ['Homemade cakes to order. Message {H}.'],
        ['Laptop for sale, payment in BTC accepted: {W}'],
        ['Concert tickets for 12/08/2025, {price} each. {P}'],
        ['Phone repair, screens from {price}. We are at 45 Main St, Unit 12. {P}', PL],
        ['Thai and Korean food delivery, call {P}.'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [[''], ['More photos at {U}.'], ['Also on {H}.']],
    },
    {
      kind: 'hard-negative',
      suspicious: 0,
      count: 8,
      openers: [
        ['Club {brand} rules: no minors, 21+ only, ID required.'],
        ['Police rescued five underage girls in an anti-trafficking operation in {city}, officials said.'],
        ['Warning: a job abroad with free travel and housing provided may be a scam. Call the hotline {P}.'],
        ['Always use a condom: unprotected sex spreads STIs. Free testing, call us at {P}.', PL],
        ['Workshop for parents on keeping little girls and boys safe online. Register at {U}.'],
        ['School uniform for sale, size 10, {price}. {P}'],
        ['Our travel agency offers tours with hotels included. {E}'],
        ['Researchers found that ads saying "new in town" were not more likely to involve trafficking.'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [['']],
    },
  ],
};

// --------------------------------------------------------------------------------------------------- Portuguese

const PT: LangBank = {
  regions: ['BR', 'PT'],
  cities: {
    BR: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Salvador'],
    PT: ['Lisboa', 'Porto', 'Braga', 'Faro'],
  },
  prices: { BR: ['R$ 300', 'R$ 250', 'R$ 500'], PT: ['150 €', '100 euros', '200 €'] },
  names: ['Ana', 'Bianca', 'Larissa', 'Júlia', 'Camila', 'Letícia', 'Yasmin', 'Bruna', 'Rafaela', 'Isadora'],
  brands: ['Diamante', 'Ouro', 'Paraíso', 'Estrela', 'Luxo'],
  families: [
    {
      kind: 'managed-escort',
      suspicious: 1,
      count: 22,
      evasion: true,
      openers: [
        ['Meninas novas em {city}.', NEW],
        ['Temos garotas novas toda semana.', WE, NEW],
        ['Agência {brand}: as melhores acompanhantes de {city}.', AGENCY],
        ['Apresentamos nossas modelos em {city}.', WE, OUR],
        ['Casa de massagem no centro de {city}.', AGENCY],
        ['Privê com várias meninas, escolha a sua.', AGENCY, CHOICE],
      ],
      body: [
        ['Várias meninas: venezuelanas, paraguaias e colombianas.', CHOICE, NAT],
        ['Ela é {name}, {age} anos, muito carinhosa.', SHE],
        ['Atendemos em motéis e hotéis.', PL, INOUT],
        ['Recebemos em local próprio e discreto.', PL, INOUT],
        ['Sem camisinha com valor a combinar.', UNPROT],
        ['Sem frescura, fazem tudo que você quiser.', NOLIM],
        ['{name} não fala português, só espanhol.', LANGBAR],
        ['Levamos ela até o seu hotel.', DRIVER, INOUT, PL],
        ['Pagamento com o responsável na chegada.', PAY3, MANAGER],
        ['Agendamento com meu empresário.', MANAGER],
        ['Atendimento 24 horas.', H24],
        ['Recém-chegadas, só esta semana.', NEWTOWN, FEWDAYS],
        ['As meninas moram na casa.', OUR, ONSITE],
        ['Transporte incluso para qualquer bairro.', DRIVER],
        ['Oferecemos programa completo.', WE, FULL],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Chama no zap {P}.', SLANG],
        ['Agende pelo WhatsApp {P}.'],
        ['{P} só mensagem, não atendo ligação.', MSGONLY],
        ['Ligue para nós: {P}.', PL],
        ['Agenda pelo Telegram, {H:telegram}.'],
        ['Número nas fotos, chama no privado.', INIMG, PRIV],
      ],
      extra: [['Aceitamos pix e cripto: {W}', PL], ['Siga a gente: {H}'], ['E-mail: {E}']],
      extraRate: 0.4,
    },
    {
      kind: 'youth-escort',
      suspicious: 1,
      count: 14,
      evasion: true,
      openers: [
        ['Novinha de 18 aninhos recém chegada em {city}.', YOUNG, DIMIN, NEWTOWN],
        ['Acabei de fazer 18, bem novinha.', JUST18, YOUNG],
        ['Ninfetinha safada com carinha de menina.', CHILD, YOUNG],
        ['Colegial de uniforme, tenho 16.', SCHOOL, UNDER18],
        ['Virgem, nunca fez programa.', VIRGIN],
        ['Garotinha meiga 🍭🎀', YOUNG, EMOJI],
      ],
      body: [
        ['Uniforme escolar para fantasias.', SCHOOL],
        ['Corpo de menina, bem nova.', YOUNG],
        ['Tenho local.', INOUT],
        ['Sem capa para clientes fixos.', UNPROT],
        ['🍒🧸', EMOJI],
        ['Ela está disponível agora.', SHE, NOW],
      ],
      bodyCount: [1, 3],
      contact: [['Me chama no {P}.'], ['Meu número: {P}.'], ['Só mensagem {P}.', MSGONLY], ['Telegram: {H:telegram}.'], ['zap {P}', SLANG]],
      extra: [['Mais fotos: {H}.'], ['Mimos em cripto: {W}']],
      extraRate: 0.3,
    },
    {
      kind: 'independent-escort',
      suspicious: 0,
      count: 18,
      openers: [
        ['Oi, sou a {name}, {age} anos, acompanhante independente em {city}.'],
        ['{name}, massagista independente em {city}.'],
        ['Sou a {name}, mulher madura e elegante de {city}.'],
      ],
      body: [
        ['Atendo em local próprio.', INOUT],
        ['Vou até você, hotel ou residência.', INOUT],
        ['Disponível hoje.', NOW],
        ['Nova na cidade.', NEWTOWN],
        ['Só maiores de 18, nada de menores.'],
        ['Atendimento sempre com preservativo.'],
        ['Cachê: {price}.'],
        ['Segunda a sábado das 10h às 22h.'],
        ['Fotos reais, sem surpresas.'],
      ],
      bodyCount: [2, 4],
      contact: [['WhatsApp {P}.'], ['Me chama no {P}.'], ['Insta {H:instagram}.'], ['E-mail: {E}.'], ['Mais fotos em {U}.']],
      extra: [['Também no {H}.'], ['Ou ligue {P}.']],
      extraRate: 0.35,
    },
    {
      kind: 'deceptive-recruitment',
      suspicious: 1,
      count: 16,
      openers: [
        ['Procuramos meninas para trabalho na Suíça.', WOMEN, ABROAD, PL],
        ['Vaga urgente para moças de 18 a 25 anos.', IMMED, WOMEN, AGES],
        ['Oportunidade no exterior: modelo webcam.', ABROAD, VAGUE],
        ['Precisa-se de recepcionistas para boate em {city}.', VAGUE],
        ['Ganhe até 5 mil euros por mês.', MONEY],
      ],
      body: [
        ['Dinheiro rápido, pagamento diário.', MONEY],
        ['Não precisa de experiência.', NOEXP],
        ['Passagem paga e moradia inclusa.', TRAVEL, HOUSING],
        ['Cuidamos do passaporte e do visto.', DOCS, PL],
        ['Trabalho na Espanha com tudo pago.', ABROAD],
        ['Adiantamos a passagem, você paga com o trabalho.', DOCS, PL],
        ['Requisitos: mulheres de 18 a 24 anos.', WOMEN, AGES],
        ['Início imediato.', IMMED],
      ],
      bodyCount: [2, 4],
      contact: [
        ['Interessadas chamar no WhatsApp {P}.', WAONLY],
        ['Informações só pelo WhatsApp: {P}.', WAONLY],
        ['Detalhes no privado.', WAONLY, PRIV],
        ['Envie fotos para {E}.'],
        ['Telegram {H:telegram}.'],
      ],
    },
    {
      kind: 'job',
      suspicious: 0,
      count: 12,
      openers: [
        ['Padaria em {city} contrata auxiliar de cozinha.'],
        ['Precisa-se de motorista com CNH para entregas.'],
        ['Empresa de limpeza contrata diaristas.'],
        ['Procura-se babá para cuidar de duas meninas.'],
        ['Escola particular contrata professora de inglês para o ensino médio.'],
      ],
      body: [
        ['Oferecemos carteira assinada e vale-transporte.', WE],
        ['Sem experiência, nós treinamos.', NOEXP, PL],
        ['Início imediato.', IMMED],
        ['Segunda a sexta, horário comercial.'],
        ['Salário compatível com o mercado.'],
      ],
      bodyCount: [1, 3],
      contact: [['Currículo para {E}.'], ['Ligue {P} em horário comercial.'], ['Vagas em {U}.']],
    },
    {
      kind: 'classified',
      suspicious: 0,
      count: 14,
      openers: [
        ['Vendo bicicleta aro 29, pouco uso, {price}. Tratar {P}.'],
        ['Alugo quarto mobiliado perto da faculdade, {price} por mês. {P}'],
        ['Encanador e eletricista 24 horas, atendimento a domicílio. {P}', H24],
        ['Perdemos nossa cachorrinha Mel. Ela é branca com manchas marrons. Recompensa! {P}', PL],
        ['Aulas de violão para crianças e adultos. {E}'],
        ['Vendo Gol 2015, 80.000 km, documentação em dia. {P}'],
        ['Bolos caseiros por encomenda, pedidos {H}.'],
        ['Notebook à venda, aceito bitcoin: {W}'],
        ['Ingressos para 12/08/2025, {price} cada. {P}'],
        ['Conserto de celulares, telas a partir de {price}. Estamos na Rua das Flores, 120. {P}', PL],
        ['Comida japonesa e coreana, delivery pelo {P}.'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [[''], ['Mais fotos em {U}.'], ['Também no {H}.']],
    },
    {
      kind: 'hard-negative',
      suspicious: 0,
      count: 8,
      openers: [
        ['Boate {brand}: proibida a entrada de menores de idade. Só maiores de 18 com documento.'],
        ['A polícia resgatou cinco menores de idade em operação contra o tráfico de pessoas em {city}.'],
        ['Atenção: proposta de trabalho no exterior com passagem paga e moradia inclusa pode ser golpe. Disque {P}.'],
        ['Use sempre camisinha: sexo sem proteção transmite ISTs. Testes gratuitos, ligue {P}.'],
        ['Palestra para pais: como proteger meninas e meninos na internet. Inscrições em {U}.'],
        ['Vendo uniforme escolar tamanho 10, {price}. {P}'],
        ['Nossa agência de viagens oferece pacotes com hotéis inclusos. {E}'],
        ['Estudo mostra que anúncios com "nova na cidade" não indicam tráfico.'],
      ],
      body: [],
      bodyCount: [0, 0],
      contact: [['']],
    },
  ],
};

export const BANKS: Readonly<Record<Lang, LangBank>> = { es: ES, en: EN, pt: PT };
