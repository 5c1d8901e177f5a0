import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 002 contrasts two starting points. The not-for-profit did not know where members were
// lost, so it began with an experience map. The bank did know: applying for complex products.
// This experience map of a self-employed customer's years with the bank shows that knowledge:
// the lifecycle is fine until the stage "Arranging a pension", and that stage links down to the
// journey map of the application (financialProductApplication.ts), where the drop-off is.

const BUSINESS_BANKING: LocalizedText = { nl: 'Zakelijk bankieren', en: 'Business banking' };
const CUSTOMER_SERVICE: LocalizedText = { nl: 'Klantenservice', en: 'Customer service' };
const PENSIONS: LocalizedText = { nl: 'Pensioen en beleggen', en: 'Pensions and investments' };

export const bankingRelationship: TemplateDefinition = {
  title: { nl: 'Klant bij de bank als zzp’er', en: 'A self-employed customer’s years with the bank' },
  description: {
    nl: 'Een klantbelevingskaart van de relatie van een zzp’er met haar bank, over vijftien jaar: klant worden, dagelijks bankieren, pensioen regelen en later. De bank wist waar klanten afhaakten: bij het aanvragen van complexe producten. De fase "Pensioen regelen" is daarom gekoppeld aan de klantreis van de aanvraag, waarin precies te zien is waar en waarom.',
    en: 'A customer experience map of a self-employed professional’s relationship with her bank over fifteen years: becoming a customer, everyday banking, arranging a pension and later. The bank knew where customers dropped off: when applying for complex products. The stage "Arranging a pension" therefore links to the journey map of the application, which shows exactly where and why.',
  },
  kind: 'experience',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Linda, zzp’er', en: 'Linda, self-employed' },
      description: {
        nl: 'Linda (45) is zelfstandig grafisch ontwerper en bouwt geen pensioen op via een werkgever. Ze bankiert al jaren bij de bank, maar heeft nooit belegd.',
        en: 'Linda (45) is a self-employed graphic designer and builds no pension through an employer. She has banked with the bank for years but has never invested.',
      },
      goals: {
        nl: 'Haar zaken snel en digitaal regelen, en later zonder zorgen stoppen met werken.',
        en: 'Handle her business quickly and digitally, and later stop working without worries.',
      },
      color: '#f4511e',
    },
  ],
  phases: [
    {
      name: { nl: 'Klant worden (jaar 0)', en: 'Becoming a customer (year 0)' },
      momentOfTruth: { nl: 'Binnen een dag zakelijk kunnen factureren.', en: 'Being able to invoice within a day.' },
      steps: [
        {
          title: { nl: 'Een bank kiezen bij de start', en: 'Choosing a bank when starting out' },
          description: {
            nl: 'Linda schrijft zich in bij de KvK en vergelijkt zakelijke rekeningen op kosten en de app.',
            en: 'Linda registers her business and compares business accounts on fees and the app.',
          },
          score: 0,
          beforeFirstContact: true,
          touchpoints: [{ channel: 'web', name: { nl: 'Vergelijkingssite', en: 'Comparison site' }, department: BUSINESS_BANKING, importance: 3 }],
          kano: [{ text: { nl: 'Lage vaste kosten', en: 'Low fixed fees' }, category: 'performance' }],
          cells: {
            'customer-actions': { nl: 'Vergelijkt drie banken.', en: 'Compares three banks.' },
            touchpoints: { nl: 'Vergelijkingssite, websites van banken', en: 'Comparison site, banks’ websites' },
            'thoughts-feelings': { nl: 'Het maakt vast weinig uit.', en: 'It probably makes little difference.' },
            'pain-points': { nl: 'Kosten zijn lastig te vergelijken.', en: 'Fees are hard to compare.' },
            opportunities: { nl: 'Een rekenhulp voor de kosten per jaar.', en: 'A calculator for the yearly cost.' },
            'front-stage': { nl: 'Productpagina zakelijke rekening', en: 'Business account product page' },
            systems: { nl: 'Website', en: 'Website' },
            measures: { nl: 'Bezoek naar aanvraag 9%', en: 'Visit to application 9%' },
          },
        },
        {
          title: { nl: 'Een zakelijke rekening openen', en: 'Opening a business account' },
          description: {
            nl: 'In de app opent Linda in twintig minuten een rekening; de pas komt twee dagen later.',
            en: 'In the app Linda opens an account in twenty minutes; the card arrives two days later.',
          },
          score: 1,
          momentOfTruth: true,
          wait: { moment: 'after', minutes: 2_880 },
          touchpoints: [{ channel: 'app', name: { nl: 'Rekening openen in de app', en: 'Account opening in the app' }, department: BUSINESS_BANKING, importance: 5 }],
          kano: [{ text: { nl: 'Volledig digitaal openen', en: 'Fully digital opening' }, category: 'must-be' }],
          cells: {
            'customer-actions': { nl: 'Identificeert zich met de app en tekent digitaal.', en: 'Identifies herself in the app and signs digitally.' },
            touchpoints: { nl: 'App', en: 'App' },
            'thoughts-feelings': { nl: 'Dat ging vlot.', en: 'That was quick.' },
            'pain-points': { nl: 'Twee dagen wachten op de pas.', en: 'Two days waiting for the card.' },
            opportunities: { nl: 'Meteen een digitale pas.', en: 'A digital card straight away.' },
            'front-stage': { nl: 'Openingsflow in de app', en: 'Account opening flow in the app' },
            'back-stage': { nl: 'KYC-controle en aanmaak van de rekening.', en: 'KYC check and account creation.' },
            systems: { nl: 'App, KYC-systeem, kernbankensysteem', en: 'App, KYC system, core banking' },
            measures: { nl: 'Doorlooptijd opening 20 minuten', en: 'Opening time 20 minutes' },
          },
        },
      ],
    },
    {
      name: { nl: 'Dagelijks bankieren (jaar 1–12)', en: 'Everyday banking (years 1–12)' },
      momentOfTruth: { nl: 'Mijn geldzaken kosten me geen tijd.', en: 'My finances take none of my time.' },
      steps: [
        {
          title: { nl: 'Bankieren in de app', en: 'Banking in the app' },
          description: {
            nl: 'Facturen, btw-potje en overzicht: de app doet wat Linda nodig heeft.',
            en: 'Invoices, a VAT pot and an overview: the app does what Linda needs.',
          },
          score: 2,
          touchpoints: [{ channel: 'app', name: { nl: 'Zakelijke app', en: 'Business app' }, department: BUSINESS_BANKING, importance: 5 }],
          kano: [{ text: { nl: 'Automatisch btw-potje', en: 'Automatic VAT pot' }, category: 'attractive' }],
          cells: {
            'customer-actions': { nl: 'Stuurt facturen en zet btw apart.', en: 'Sends invoices and sets VAT aside.' },
            touchpoints: { nl: 'App', en: 'App' },
            'thoughts-feelings': { nl: 'Hier hoef ik niet over na te denken.', en: 'I don’t have to think about this.' },
            'pain-points': { nl: 'Geen overzicht van pensioen of sparen.', en: 'No overview of pension or savings.' },
            opportunities: { nl: 'Laten zien wat een zzp’er voor later opbouwt.', en: 'Show what a self-employed person builds up for later.' },
            'front-stage': { nl: 'App', en: 'App' },
            'back-stage': { nl: 'Categorisering van transacties.', en: 'Transaction categorisation.' },
            systems: { nl: 'App, kernbankensysteem', en: 'App, core banking' },
            measures: { nl: 'App-cijfer 8,6', en: 'App rating 8.6' },
          },
        },
        {
          title: { nl: 'Een vraag aan de klantenservice', en: 'A question for customer service' },
          description: {
            nl: 'Een geblokkeerde betaling: Linda wacht veertig minuten aan de telefoon.',
            en: 'A blocked payment: Linda waits forty minutes on the phone.',
          },
          score: -1,
          wait: { moment: 'before', minutes: 40 },
          touchpoints: [{ channel: 'phone', name: { nl: 'Klantenservice', en: 'Customer service line' }, department: CUSTOMER_SERVICE, importance: 4 }],
          cells: {
            'customer-actions': { nl: 'Belt en wacht.', en: 'Calls and waits.' },
            touchpoints: { nl: 'Telefoon', en: 'Phone' },
            'thoughts-feelings': { nl: 'Mijn klant wacht op zijn geld.', en: 'My client is waiting for his money.' },
            'pain-points': { nl: 'Geen terugbeloptie.', en: 'No call-back option.' },
            opportunities: { nl: 'Terugbellen en de blokkade in de app uitleggen.', en: 'Call back and explain the block in the app.' },
            'front-stage': { nl: 'Medewerker klantenservice', en: 'Customer service agent' },
            'back-stage': { nl: 'Fraudeteam beoordeelt de betaling.', en: 'The fraud team reviews the payment.' },
            systems: { nl: 'Telefonie, fraudesysteem', en: 'Telephony, fraud system' },
            measures: { nl: 'Gemiddelde wachttijd 40 minuten', en: 'Average waiting time 40 minutes' },
          },
        },
      ],
    },
    {
      name: { nl: 'Pensioen regelen (jaar 12)', en: 'Arranging a pension (year 12)' },
      links: [{ template: 'financial-product-application' }],
      momentOfTruth: { nl: 'Zonder twijfel de juiste pensioenrekening afsluiten.', en: 'Taking out the right pension account without doubt.' },
      steps: [
        {
          title: { nl: 'Een lijfrenterekening aanvragen', en: 'Applying for a retirement account' },
          description: {
            nl: 'De aanvraag van het complexe product: hier haakt de helft van de klanten af. De klantreis eronder laat zien waar.',
            en: 'Applying for the complex product: half of the customers drop off here. The journey below shows where.',
          },
          score: -2,
          momentOfTruth: true,
          subJourney: 'financial-product-application',
          touchpoints: [{ channel: 'web', name: { nl: 'Online aanvraag', en: 'Online application' }, department: PENSIONS, importance: 5 }],
          kano: [{ text: { nl: 'Begrijpelijke risicovragen', en: 'Understandable risk questions' }, category: 'must-be' }],
          cells: {
            'customer-actions': { nl: 'Begint aan de aanvraag en stopt halverwege.', en: 'Starts the application and stops halfway.' },
            touchpoints: { nl: 'Website, app', en: 'Website, app' },
            'thoughts-feelings': { nl: 'Ik weet niet of ik dit goed doe.', en: 'I don’t know if I’m doing this right.' },
            'pain-points': { nl: 'Vakjargon en een lange vragenlijst.', en: 'Jargon and a long questionnaire.' },
            opportunities: { nl: 'Hulp van een adviseur op het moment van twijfel.', en: 'An adviser’s help at the moment of doubt.' },
            'front-stage': { nl: 'Aanvraagformulier', en: 'Application form' },
            'back-stage': { nl: 'Acceptatie en compliance', en: 'Onboarding and compliance' },
            systems: { nl: 'Aanvraagsysteem, beleggingsplatform', en: 'Application system, investment platform' },
            measures: { nl: '50% van de starters rondt af', en: '50% of starters complete' },
          },
        },
        {
          title: { nl: 'De eerste inleg', en: 'The first deposit' },
          description: {
            nl: 'Wie doorzet, legt in en ziet het bedrag in de app terug.',
            en: 'Those who persist make a deposit and see it in the app.',
          },
          score: 1,
          touchpoints: [{ channel: 'app', name: { nl: 'Beleggingsoverzicht', en: 'Investment overview' }, department: PENSIONS, importance: 3 }],
          cells: {
            'customer-actions': { nl: 'Maakt de jaarruimte over.', en: 'Transfers her annual allowance.' },
            touchpoints: { nl: 'App', en: 'App' },
            'thoughts-feelings': { nl: 'Eindelijk geregeld.', en: 'Finally sorted.' },
            'pain-points': { nl: 'Onduidelijk wanneer het belastingvoordeel komt.', en: 'Unclear when the tax benefit comes.' },
            opportunities: { nl: 'Laten zien wat de inleg fiscaal oplevert.', en: 'Show what the deposit saves in tax.' },
            'front-stage': { nl: 'Beleggingsoverzicht in de app', en: 'Investment overview in the app' },
            systems: { nl: 'Beleggingsplatform', en: 'Investment platform' },
            measures: { nl: 'Gemiddelde eerste inleg € 4.200', en: 'Average first deposit €4,200' },
          },
        },
      ],
    },
    {
      name: { nl: 'Later: jaarlijks inleggen', en: 'Later: paying in every year' },
      momentOfTruth: { nl: 'Elk jaar zonder moeite mijn jaarruimte benutten.', en: 'Using my annual allowance every year without effort.' },
      steps: [
        {
          title: { nl: 'Herinnering aan de jaarruimte', en: 'Reminder of the annual allowance' },
          description: {
            nl: 'In december wijst de app Linda op haar jaarruimte, met het bedrag al berekend.',
            en: 'In December the app points Linda to her annual allowance, with the amount already calculated.',
          },
          score: 1,
          touchpoints: [{ channel: 'app', name: { nl: 'Pushbericht', en: 'Push notification' }, department: PENSIONS, importance: 3 }],
          kano: [{ text: { nl: 'Berekende jaarruimte', en: 'Calculated allowance' }, category: 'attractive' }],
          cells: {
            'customer-actions': { nl: 'Legt met één tik in.', en: 'Pays in with one tap.' },
            touchpoints: { nl: 'App', en: 'App' },
            'thoughts-feelings': { nl: 'Handig, dat vergeet ik anders.', en: 'Handy, I would forget otherwise.' },
            'pain-points': { nl: 'Het bedrag klopt niet als haar inkomen wisselt.', en: 'The amount is off when her income varies.' },
            opportunities: { nl: 'Het inkomen uit de boekhouding gebruiken.', en: 'Use the income from her bookkeeping.' },
            'front-stage': { nl: 'Pushbericht en inlegscherm', en: 'Push notification and deposit screen' },
            'back-stage': { nl: 'Berekening van de jaarruimte.', en: 'Annual allowance calculation.' },
            systems: { nl: 'App, rekenmodule', en: 'App, calculation module' },
            measures: { nl: '61% legt jaarlijks in', en: '61% pay in every year' },
          },
        },
      ],
    },
  ],
};
