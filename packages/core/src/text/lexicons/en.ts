// English indicator patterns. Written by the team; bump `version` on every change.
import { buildLexicon, NOT_AFTER_TIME_WORD, NOT_A_PERSONS_AGE } from './build.js';

export const EN_LEXICON = buildLexicon('en', '1.0.1', {
  'youth.minor-explicit': {
    words: ['underage', 'under age', 'under-aged', 'minor girl', 'minor girls', 'jailbait', 'not yet 18', 'almost 18', 'nearly 18'],
  },
  'youth.stated-age-under-18': {
    regex: [
      `1[0-7]${NOT_AFTER_TIME_WORD} ?(?:yo|y/o|yrs? old|years? old|years young)`,
      `i'?m 1[0-7](?![0-9])${NOT_A_PERSONS_AGE}`,
      'age:? 1[0-7](?![0-9])',
    ],
  },
  'youth.just-18': {
    words: ['just turned 18', 'just turned eighteen', 'barely 18', 'barely eighteen', 'fresh 18', 'newly 18', 'turned 18 last', 'brand new 18'],
  },
  'youth.schoolgirl': {
    words: ['schoolgirl', 'schoolgirls', 'school girl', 'school girls', 'high school', 'highschool', 'school uniform', 'cheerleader', 'fresh out of high school'],
  },
  'youth.child-terms': {
    words: ['lolita', 'lolitas', 'little girl', 'little girls', 'babygirl next door', 'daddys little girl', "daddy's little girl"],
  },
  'youth.young-terms': {
    words: ['barely legal', 'young girl', 'young girls', 'very young', 'teen', 'teens', 'teenie', 'petite young', 'youthful', 'fresh young', 'young and fresh', 'baby face', 'babyface'],
  },
  'youth.age-diminutive': {
    regex: ['1[89] (?:years? young|lil years)'],
  },
  'youth.virgin': {
    words: ['virgin', 'virgins', 'never been touched', 'first time ever', 'untouched'],
  },

  'third-party.new-girls': {
    words: ['new girls', 'new girl', 'new ladies', 'new faces', 'new staff', 'new models', 'fresh girls', 'girls just arrived'],
  },
  'third-party.we-have': {
    words: ['we have', 'we offer', 'we provide', 'we got', 'we present', 'we introduce'],
  },
  'third-party.plural-verbs': {
    words: ['we are', "we're", 'we do', 'we accept', 'we guarantee', 'we deliver', 'we can', 'we will', 'call us', 'text us', 'visit us', 'contact us'],
  },
  'third-party.our-girls': {
    words: ['our girls', 'our ladies', 'our models', 'our staff', 'our angels', 'our beauties', 'the girls'],
  },
  'third-party.choice-of-women': {
    words: ['many girls', 'several girls', 'pick your girl', 'choose your girl', 'choose from', 'variety of girls', 'girls to choose', 'menu of girls', 'selection of girls', 'lineup'],
  },
  'third-party.she-is': {
    words: ['she is', "she's", 'she has', 'she will', "she'll", 'this girl', 'her name is'],
  },

  'services.unprotected': {
    words: ['no condom', 'no condoms', 'without condom', 'without a condom', 'without protection', 'unprotected', 'raw only', 'natural only'],
  },
  'services.no-limits': {
    words: ['no limits', 'no limit', 'anything goes', 'anything you want', 'no restrictions', 'no taboos', 'whatever you want', 'will do anything', 'everything included'],
  },
  'services.full-service': {
    words: ['full service', 'fs'],
  },

  'location.incall-outcall': {
    words: ['incall', 'outcall', 'in call', 'out call', 'incalls', 'outcalls', 'hotel visits', 'hotel only', 'your place or mine', 'my place', 'home visits', 'i come to you', 'car dates', 'car date'],
  },

  'availability.24-7': {
    words: ['24 hours', '24hrs', '24hr', '24h', 'all day and night', 'day and night', 'all night', 'any time', 'anytime', 'round the clock', 'around the clock', 'always available', '7 days a week'],
  },
  'availability.now': {
    words: ['available now', 'available today', 'available right now', 'avail now', 'ready now'],
  },

  'nationality.offered': {
    words: [
      'asian girls', 'asian girl', 'asian', 'asians', 'latina', 'latinas', 'ebony', 'russian girls', 'ukrainian', 'european girls',
      'european', 'thai', 'korean', 'chinese', 'japanese', 'filipina', 'vietnamese', 'brazilian', 'colombian', 'venezuelan',
      'dominican', 'romanian', 'exotic', 'foreign girls', 'oriental',
    ],
  },

  'contact.app-slang': {
    words: ['whats', 'wapp', 'w/app', 'whatsap', 'watsapp', 'wsp', 'snap me', 'telegrm'],
  },
  'contact.private-message': {
    words: ['dm me', 'dm', 'pm me', 'inbox me', 'message me privately', 'kik me', 'hmu', 'slide in my dms'],
  },
  'contact.messages-only': {
    words: ['text only', 'texts only', 'no calls', 'no phone calls', 'no blocked calls', 'text dont call', "text don't call", 'message only'],
  },
  'contact.number-in-image': {
    words: ['number in pics', 'number in pic', 'number in photos', 'number on the pic', 'contact in pics', 'see pic for number', 'digits in pic'],
  },

  'movement.new-in-town': {
    words: ['new in town', 'new to town', 'just arrived', 'just got to town', 'new to the area', 'new in the city', 'first time in town'],
  },
  'movement.few-days': {
    words: ['only a few days', 'few days only', 'only this week', 'this week only', 'limited time', 'last days', 'leaving soon', 'passing through', 'short stay', 'visiting', 'in town until'],
  },
  'movement.touring': {
    words: ['on tour', 'touring', 'tour dates', 'traveling to', 'visiting your city', 'city to city'],
  },

  'control.manager': {
    words: ['my manager', 'my boss', 'my agent', 'my booker', 'my bf handles', 'booking through my', 'bookings through my', 'book through my', 'talk to my manager', 'contact my manager', 'manager will answer'],
  },
  'control.agency': {
    words: ['agency', 'escort agency', 'model agency', 'our agency', 'spa girls', 'massage parlor', 'massage parlour'],
  },
  'control.driver': {
    words: ['my driver', 'driver brings', 'we deliver', 'delivered to your', 'we bring her', 'we bring the girl', 'we will bring', 'transport included', 'driven to you'],
  },
  'control.language-barrier': {
    words: ['no english', 'little english', 'limited english', "doesn't speak english", 'does not speak english', 'broken english', 'speaks no english', 'no speak english'],
  },
  'control.payment-to-third': {
    words: ['pay the manager', 'pay my manager', 'pay the driver', 'pay at the front', 'pay at reception', 'deposit to my manager', 'deposit required'],
  },
  'control.lives-onsite': {
    words: ['lives on site', 'lives on-site', 'live on site', 'live on-site', 'lives here', 'stays here', 'cannot leave', "can't go out", 'never leaves'],
  },

  'recruit.quick-money': {
    words: ['easy money', 'fast money', 'quick money', 'fast cash', 'quick cash', 'earn up to', 'make up to', 'earn thousands', 'high income', 'high pay', 'paid daily', 'daily pay', 'cash daily'],
  },
  'recruit.no-experience': {
    words: ['no experience needed', 'no experience required', 'no experience necessary', 'no experience', 'experience not required', 'will train'],
  },
  'recruit.immediate': {
    words: ['start today', 'start immediately', 'immediate start', 'immediate hire', 'hiring immediately', 'urgent hiring', 'urgently hiring', 'start tomorrow', 'hiring now'],
  },
  'recruit.women-only': {
    words: ['females only', 'female only', 'women only', 'girls only', 'ladies only', 'young women wanted', 'girls wanted', 'ladies wanted', 'attractive females', 'good looking girls'],
  },
  'recruit.age-range': {
    regex: ['age:? 1[89] ?(?:-|to) ?2[0-9]', 'aged 1[89] ?(?:-|to) ?2[0-9]', 'ages 1[89] ?(?:-|to) ?2[0-9]', '1[89] ?(?:-|to) ?2[0-9] (?:years old|yo)'],
  },
  'recruit.travel-paid': {
    words: ['travel paid', 'travel expenses paid', 'tickets paid', 'ticket paid', 'flight paid', 'flights paid', 'we pay your ticket', 'we pay for your flight', 'airfare included', 'free travel'],
  },
  'recruit.abroad': {
    words: ['work abroad', 'job abroad', 'jobs abroad', 'work overseas', 'jobs overseas', 'work in europe', 'work in dubai', 'relocate abroad'],
  },
  'recruit.whatsapp-only': {
    words: ['contact on whatsapp only', 'whatsapp only', 'whatsapp for details', 'details on whatsapp', 'dm for details', 'message for details', 'apply via whatsapp'],
  },
  'recruit.housing': {
    words: ['housing provided', 'accommodation provided', 'free housing', 'free accommodation', 'room provided', 'room and board'],
  },
  'recruit.vague-role': {
    words: ['hostess wanted', 'hostesses wanted', 'models wanted', 'dancers wanted', 'companions wanted', 'massage girls wanted', 'webcam models', 'hostess job', 'bottle girls'],
  },
  'recruit.documents': {
    words: ['we arrange your visa', 'visa provided', 'visa sponsorship', 'we handle your papers', 'passport arranged', 'loan for travel', 'advance on salary', 'we cover your documents'],
  },
});
