// Spanish indicator patterns (Latin America and Spain). Written by the team; every phrase is invented or common
// usage, none copied from another project. Bump `version` on every change.
import { buildLexicon, NOT_AFTER_TIME_WORD, NOT_A_PERSONS_AGE } from './build.js';

export const ES_LEXICON = buildLexicon('es', '1.0.1', {
  'youth.minor-explicit': {
    words: ['menor de edad', 'menores de edad', 'chica menor', 'chicas menores', 'niña menor', 'de menor edad'],
    regex: ['menorcit(?:a|as|o|os)'],
  },
  'youth.stated-age-under-18': {
    regex: [
      `1[0-7]${NOT_AFTER_TIME_WORD} ?(?:anos|anitos|abriles|primaveras)${NOT_A_PERSONS_AGE}`,
      `tengo 1[0-7](?![0-9])${NOT_A_PERSONS_AGE}`,
      'edad:? 1[0-7](?![0-9])',
    ],
  },
  'youth.just-18': {
    words: [
      'recién cumplidos 18',
      'recién cumplí 18',
      'recién cumplí los 18',
      '18 recién cumplidos',
      '18 años recién cumplidos',
      'acabo de cumplir 18',
      'acabo de cumplir los 18',
      'apenas 18',
      'apenas cumplí 18',
      'recién cumplida la mayoría de edad',
      'recién salida del colegio',
    ],
  },
  'youth.schoolgirl': {
    words: ['uniforme escolar', 'uniforme de colegio', 'estudiante de secundaria', 'estudiante de bachillerato', 'de colegio'],
    regex: ['colegial(?:a|as|ita|itas)'],
  },
  'youth.child-terms': {
    words: ['lolita', 'lolitas', 'niña', 'niñas', 'niñita', 'niñitas', 'pollita', 'pollitas', 'carne fresca'],
  },
  'youth.young-terms': {
    words: ['jovencita', 'jovencitas', 'chiquilla', 'chiquillas', 'muy joven', 'muy jovencita', 'carita de niña', 'cuerpo de niña', 'aniñada', 'pequeñita', 'teen', 'teens'],
  },
  'youth.age-diminutive': {
    regex: ['1[89] ?(?:anitos|abrilitos|primaveritas)'],
  },
  'youth.virgin': {
    words: ['virgen', 'virgencita', 'sin estrenar', 'nunca lo ha hecho'],
  },

  'third-party.new-girls': {
    words: ['nuevas chicas', 'chicas nuevas', 'chica nueva', 'nueva chica', 'nuevas señoritas', 'señoritas nuevas', 'nuevas modelos', 'modelos nuevas', 'nuevas nenas', 'nuevo personal'],
  },
  'third-party.we-have': {
    words: ['tenemos', 'contamos con', 'ofrecemos', 'les ofrecemos', 'te ofrecemos', 'disponemos de', 'te presentamos', 'les presentamos'],
  },
  'third-party.plural-verbs': {
    // "-emos"/"-imos" verb endings, minus common adjectives and nouns with the same ending.
    regex: [
      '(?!(?:extremos|supremos|postremos|blasfemos|memos|remos|temos|primos|mimos|racimos|animos|minimos|maximos|ultimos|optimos|intimos|proximos|legitimos|centimos|decimos|sublimos|opimos|pesimos|carisimos|riquisimos|buenisimos|lindisimos|bellisimos|guapisimos|hermosisimos|finisimos)(?![a-z]))[a-z]{2,}(?:emos|imos)',
    ],
    words: ['estamos', 'somos', 'contamos', 'esperamos', 'buscamos', 'brindamos', 'aceptamos', 'trabajamos', 'llevamos', 'enviamos'],
  },
  'third-party.our-girls': {
    words: ['nuestras chicas', 'nuestras señoritas', 'nuestras modelos', 'nuestras damas', 'nuestras nenas', 'nuestro staff', 'nuestro personal', 'las chicas'],
  },
  'third-party.choice-of-women': {
    words: ['varias chicas', 'muchas chicas', 'escoge tu chica', 'elige tu chica', 'elige a tu chica', 'escoge a tu chica', 'catálogo', 'gran variedad de chicas', 'chicas para todos los gustos', 'para todos los gustos'],
  },
  'third-party.she-is': {
    words: ['ella es', 'ella tiene', 'ella atiende', 'ella está', 'la chica es', 'esta chica', 'esta nena'],
  },

  'services.unprotected': {
    words: ['sin condón', 'sin condones', 'sin preservativo', 'sin protección', 'sin forro', 'al natural', 'a pelo', 'oral natural', 'natural completo', 'todo natural'],
  },
  'services.no-limits': {
    words: ['sin límites', 'sin tabúes', 'sin tabú', 'todo lo que quieras', 'todo lo que pidas', 'lo que tú quieras', 'hago de todo', 'complaciente en todo', 'sin restricciones'],
  },
  'services.full-service': {
    words: ['servicio completo', 'completita', 'completísima'],
  },

  'location.incall-outcall': {
    words: ['a domicilio', 'domicilios', 'hoteles y domicilios', 'hotel y domicilio', 'tengo lugar', 'lugar propio', 'sitio propio', 'apartamento privado', 'voy a tu hotel', 'hoteles', 'moteles', 'en mi apartamento'],
  },

  'availability.24-7': {
    words: ['24 horas', 'las 24 horas', '24 hrs', '24h', '24hs', 'todo el día', 'toda la noche', 'día y noche', 'todos los días', 'disponible siempre', 'sin horario', 'a toda hora', 'a cualquier hora'],
  },
  'availability.now': {
    words: ['disponible ya', 'disponible ahora', 'ahora mismo', 'disponibles ya', 'disponible hoy'],
  },

  'nationality.offered': {
    // "cubana", "rusa", "francés" are left out: in several countries they name sexual practices.
    words: [
      'venezolana', 'venezolanas', 'colombiana', 'colombianas', 'paisa', 'paisas', 'caleña', 'caleñas', 'dominicana', 'dominicanas',
      'brasileña', 'brasileñas', 'brasilera', 'brasileras', 'paraguaya', 'paraguayas', 'peruana', 'peruanas', 'ecuatoriana',
      'ecuatorianas', 'mexicana', 'mexicanas', 'ucraniana', 'ucranianas', 'rumana', 'rumanas', 'europeas', 'asiática', 'asiáticas',
      'oriental', 'orientales', 'chinita', 'chinitas', 'japonesa', 'japonesas', 'coreana', 'coreanas', 'tailandesa', 'tailandesas',
      'filipina', 'filipinas', 'africana', 'africanas', 'haitiana', 'haitianas', 'latina', 'latinas', 'caribeña', 'caribeñas',
      'extranjera', 'extranjeras', 'exótica', 'exóticas',
    ],
  },

  'contact.app-slang': {
    words: ['wsp', 'wasap', 'wassap', 'guasap', 'wasa', 'whats', 'wpp', 'wtsp', 'wats', 'uasap', 'wapp', 'whatssap', 'telegra', 'tlg'],
  },
  'contact.private-message': {
    words: ['escríbeme al interno', 'escribeme al privado', 'al interno', 'al privado', 'por interno', 'por privado', 'mensaje privado', 'por dm', 'al dm', 'al md', 'por md', 'inbox'],
  },
  'contact.messages-only': {
    words: ['solo mensajes', 'solo mensajes de texto', 'no llamadas', 'no contesto llamadas', 'no atiendo llamadas', 'sin llamadas', 'solo texto', 'solo por mensaje', 'no llamar'],
  },
  'contact.number-in-image': {
    words: ['número en la foto', 'número en las fotos', 'número en mi perfil', 'contacto en la foto', 'contacto en las fotos', 'ver foto para contacto', 'datos en la imagen'],
  },

  'movement.new-in-town': {
    words: ['recién llegada', 'recién llegadas', 'recién llegadita', 'recién llegaditas', 'nueva en la ciudad', 'nueva en tu ciudad', 'acabo de llegar', 'nueva por aquí', 'recién llegamos'],
  },
  'movement.few-days': {
    words: ['por pocos días', 'solo por unos días', 'solo por esta semana', 'por tiempo limitado', 'últimos días', 'de paso', 'solo por hoy', 'solo este fin de semana'],
  },
  'movement.touring': {
    words: ['de gira', 'en gira', 'gira por', 'visitando tu ciudad', 'visitando la ciudad', 'recorriendo el país'],
  },

  'control.manager': {
    words: ['mi manager', 'mi representante', 'mi jefe', 'mi jefa', 'mi encargado', 'mi encargada', 'mi agente', 'la encargada', 'el encargado', 'mi chulo', 'mi padrote', 'mi proxeneta', 'citas con mi manager', 'reservas con mi'],
  },
  'control.agency': {
    words: ['agencia', 'agencia de acompañantes', 'agencia de modelos', 'casa de citas', 'whiskería', 'casa de masajes', 'casa de chicas'],
  },
  'control.driver': {
    words: ['mi chofer', 'mi conductor', 'con chofer', 'te la llevamos', 'te las llevamos', 'se la llevamos', 'se las llevamos', 'te la enviamos', 'te la mandamos', 'transporte incluido', 'la llevamos a tu hotel'],
  },
  'control.language-barrier': {
    words: ['no habla español', 'habla poco español', 'poco español', 'no entiende español', 'solo habla inglés', 'solo habla portugués', 'no habla castellano'],
  },
  'control.payment-to-third': {
    words: ['pago al encargado', 'pago a la encargada', 'se le paga al encargado', 'pago en recepción', 'se paga en recepción', 'depósito previo al'],
  },
  'control.lives-onsite': {
    words: ['vive en el lugar', 'vive en la casa', 'vive con nosotros', 'nunca sale', 'no puede salir', 'viven en el lugar', 'viven en la casa', 'viven con nosotros', 'nunca salen', 'no pueden salir', 'disponible en la casa todo el día'],
  },

  'recruit.quick-money': {
    words: ['dinero rápido', 'dinero fácil', 'plata fácil', 'plata rápida', 'gana mucho dinero', 'ganancias altas', 'altos ingresos', 'gana hasta', 'ganancias de hasta', 'gana en dólares', 'gana en euros', 'ingresos diarios', 'pago diario', 'excelentes ganancias'],
  },
  'recruit.no-experience': {
    words: ['sin experiencia', 'no se requiere experiencia', 'no necesitas experiencia', 'no es necesaria experiencia', 'no importa la experiencia'],
  },
  'recruit.immediate': {
    words: ['trabajo inmediato', 'empleo inmediato', 'ingreso inmediato', 'inicio inmediato', 'contratación inmediata', 'empieza hoy', 'empezar ya', 'trabajo urgente', 'se necesitan urgente', 'urgente señoritas'],
  },
  'recruit.women-only': {
    words: ['solo mujeres', 'solo chicas', 'solo señoritas', 'trabajo para señoritas', 'trabajo para chicas', 'empleo para señoritas', 'empleo para chicas', 'vacante para señoritas', 'se solicitan señoritas', 'se buscan señoritas', 'se buscan chicas', 'buscamos chicas', 'se necesitan chicas', 'buena presencia'],
  },
  'recruit.age-range': {
    regex: ['de 1[89] (?:a|y|-) 2[0-9](?: anos)?', 'entre 1[89] (?:a|y|-) 2[0-9](?: anos)?', '1[89] ?- ?2[0-9] anos'],
  },
  'recruit.travel-paid': {
    words: ['pasaje pagado', 'pasajes pagados', 'viaje pagado', 'pasaje incluido', 'pasajes incluidos', 'boletos pagados', 'te pagamos el pasaje', 'pagamos el viaje', 'gastos de viaje pagados', 'vuelo pagado', 'tiquetes pagados'],
  },
  'recruit.abroad': {
    words: ['trabajo en el exterior', 'trabajo en el extranjero', 'trabajar en europa', 'trabajo en europa', 'trabajo en españa', 'trabajo en estados unidos', 'trabajar fuera del país', 'oportunidad en el exterior'],
  },
  'recruit.whatsapp-only': {
    words: ['solo por whatsapp', 'info por whatsapp', 'información por whatsapp', 'interesadas escribir al whatsapp', 'interesadas al wsp', 'interesadas escribir al interno', 'contacto solo por whatsapp', 'información por interno'],
  },
  'recruit.housing': {
    words: ['alojamiento incluido', 'vivienda incluida', 'hospedaje incluido', 'habitación incluida', 'casa y comida', 'con hospedaje'],
  },
  'recruit.vague-role': {
    words: ['se buscan modelos', 'se buscan bailarinas', 'se necesitan masajistas', 'se buscan damas de compañía', 'damas de compañía', 'se buscan acompañantes', 'modelos webcam', 'anfitrionas', 'edecanes', 'meseras para bar', 'chicas para bar', 'azafatas de imagen'],
  },
  'recruit.documents': {
    words: ['tramitamos tu pasaporte', 'tramitamos documentos', 'te hacemos los papeles', 'visa incluida', 'te conseguimos la visa', 'papeles incluidos', 'adelanto de dinero', 'te prestamos para el viaje', 'préstamo para el viaje'],
  },
});
