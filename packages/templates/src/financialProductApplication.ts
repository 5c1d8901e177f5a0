import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 002: a financial institution knew that applying for certain complex products made many
// customers drop off, and mapped only that journey to see where and why. The measures lane holds
// the drop-off per step (35% × 15% × 10% leaves half of the applicants), so the map shows where.
// It is the journey one drills down into from the bank's experience map (bankingRelationship.ts),
// whose stage "Arranging a pension" links here.

const ONLINE_SALES: LocalizedText = { nl: 'Online verkoop', en: 'Online sales' };
const COMPLIANCE: LocalizedText = { nl: 'Acceptatie en compliance', en: 'Onboarding and compliance' };

export const financialProductApplication: TemplateDefinition = {
  title: { nl: 'Aanvraag van een complex financieel product', en: 'Applying for a complex financial product' },
  description: {
    nl: 'Een zzp’er vraagt online een lijfrente-beleggingsrekening aan om haar pensioengat te dichten. De bank wist al dat veel klanten bij het afsluiten van dit soort complexe producten afhaken. Door alleen deze klantreis in kaart te brengen wordt zichtbaar waardoor klanten gefrustreerd raken en op welke momenten ze precies afhaken. Het is de klantreis onder de fase "Pensioen regelen" van de klantbelevingskaart van de zzp’er bij de bank.',
    en: 'A self-employed professional applies online for a retirement investment account to close her pension gap. The bank already knew that many customers drop off when taking out complex products like this. Mapping just this journey shows what frustrates customers and exactly when they drop off. It is the journey under the stage "Arranging a pension" of the experience map of the self-employed customer’s years with the bank.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Linda, zzp’er', en: 'Linda, self-employed' },
      description: {
        nl: 'Linda (45) is zelfstandig grafisch ontwerper en bouwt geen pensioen op via een werkgever. Ze bankiert al jaren bij de bank, maar heeft nooit belegd.',
        en: 'Linda (45) is a self-employed graphic designer and builds no pension through an employer. She has banked with the bank for years but has never invested.',
      },
      goals: {
        nl: 'Met fiscaal voordeel sparen voor later, zonder zelf een expert te hoeven worden, en zeker weten dat ze het goed doet.',
        en: 'Save for retirement with a tax benefit, without having to become an expert, and be sure she is doing it right.',
      },
      color: '#f4511e',
    },
  ],
  phases: [
    {
      name: { nl: 'Aanleiding en oriëntatie', en: 'Trigger and research' },
      momentOfTruth: {
        nl: 'Begrijpen of dit product bij mijn situatie past.',
        en: 'Understanding whether this product fits my situation.',
      },
      steps: [
        {
          title: { nl: 'Een pensioengat ontdekken', en: 'Discovering a pension gap' },
          description: {
            nl: 'Op Mijnpensioenoverzicht.nl ziet Linda hoe weinig pensioen ze opbouwt. Ze besluit fiscaal te gaan sparen met een lijfrente.',
            en: 'On the national pension overview site Linda sees how little pension she is building up. She decides to save tax-efficiently for retirement.',
          },
          score: -1,
          beforeFirstContact: true,
          cells: {
            'customer-actions': {
              nl: 'Bekijkt haar pensioenoverzicht en praat erover met haar boekhouder.',
              en: 'Looks at her pension overview and talks it over with her accountant.',
            },
            touchpoints: {
              nl: 'Nog geen contact met de bank: overheidswebsite en boekhouder',
              en: 'No contact with the bank yet: government website and accountant',
            },
            'thoughts-feelings': {
              nl: 'Schrik: dit is veel te weinig. Ik moet er iets mee.',
              en: 'A shock: this is far too little. I need to do something.',
            },
            'pain-points': {
              nl: 'Pensioen is ingewikkeld; ze weet niet waar ze moet beginnen.',
              en: 'Pensions are complicated; she doesn’t know where to start.',
            },
            opportunities: {
              nl: 'Zzp’ers aanspreken rond de belastingaangifte, met een eenvoudige uitleg.',
              en: 'Reach self-employed people around tax-return time, with a simple explanation.',
            },
            'back-stage': {
              nl: 'Marketing richt zich rond de aangifteperiode op zzp’ers.',
              en: 'Marketing targets the self-employed around tax-return time.',
            },
            systems: { nl: 'Campagneplatform', en: 'Campaign platform' },
            measures: { nl: 'Bereik van de campagne onder zzp’ers', en: 'Campaign reach among the self-employed' },
          },
        },
        {
          title: { nl: 'Oriënteren op de website', en: 'Researching on the website' },
          description: {
            nl: 'De productpagina staat vol termen als jaarruimte, reserveringsruimte en beleggingsprofiel. De calculator vraagt gegevens die ze niet paraat heeft.',
            en: 'The product page is full of terms like annual allowance, carry-forward allowance and risk profile. The calculator asks for figures she doesn’t have to hand.',
          },
          score: 0,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Productpagina en jaarruimtecalculator', en: 'Product page and allowance calculator' },
              department: ONLINE_SALES,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'Begrijpelijke uitleg van de fiscale regels', en: 'Understandable explanation of the tax rules' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Leest de productpagina, probeert de calculator en bekijkt de kosten.',
              en: 'Reads the product page, tries the calculator and looks at the costs.',
            },
            touchpoints: {
              nl: 'Productpagina, jaarruimtecalculator, veelgestelde vragen',
              en: 'Product page, allowance calculator, FAQ',
            },
            'thoughts-feelings': { nl: 'Ik snap de helft. Maar het lijkt wel te passen.', en: 'I understand half of it. But it seems to fit.' },
            'pain-points': {
              nl: 'Jargon; de calculator vraagt bedragen uit de belastingaangifte.',
              en: 'Jargon; the calculator asks for amounts from the tax return.',
            },
            opportunities: {
              nl: 'Uitleg in gewone taal, met een rekenvoorbeeld van een zzp’er.',
              en: 'Plain-language explanation, with a worked example for a self-employed person.',
            },
            'back-stage': {
              nl: 'De teksten op de productpagina zijn afgestemd met de juristen en compliance.',
              en: 'Product page texts are agreed with legal and compliance.',
            },
            systems: { nl: 'Website, calculator, webanalyse', en: 'Website, calculator, web analytics' },
            measures: {
              nl: 'Uitval op de productpagina; gebruik van de calculator',
              en: 'Bounce rate on the product page; calculator use',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Aanvragen', en: 'Applying' },
      momentOfTruth: {
        nl: 'Zonder hulp en zonder twijfel de aanvraag kunnen afmaken.',
        en: 'Completing the application without help and without doubts.',
      },
      steps: [
        {
          title: { nl: 'De aanvraag starten', en: 'Starting the application' },
          description: {
            nl: 'Ze logt in met haar internetbankieren en ziet haar gegevens al ingevuld. Een goed begin.',
            en: 'She logs in with her online banking and finds her details already filled in. A good start.',
          },
          score: 1,
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Online aanvraagformulier', en: 'Online application form' },
              department: ONLINE_SALES,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'Inloggen met bestaande bankgegevens', en: 'Log in with existing bank credentials' },
              category: 'must-be',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Logt in, controleert haar gegevens en klikt op ‘Aanvraag starten’.',
              en: 'Logs in, checks her details and clicks ‘Start application’.',
            },
            touchpoints: { nl: 'Aanvraagformulier in internetbankieren', en: 'Application form in online banking' },
            'thoughts-feelings': { nl: 'Fijn, mijn gegevens staan er al in.', en: 'Nice, my details are already there.' },
            'pain-points': {
              nl: 'Geen idee hoe lang de aanvraag duurt of wat ze erbij nodig heeft.',
              en: 'No idea how long the application takes or what she will need.',
            },
            opportunities: {
              nl: 'Vooraf laten zien: dit heb je nodig en zo lang duurt het.',
              en: 'Show up front: this is what you need and this is how long it takes.',
            },
            'back-stage': { nl: 'Klantgegevens worden vanuit het CRM vooraf ingevuld.', en: 'Customer details are prefilled from the CRM.' },
            systems: { nl: 'Internetbankieren, aanvraagstraat, CRM', en: 'Online banking, application platform, CRM' },
            measures: { nl: 'Gestarte aanvragen (100%)', en: 'Applications started (100%)' },
          },
        },
        {
          title: { nl: 'Vragenlijst over kennis, ervaring en risico', en: 'Questionnaire on knowledge, experience and risk' },
          description: {
            nl: 'Veertig vragen over beleggingskennis, verliesbereidheid en beleggingshorizon, vol vaktermen. Na twintig minuten stopt Linda. Hier haakt een derde van de aanvragers af.',
            en: 'Forty questions on investment knowledge, appetite for loss and investment horizon, full of jargon. After twenty minutes Linda stops. A third of applicants drop off here.',
          },
          score: -2,
          momentOfTruth: true,
          wait: { moment: 'during', minutes: 25 },
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Vragenlijst beleggingsprofiel', en: 'Risk profile questionnaire' },
              department: COMPLIANCE,
              importance: 5,
            },
          ],
          kano: [
            { text: { nl: 'Vragen in gewone taal', en: 'Questions in plain language' }, category: 'must-be' },
            { text: { nl: 'Tussentijds kunnen opslaan', en: 'Being able to save and continue later' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Beantwoordt vragen, twijfelt, zoekt termen op en sluit het tabblad.',
              en: 'Answers questions, hesitates, looks up terms and closes the tab.',
            },
            touchpoints: { nl: 'Online vragenlijst', en: 'Online questionnaire' },
            'thoughts-feelings': {
              nl: 'Doe ik dit wel goed? Straks kies ik verkeerd en ben ik mijn geld kwijt.',
              en: 'Am I doing this right? What if I choose wrong and lose my money?',
            },
            'pain-points': {
              nl: 'Vaktermen, geen uitleg en niet tussentijds opslaan: hier vallen de meeste afhakers.',
              en: 'Jargon, no explanation and no saving halfway: this is where most drop-offs happen.',
            },
            opportunities: {
              nl: 'Vragen in gewone taal, tussentijds opslaan en een knop ‘bel mij’.',
              en: 'Questions in plain language, save-and-continue and a ‘call me’ button.',
            },
            'back-stage': {
              nl: 'De vragenlijst volgt de wettelijke eisen aan beleggingsadvies letterlijk.',
              en: 'The questionnaire follows the legal requirements for investment advice to the letter.',
            },
            systems: { nl: 'Aanvraagstraat, profielmodule', en: 'Application platform, profiling module' },
            measures: {
              nl: 'Afhakers bij deze stap: 35%; mediane invultijd',
              en: 'Drop-off at this step: 35%; median completion time',
            },
          },
        },
        {
          title: { nl: 'Jaarruimte berekenen', en: 'Calculating the annual allowance' },
          description: {
            nl: 'Twee dagen later gaat ze verder. Voor de jaarruimte moet ze haar winst en pensioenaangroei opzoeken in de aangifte van vorig jaar.',
            en: 'Two days later she carries on. For the annual allowance she has to look up her profit and pension accrual in last year’s tax return.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 2_880 },
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Jaarruimtecalculator in de aanvraag', en: 'Allowance calculator in the application' },
              department: ONLINE_SALES,
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Jaarruimte automatisch berekend', en: 'Annual allowance calculated automatically' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Zoekt haar belastingaangifte op, belt haar boekhouder en vult bedragen in.',
              en: 'Digs out her tax return, calls her accountant and enters the amounts.',
            },
            touchpoints: { nl: 'Jaarruimtecalculator', en: 'Allowance calculator' },
            'thoughts-feelings': { nl: 'Waarom moet ik dit allemaal zelf uitzoeken?', en: 'Why do I have to work all this out myself?' },
            'pain-points': {
              nl: 'De aanvraag ligt stil tot de gegevens er zijn; een deel van de klanten komt nooit terug.',
              en: 'The application stalls until the figures are found; some customers never come back.',
            },
            opportunities: {
              nl: 'Gegevens uit de aangifte ophalen met toestemming; een herinnering sturen bij een onderbroken aanvraag.',
              en: 'Fetch figures from the tax return with consent; send a reminder when an application is interrupted.',
            },
            'back-stage': {
              nl: 'Onderbroken aanvragen blijven dertig dagen bewaard, zonder opvolging.',
              en: 'Interrupted applications are kept for thirty days, with no follow-up.',
            },
            systems: { nl: 'Aanvraagstraat, calculator', en: 'Application platform, calculator' },
            measures: {
              nl: 'Afhakers bij deze stap: 15%; hervatte aanvragen na onderbreking',
              en: 'Drop-off at this step: 15%; applications resumed after interruption',
            },
          },
        },
        {
          title: { nl: 'Legitimeren en herkomst van het geld', en: 'Identification and source of funds' },
          description: {
            nl: 'Ze scant haar paspoort met de app en moet uitleggen waar het geld vandaan komt. Het voelt alsof ze ergens van verdacht wordt.',
            en: 'She scans her passport with the app and has to explain where the money comes from. It feels as if she is suspected of something.',
          },
          score: -1,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'Identiteitscheck in de app', en: 'Identity check in the app' },
              department: COMPLIANCE,
              importance: 4,
            },
          ],
          kano: [
            { text: { nl: 'Snelle, veilige identificatie', en: 'Fast, secure identification' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Scant haar paspoort, maakt een selfie en kiest de herkomst van haar geld.',
              en: 'Scans her passport, takes a selfie and selects the source of her money.',
            },
            touchpoints: { nl: 'Bankapp, uploadscherm', en: 'Banking app, upload screen' },
            'thoughts-feelings': {
              nl: 'Waarom willen ze dit weten? Het is gewoon mijn spaargeld.',
              en: 'Why do they want to know? It’s just my savings.',
            },
            'pain-points': {
              nl: 'Geen uitleg waarom deze vragen nodig zijn; de scan mislukt twee keer.',
              en: 'No explanation of why these questions are needed; the scan fails twice.',
            },
            opportunities: {
              nl: 'Uitleggen dat de wet deze vragen voorschrijft; bestaande klanten minder vragen.',
              en: 'Explain that the law requires these questions; ask existing customers less.',
            },
            'back-stage': {
              nl: 'Controle van identiteit en herkomst van vermogen volgens de wet tegen witwassen.',
              en: 'Identity and source-of-funds checks under anti-money-laundering law.',
            },
            systems: { nl: 'Identificatiedienst, screeningsysteem', en: 'Identity verification service, screening system' },
            measures: { nl: 'Afhakers bij deze stap: 10%; mislukte scans', en: 'Drop-off at this step: 10%; failed scans' },
          },
        },
      ],
    },
    {
      name: { nl: 'Beoordeling', en: 'Assessment' },
      momentOfTruth: {
        nl: 'Weten waar mijn aanvraag staat, en dat er iemand meekijkt.',
        en: 'Knowing where my application stands, and that someone is looking after it.',
      },
      steps: [
        {
          title: { nl: 'Wachten op acceptatie', en: 'Waiting for acceptance' },
          description: {
            nl: 'Een ontvangstbevestiging, en dan vijf werkdagen stilte.',
            en: 'An acknowledgement, then five working days of silence.',
          },
          score: -1,
          wait: { moment: 'after', minutes: 7_200 },
          touchpoints: [
            {
              channel: 'email',
              name: { nl: 'Ontvangstbevestiging', en: 'Acknowledgement e-mail' },
              department: COMPLIANCE,
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'De status van de aanvraag kunnen zien', en: 'Being able to see the application status' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': { nl: 'Kijkt elke dag in de app of er nieuws is.', en: 'Checks the app every day for news.' },
            touchpoints: { nl: 'Ontvangstbevestiging per mail', en: 'Acknowledgement by e-mail' },
            'thoughts-feelings': {
              nl: 'Is alles goed gegaan? Misschien heb ik iets fout ingevuld.',
              en: 'Did everything go through? Maybe I filled something in wrong.',
            },
            'pain-points': { nl: 'Geen status en geen termijn.', en: 'No status and no time frame.' },
            opportunities: {
              nl: 'Een statusbalk in de app, met een verwachte datum.',
              en: 'A status bar in the app, with an expected date.',
            },
            'back-stage': {
              nl: 'Bij afwijkende antwoorden wordt het profiel met de hand beoordeeld.',
              en: 'Profiles with inconsistent answers are reviewed by hand.',
            },
            systems: { nl: 'Werkstroomsysteem van acceptatie', en: 'Onboarding workflow system' },
            measures: { nl: 'Doorlooptijd van aanvraag tot acceptatie', en: 'Lead time from application to acceptance' },
          },
        },
        {
          title: { nl: 'Een adviseur belt', en: 'An adviser calls' },
          description: {
            nl: 'Een adviseur ziet dat Linda’s profiel tegenstrijdig is ingevuld en belt haar op. In een kwartier is alles duidelijk en is de aanvraag rond.',
            en: 'An adviser notices that Linda’s profile answers contradict each other and calls her. In fifteen minutes everything is clear and the application is complete.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'phone',
              name: { nl: 'Telefoontje van een adviseur', en: 'Call from an adviser' },
              department: { nl: 'Klantadvies', en: 'Customer advice' },
              importance: 5,
            },
          ],
          kano: [
            { text: { nl: 'Zelf gebeld worden bij twijfel', en: 'A proactive call when in doubt' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Bespreekt haar antwoorden en past samen met de adviseur haar risicoprofiel aan.',
              en: 'Goes through her answers and adjusts her risk profile with the adviser.',
            },
            touchpoints: { nl: 'Telefoongesprek met een adviseur', en: 'Phone call with an adviser' },
            'thoughts-feelings': {
              nl: 'Eindelijk iemand die het gewoon uitlegt. Had ik dit maar eerder gehad.',
              en: 'Finally someone who just explains it. I wish I’d had this earlier.',
            },
            'pain-points': {
              nl: 'Hulp komt pas na vijf dagen, en alleen omdat haar profiel opviel.',
              en: 'Help comes only after five days, and only because her profile stood out.',
            },
            opportunities: {
              nl: 'Deze adviseur al bij de vragenlijst inzetten, voor iedereen die twijfelt.',
              en: 'Offer this adviser at the questionnaire already, to anyone who hesitates.',
            },
            'front-stage': {
              nl: 'De adviseur legt uit en corrigeert het profiel samen met Linda.',
              en: 'The adviser explains and corrects the profile together with Linda.',
            },
            'back-stage': {
              nl: 'Een signaal van acceptatie gaat naar het adviesteam.',
              en: 'A flag from onboarding goes to the advice team.',
            },
            systems: { nl: 'CRM, werkstroomsysteem', en: 'CRM, workflow system' },
            measures: {
              nl: 'Conversie na een adviesgesprek; tevredenheid na het gesprek',
              en: 'Conversion after an advice call; satisfaction after the call',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Van start', en: 'Getting started' },
      momentOfTruth: {
        nl: 'Vertrouwen dat mijn geld goed terechtkomt.',
        en: 'Trusting that my money is in good hands.',
      },
      steps: [
        {
          title: { nl: 'Rekening geopend, eerste inleg', en: 'Account opened, first deposit' },
          description: {
            nl: 'De rekening is open. Ze maakt haar eerste inleg over en ziet in de app hoeveel belasting ze terugkrijgt.',
            en: 'The account is open. She transfers her first deposit and sees in the app how much tax she will get back.',
          },
          score: 1,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'Beleggingsoverzicht in de app', en: 'Investment overview in the app' },
              department: ONLINE_SALES,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'Overzicht van inleg en belastingvoordeel', en: 'Overview of deposits and tax benefit' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Maakt de eerste inleg over en stelt een maandelijkse inleg in.',
              en: 'Transfers the first deposit and sets up a monthly deposit.',
            },
            touchpoints: { nl: 'Welkomstmail, app', en: 'Welcome e-mail, app' },
            'thoughts-feelings': {
              nl: 'Gelukt. Wel een hele klus voor iets wat ik gewoon wilde regelen.',
              en: 'Done. Quite a job, though, for something I simply wanted to sort out.',
            },
            'pain-points': {
              nl: 'Niet duidelijk hoe ze de inleg in haar belastingaangifte opneemt.',
              en: 'Unclear how to include the deposit in her tax return.',
            },
            opportunities: {
              nl: 'Een kort welkomstgesprek en een heldere uitleg voor de aangifte.',
              en: 'A short welcome call and a clear explanation for the tax return.',
            },
            'back-stage': {
              nl: 'De rekening wordt geopend en de inleg belegd volgens het profiel.',
              en: 'The account is opened and the deposit invested according to the profile.',
            },
            systems: { nl: 'Kernbanksysteem, beleggingsadministratie', en: 'Core banking system, investment administration' },
            measures: {
              nl: 'Afgeronde aanvragen: 50% van de gestarte; tijd van start tot eerste inleg',
              en: 'Applications completed: 50% of those started; time from start to first deposit',
            },
          },
        },
      ],
    },
  ],
};
