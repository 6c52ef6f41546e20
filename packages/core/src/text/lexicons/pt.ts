// Portuguese indicator patterns (Brazil first, Portugal where it differs). Written by the team; bump `version`
// on every change.
import { buildLexicon, NOT_AFTER_TIME_WORD, NOT_A_PERSONS_AGE } from './build.js';

export const PT_LEXICON = buildLexicon('pt', '1.0.1', {
  'youth.minor-explicit': {
    words: ['menor de idade', 'menores de idade', 'sou de menor', 'ela é de menor', 'menina de menor', 'menina menor', 'meninas menores', 'novinha de menor'],
    regex: ['menorzinh(?:a|as)'],
  },
  'youth.stated-age-under-18': {
    regex: [
      `1[0-7]${NOT_AFTER_TIME_WORD} ?(?:anos|aninhos|aninho)${NOT_A_PERSONS_AGE}`,
      `tenho 1[0-7](?![0-9])${NOT_A_PERSONS_AGE}`,
      'idade:? 1[0-7](?![0-9])',
    ],
  },
  'youth.just-18': {
    words: ['acabei de fazer 18', 'fiz 18 agora', '18 recém completos', 'recém completei 18', 'acabou de fazer 18', '18 anos recém feitos', 'maior de idade há pouco', 'acabei de completar 18'],
  },
  'youth.schoolgirl': {
    words: ['colegial', 'colegiais', 'uniforme escolar', 'uniforme de colégio', 'estudante do ensino médio', 'saindo da escola', 'ensino médio'],
  },
  'youth.child-terms': {
    words: ['ninfeta', 'ninfetas', 'ninfetinha', 'lolita', 'lolitas', 'menininha', 'menininhas', 'carne nova'],
  },
  'youth.young-terms': {
    words: ['novinha', 'novinhas', 'novinho', 'bem novinha', 'bem nova', 'garotinha', 'garotinhas', 'carinha de menina', 'corpo de menina', 'teen', 'teens'],
  },
  'youth.age-diminutive': {
    regex: ['1[89] ?(?:aninhos|aninho)'],
  },
  'youth.virgin': {
    words: ['virgem', 'virgens', 'virgenzinha', 'nunca fez', 'cabacinho'],
  },

  'third-party.new-girls': {
    words: ['meninas novas', 'novas meninas', 'garotas novas', 'novas garotas', 'menina nova', 'nova menina', 'novas modelos', 'modelos novas', 'novidades na casa'],
  },
  'third-party.we-have': {
    words: ['temos', 'oferecemos', 'contamos com', 'apresentamos', 'dispomos de'],
  },
  'third-party.plural-verbs': {
    // "-amos"/"-emos" forms that ads use when a house speaks for the women.
    words: ['atendemos', 'recebemos', 'estamos', 'somos', 'aceitamos', 'levamos', 'enviamos', 'trabalhamos', 'garantimos', 'fazemos', 'buscamos', 'esperamos'],
  },
  'third-party.our-girls': {
    words: ['nossas meninas', 'nossas garotas', 'nossas modelos', 'nossas acompanhantes', 'nossa equipe', 'as meninas', 'as garotas'],
  },
  'third-party.choice-of-women': {
    words: ['várias meninas', 'várias garotas', 'muitas meninas', 'escolha sua menina', 'escolha a sua', 'catálogo', 'cardápio de meninas', 'para todos os gostos'],
  },
  'third-party.she-is': {
    words: ['ela é', 'ela tem', 'ela atende', 'ela está', 'essa menina', 'esta menina', 'a menina é'],
  },

  'services.unprotected': {
    words: ['sem camisinha', 'sem preservativo', 'sem proteção', 'sem capa', 'sem capinha', 'no pelo', 'oral sem', 'natural sem'],
  },
  'services.no-limits': {
    words: ['sem limites', 'sem frescura', 'sem tabu', 'sem tabus', 'faço tudo', 'tudo liberado', 'tudo que você quiser', 'o que você quiser', 'completinha'],
  },
  'services.full-service': {
    words: ['programa completo', 'atendimento completo', 'completíssima'],
  },

  'location.incall-outcall': {
    words: ['com local', 'tenho local', 'local próprio', 'atendo em motel', 'atendo em hotel', 'motéis', 'hotéis', 'vou até você', 'a domicílio', 'domicílio', 'sem local'],
  },

  'availability.24-7': {
    words: ['24 horas', '24h', '24hs', '24 hrs', 'dia e noite', 'todos os dias', 'a qualquer hora', 'qualquer horário', 'sempre disponível', 'a noite toda', 'madrugada'],
  },
  'availability.now': {
    words: ['disponível agora', 'disponível hoje', 'disponível já', 'agora mesmo'],
  },

  'nationality.offered': {
    words: [
      'venezuelana', 'venezuelanas', 'colombiana', 'colombianas', 'paraguaia', 'paraguaias', 'boliviana', 'bolivianas', 'peruana',
      'peruanas', 'dominicana', 'dominicanas', 'haitiana', 'haitianas', 'japonesa', 'japonesas', 'oriental', 'orientais', 'asiática',
      'asiáticas', 'coreana', 'chinesa', 'europeia', 'europeias', 'africana', 'africanas', 'latina', 'latinas', 'gringa', 'gringas',
      'estrangeira', 'estrangeiras', 'exótica', 'exóticas', 'brasileira', 'brasileiras',
    ],
  },

  'contact.app-slang': {
    words: ['zap', 'zapzap', 'zap zap', 'wpp', 'whats', 'watts', 'uats', 'tlg', 'telegra'],
  },
  'contact.private-message': {
    words: ['chama no privado', 'chama no pv', 'no privado', 'no pv', 'no inbox', 'chama inbox', 'me chama no direct', 'manda mensagem no privado', 'chama na dm'],
  },
  'contact.messages-only': {
    words: ['só mensagem', 'só mensagens', 'apenas mensagens', 'não atendo ligação', 'não atendo ligações', 'sem ligações', 'não ligue', 'só whats'],
  },
  'contact.number-in-image': {
    words: ['número na foto', 'número nas fotos', 'contato na foto', 'contato nas fotos', 'número no perfil', 'ver foto para contato'],
  },

  'movement.new-in-town': {
    words: ['recém-chegada', 'recém chegada', 'recém-chegadas', 'acabei de chegar', 'nova na cidade', 'novidade na cidade', 'chegou agora', 'recém chegadinha'],
  },
  'movement.few-days': {
    words: ['por poucos dias', 'só esta semana', 'só essa semana', 'últimos dias', 'por tempo limitado', 'de passagem', 'só hoje', 'poucos dias na cidade'],
  },
  'movement.touring': {
    words: ['em turnê', 'turnê', 'de passagem pela cidade', 'visitando sua cidade', 'rodando o brasil'],
  },

  'control.manager': {
    words: ['meu empresário', 'minha empresária', 'meu agente', 'meu chefe', 'minha chefe', 'meu gerente', 'falar com o responsável', 'falar com a responsável', 'o responsável', 'a responsável', 'meu cafetão', 'minha cafetina', 'agendamento com meu'],
  },
  'control.agency': {
    words: ['agência', 'agência de acompanhantes', 'agência de modelos', 'casa de massagem', 'casa de meninas', 'boate', 'privê', 'termas'],
  },
  'control.driver': {
    words: ['meu motorista', 'com motorista', 'levamos até você', 'levamos ela', 'a gente leva', 'entregamos no seu', 'transporte incluso', 'motorista leva'],
  },
  'control.language-barrier': {
    words: ['não fala português', 'pouco português', 'fala pouco português', 'só fala espanhol', 'só fala inglês', 'não entende português'],
  },
  'control.payment-to-third': {
    words: ['pagamento com o responsável', 'pagar ao responsável', 'paga na recepção', 'pagamento na recepção', 'pix para o responsável', 'sinal antecipado'],
  },
  'control.lives-onsite': {
    words: ['mora no local', 'mora na casa', 'mora com a gente', 'não pode sair', 'nunca sai', 'fica na casa', 'moram no local', 'moram na casa', 'moram com a gente', 'não podem sair', 'nunca saem', 'ficam na casa'],
  },

  'recruit.quick-money': {
    words: ['dinheiro rápido', 'dinheiro fácil', 'grana fácil', 'grana rápida', 'ganhe até', 'ganhos altos', 'alta renda', 'ganhe muito', 'ganhe em euro', 'ganhe em dólar', 'pagamento diário', 'diárias altas'],
  },
  'recruit.no-experience': {
    words: ['sem experiência', 'não precisa de experiência', 'não precisa ter experiência', 'experiência não necessária', 'não exigimos experiência'],
  },
  'recruit.immediate': {
    words: ['trabalho imediato', 'início imediato', 'contratação imediata', 'vaga urgente', 'começar hoje', 'começo imediato', 'urgente meninas'],
  },
  'recruit.women-only': {
    words: ['somente mulheres', 'só mulheres', 'apenas mulheres', 'só meninas', 'somente meninas', 'procuramos meninas', 'precisa-se de meninas', 'boa aparência'],
  },
  'recruit.age-range': {
    regex: ['de 1[89] (?:a|e) 2[0-9](?: anos)?', 'entre 1[89] (?:a|e) 2[0-9](?: anos)?', '1[89] ?- ?2[0-9] anos'],
  },
  'recruit.travel-paid': {
    words: ['passagem paga', 'passagens pagas', 'viagem paga', 'passagem inclusa', 'passagens inclusas', 'pagamos a passagem', 'pagamos sua passagem', 'passagem por nossa conta'],
  },
  'recruit.abroad': {
    words: ['trabalho no exterior', 'trabalhar no exterior', 'trabalho na europa', 'trabalhar na europa', 'trabalho em portugal', 'trabalho na espanha', 'trabalhar fora do brasil', 'oportunidade no exterior'],
  },
  'recruit.whatsapp-only': {
    words: ['só pelo whatsapp', 'somente pelo whatsapp', 'informações no whatsapp', 'interessadas chamar no whatsapp', 'detalhes no privado'],
  },
  'recruit.housing': {
    words: ['moradia inclusa', 'hospedagem inclusa', 'alojamento incluso', 'casa e comida', 'moradia grátis', 'com moradia'],
  },
  'recruit.vague-role': {
    words: ['precisa-se de modelos', 'procuram-se modelos', 'vaga para modelos', 'vagas para acompanhantes', 'recepcionistas para boate', 'dançarinas', 'hostess', 'modelo webcam', 'massagistas sem experiência'],
  },
  'recruit.documents': {
    words: ['cuidamos do passaporte', 'cuidamos da documentação', 'visto incluso', 'tiramos seu passaporte', 'adiantamento para a viagem', 'empréstimo para a viagem', 'adiantamos a passagem'],
  },
});
