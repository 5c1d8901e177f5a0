import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 004 (tip 2) and seed 000: take one disruption and follow the end user through it. The
// measures lane sets X, O and T indicators side by side, because the incident is closed within
// its SLA while the user lost a morning: "green SLAs, unhappy users".

const SERVICE_DESK: LocalizedText = { nl: 'Servicedesk (eerste lijn)', en: 'Service desk (first line)' };
const WORKPLACE_SUPPORT: LocalizedText = { nl: 'Werkplekbeheer (tweede lijn)', en: 'Workplace support (second line)' };
const WORKSTATION: LocalizedText = { nl: 'Werkplek', en: 'Workstation' };

export const endUserIncident: TemplateDefinition = {
  title: { nl: 'Verstoring bij een eindgebruiker', en: 'End-user incident' },
  description: {
    nl: 'Een verstoring vanuit de belevingswereld van de eindgebruiker: ze komt aan op het werk, haar laptop start niet op, ze probeert het zelf op te lossen, zoekt contact met de servicedesk en maakt een melding. Hoe gaat het vanaf daar verder? De melding wordt binnen de SLA opgelost, maar de eindgebruiker is een ochtend kwijt; precies dat maakt een XLA zichtbaar.',
    en: 'An incident seen through the end user’s eyes: she arrives at work, her laptop won’t start, she tries to fix it herself, contacts the service desk and reports it. What happens from there? The incident is resolved within the SLA, yet the end user loses a morning; that is exactly what an XLA makes visible.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Fatima, beleidsmedewerker', en: 'Fatima, policy adviser' },
      description: {
        nl: 'Fatima (41) werkt bij een gemeente, drie dagen op kantoor en twee thuis. Ze is geen techneut en wil dat haar laptop het gewoon doet.',
        en: 'Fatima (41) works for a municipality, three days in the office and two at home. She is not technical and wants her laptop to just work.',
      },
      goals: {
        nl: 'Zonder gedoe aan het werk; bij een storing snel geholpen worden en weten waar ze aan toe is.',
        en: 'Get to work without fuss; when something breaks, get help quickly and know where she stands.',
      },
      color: '#00897b',
    },
  ],
  phases: [
    {
      name: { nl: 'Aan het werk gaan', en: 'Starting work' },
      momentOfTruth: {
        nl: 'Meteen aan de slag kunnen: een werkplek die het gewoon doet.',
        en: 'Getting straight to work: a workstation that simply works.',
      },
      steps: [
        {
          title: { nl: 'Aankomen op het werk', en: 'Arriving at work' },
          description: {
            nl: 'Fatima komt om half negen binnen. Om tien uur presenteert ze haar beleidsnotitie aan de wethouder; de laatste cijfers wil ze nog even bijwerken.',
            en: 'Fatima arrives at half past eight. At ten she presents her policy paper to the alderman; she still wants to update the latest figures.',
          },
          score: 1,
          beforeFirstContact: true,
          kano: [{ text: { nl: 'Een vrije, werkende flexplek', en: 'A free, working hot desk' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Zoekt een flexplek, klikt haar laptop in het dockingstation en haalt koffie.',
              en: 'Finds a hot desk, docks her laptop and gets a coffee.',
            },
            touchpoints: { nl: 'Flexplek met dockingstation en scherm', en: 'Hot desk with docking station and screen' },
            'thoughts-feelings': { nl: 'Nog anderhalf uur; dat red ik makkelijk.', en: 'An hour and a half to go; plenty of time.' },
            'pain-points': {
              nl: 'Op drukke dagen zijn flexplekken met een werkend scherm schaars.',
              en: 'On busy days, hot desks with a working screen are scarce.',
            },
            opportunities: {
              nl: 'Flexplekken met een kapot scherm of dock automatisch laten melden.',
              en: 'Have hot desks with a broken screen or dock report themselves.',
            },
            'back-stage': {
              nl: 'Vannacht is een update van het besturingssysteem uitgerold.',
              en: 'An operating system update was rolled out overnight.',
            },
            systems: { nl: 'Dockingstation, software-uitrol', en: 'Docking station, software deployment' },
            measures: { nl: 'Beschikbaarheid van werkende flexplekken', en: 'Availability of working hot desks' },
          },
        },
        {
          title: { nl: 'Laptop start niet op', en: 'Laptop won’t start' },
          description: {
            nl: 'Het scherm blijft zwart met een draaiend rondje. Na tien minuten gebeurt er nog steeds niets.',
            en: 'The screen stays black with a spinning circle. After ten minutes, still nothing happens.',
          },
          score: -2,
          beforeFirstContact: true,
          momentOfTruth: true,
          wait: { moment: 'during', minutes: 10 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'Laptop en opstartscherm', en: 'Laptop and start-up screen' },
              department: WORKPLACE_SUPPORT,
              importance: 5,
            },
          ],
          kano: [{ text: { nl: 'Laptop start altijd op', en: 'Laptop always starts' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Drukt op de aan-knop, wacht en probeert het nog eens.',
              en: 'Presses the power button, waits and tries again.',
            },
            touchpoints: { nl: 'Laptop, opstartscherm', en: 'Laptop, start-up screen' },
            'thoughts-feelings': {
              nl: 'Niet nu! Over anderhalf uur moet ik presenteren.',
              en: 'Not now! I’m presenting in an hour and a half.',
            },
            'pain-points': {
              nl: 'Geen foutmelding: geen idee wat er mis is of hoe lang het duurt.',
              en: 'No error message: no idea what is wrong or how long it will take.',
            },
            opportunities: {
              nl: 'Een mislukte update automatisch terugdraaien en de servicedesk waarschuwen.',
              en: 'Roll back a failed update automatically and alert the service desk.',
            },
            'back-stage': {
              nl: 'De update is op een deel van de laptops vastgelopen; niemand weet het nog.',
              en: 'The update has stalled on some of the laptops; nobody knows yet.',
            },
            systems: {
              nl: 'Besturingssysteem, software-uitrol, monitoring van werkplekken',
              en: 'Operating system, software deployment, endpoint monitoring',
            },
            measures: {
              nl: 'Aantal mislukte opstarts na een update (T-indicator)',
              en: 'Failed start-ups after an update (T indicator)',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Zelf oplossen', en: 'Trying to fix it' },
      momentOfTruth: {
        nl: 'Zelf weer verder kunnen, zonder eerst te hoeven bellen.',
        en: 'Being able to carry on alone, without having to call first.',
      },
      steps: [
        {
          title: { nl: 'Zelf proberen op te lossen', en: 'Trying to fix it herself' },
          description: {
            nl: 'Ze herstart de laptop drie keer, zoekt op haar telefoon op het intranet en vraagt een collega om raad.',
            en: 'She restarts the laptop three times, searches the intranet on her phone and asks a colleague for advice.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 15 },
          touchpoints: [
            {
              channel: 'self-service-portal',
              name: { nl: 'Zelfhulppagina’s op het intranet', en: 'Self-help pages on the intranet' },
              department: SERVICE_DESK,
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Zelfhulp die je ook op je telefoon vindt', en: 'Self-help you can also find on your phone' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Herstart, haalt de stekker eruit, zoekt op haar telefoon en vraagt een collega.',
              en: 'Restarts, unplugs the laptop, searches on her phone and asks a colleague.',
            },
            touchpoints: { nl: 'Intranet op de telefoon, zelfhulpportaal, collega', en: 'Intranet on her phone, self-help portal, colleague' },
            'thoughts-feelings': {
              nl: 'Die zelfhulppagina gaat over printers, niet hierover. Ik verlies tijd.',
              en: 'That self-help page is about printers, not this. I’m losing time.',
            },
            'pain-points': {
              nl: 'Zelfhulp is slecht te vinden op de telefoon; inloggen op het portaal lukt niet zonder laptop.',
              en: 'Self-help is hard to find on a phone; logging in to the portal fails without a laptop.',
            },
            opportunities: {
              nl: 'Een mobiele storingspagina zonder inlog, met bekende verstoringen bovenaan.',
              en: 'A mobile status page without login, with known outages at the top.',
            },
            'front-stage': {
              nl: 'Een collega zoekt mee: de ‘schaduwhelpdesk’.',
              en: 'A colleague helps search: the ‘shadow help desk’.',
            },
            'back-stage': {
              nl: 'Kennisartikelen beheren; bekende verstoringen publiceren.',
              en: 'Maintain knowledge articles; publish known outages.',
            },
            systems: { nl: 'Zelfhulpportaal, kennisbank, single sign-on', en: 'Self-help portal, knowledge base, single sign-on' },
            measures: {
              nl: 'Gebruik van zelfhulp; aandeel zelf opgeloste storingen; verloren tijd',
              en: 'Self-help use; share of incidents solved by users; lost time',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Melden', en: 'Reporting' },
      momentOfTruth: {
        nl: 'Gehoord worden en weten wat er nu gaat gebeuren.',
        en: 'Being heard and knowing what happens next.',
      },
      steps: [
        {
          title: { nl: 'De servicedesk bellen', en: 'Calling the service desk' },
          description: {
            nl: 'Ze belt de servicedesk en hangt twaalf minuten in de wacht, met een bandje over het wachtwoordportaal.',
            en: 'She calls the service desk and is on hold for twelve minutes, listening to a recording about the password portal.',
          },
          score: -1,
          wait: { moment: 'before', minutes: 12 },
          touchpoints: [
            {
              channel: 'phone',
              name: { nl: 'Telefoonnummer van de servicedesk', en: 'Service desk phone number' },
              department: SERVICE_DESK,
              importance: 5,
            },
          ],
          kano: [{ text: { nl: 'Servicedesk snel bereikbaar', en: 'Service desk quickly reachable' }, category: 'must-be' }],
          cells: {
            'customer-actions': { nl: 'Belt, kiest in het keuzemenu en wacht.', en: 'Calls, picks an option in the phone menu and waits.' },
            touchpoints: { nl: 'Telefoon, keuzemenu, wachtrij', en: 'Phone, phone menu, queue' },
            'thoughts-feelings': {
              nl: 'Twaalf minuten! De presentatie komt steeds dichterbij.',
              en: 'Twelve minutes! The presentation is getting closer and closer.',
            },
            'pain-points': {
              nl: 'Wachttijd; het keuzemenu kent geen optie voor ‘mijn laptop start niet’.',
              en: 'Waiting time; the phone menu has no option for ‘my laptop won’t start’.',
            },
            opportunities: {
              nl: 'Terugbellen aanbieden; een bekende verstoring meteen in het keuzemenu melden.',
              en: 'Offer a call-back; announce a known outage in the phone menu right away.',
            },
            'front-stage': {
              nl: 'Alle servicedeskmedewerkers zijn in gesprek.',
              en: 'All service desk agents are on calls.',
            },
            'back-stage': {
              nl: 'Een piek aan telefoontjes door dezelfde mislukte update, nog niet herkend als één verstoring.',
              en: 'A spike in calls caused by the same failed update, not yet recognised as one outage.',
            },
            systems: { nl: 'Telefooncentrale, wachtrijsoftware', en: 'Phone system, queueing software' },
            measures: {
              nl: 'Gemiddelde wachttijd aan de telefoon (O-indicator); aandeel opgehangen gesprekken',
              en: 'Average phone waiting time (O indicator); abandoned call rate',
            },
          },
        },
        {
          title: { nl: 'Een melding maken', en: 'Logging the incident' },
          description: {
            nl: 'Servicedeskmedewerker Ruben neemt op, vraagt goed door, ziet dat het om de update gaat en legt de melding vast. Omdat Fatima om tien uur moet presenteren, geeft hij voorrang.',
            en: 'Service desk agent Ruben answers, asks the right questions, sees it is the update and logs the incident. Because Fatima is presenting at ten, he gives it priority.',
          },
          score: 1,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'phone',
              name: { nl: 'Gesprek met de servicedesk', en: 'Call with the service desk' },
              department: SERVICE_DESK,
              importance: 5,
            },
            {
              channel: 'email',
              name: { nl: 'Bevestigingsmail met meldingsnummer', en: 'Confirmation e-mail with incident number' },
              department: SERVICE_DESK,
              importance: 2,
            },
          ],
          kano: [
            { text: { nl: 'Deskundige medewerker die doorvraagt', en: 'Knowledgeable agent who asks the right questions' }, category: 'performance' },
            { text: { nl: 'Voorrang bij haast', en: 'Priority when it is urgent' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Legt uit wat er gebeurt en dat ze om tien uur presenteert.',
              en: 'Explains what is happening and that she is presenting at ten.',
            },
            touchpoints: { nl: 'Telefoongesprek, bevestigingsmail', en: 'Phone call, confirmation e-mail' },
            'thoughts-feelings': {
              nl: 'Eindelijk iemand die meedenkt. Hij snapt dat het haast heeft.',
              en: 'Finally someone who thinks along. He gets that it’s urgent.',
            },
            'pain-points': {
              nl: 'Ze moet haar gegevens spellen; de bevestigingsmail staat vol jargon.',
              en: 'She has to spell out her details; the confirmation e-mail is full of jargon.',
            },
            opportunities: {
              nl: 'Servicedeskmedewerkers ruimte geven om voorrang te geven; een bevestiging in gewone taal.',
              en: 'Let service desk agents give priority; a confirmation in plain language.',
            },
            'front-stage': {
              nl: 'Ruben registreert, classificeert en geeft voorrang.',
              en: 'Ruben logs, classifies and prioritises the incident.',
            },
            'back-stage': {
              nl: 'De melding wordt gekoppeld aan de nieuwe verstoring ‘mislukte update’ en doorgezet naar werkplekbeheer.',
              en: 'The incident is linked to the new outage ‘failed update’ and passed to workplace support.',
            },
            systems: { nl: 'ITSM-tool (meldingen en verstoringen), CMDB', en: 'ITSM tool (incidents and problems), CMDB' },
            measures: {
              nl: 'Oplossing bij eerste contact; tevredenheid na het gesprek',
              en: 'First-contact resolution; satisfaction after the call',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Oplossen', en: 'Getting it fixed' },
      momentOfTruth: {
        nl: 'Zo snel mogelijk weer productief, met een alternatief in de tussentijd.',
        en: 'Productive again as soon as possible, with a stopgap in the meantime.',
      },
      steps: [
        {
          title: { nl: 'Wachten op de tweede lijn', en: 'Waiting for second line' },
          description: {
            nl: 'Twee uur lang hoort ze niets, behalve een automatische mail: ‘uw melding is in behandeling’. Ze presenteert op de laptop van een collega, met de cijfers van vorige week.',
            en: 'For two hours she hears nothing but an automatic e-mail: ‘your incident is being handled’. She presents on a colleague’s laptop, with last week’s figures.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 120 },
          touchpoints: [
            {
              channel: 'email',
              name: { nl: 'Automatische statusmail', en: 'Automatic status e-mail' },
              department: SERVICE_DESK,
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Actuele status en verwachte oplostijd', en: 'Current status and expected fix time' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Leent de laptop van een collega, presenteert met oude cijfers en kijkt steeds op haar mail.',
              en: 'Borrows a colleague’s laptop, presents with old figures and keeps checking her e-mail.',
            },
            touchpoints: { nl: 'Automatische statusmail', en: 'Automatic status e-mail' },
            'thoughts-feelings': {
              nl: 'Wordt er eigenlijk wel aan gewerkt? Ik kan niks.',
              en: 'Is anyone actually working on it? I can’t do anything.',
            },
            'pain-points': {
              nl: 'Geen status en geen tijdsindicatie; de SLA-klok staat op groen, maar zij verliest een ochtend.',
              en: 'No status and no time estimate; the SLA clock is green, but she loses a morning.',
            },
            opportunities: {
              nl: 'Een leenlaptop klaarzetten bij de balie; de verwachte oplostijd uit zichzelf melden.',
              en: 'Keep a loan laptop ready at the desk; report the expected fix time proactively.',
            },
            'back-stage': {
              nl: 'Werkplekbeheer onderzoekt de mislukte update en maakt een herstelprocedure.',
              en: 'Workplace support investigates the failed update and prepares a fix.',
            },
            systems: { nl: 'ITSM-tool, software-uitrol', en: 'ITSM tool, software deployment' },
            measures: {
              nl: 'Doorlooptijd binnen de SLA; verloren tijd volgens de eindgebruiker (X-indicator)',
              en: 'Lead time within the SLA; lost time according to the end user (X indicator)',
            },
          },
        },
        {
          title: { nl: 'Werkplekspecialist komt langs', en: 'Workplace specialist drops by' },
          description: {
            nl: 'Kees van werkplekbeheer komt naar haar bureau, brengt een leenlaptop mee en draait de update terug.',
            en: 'Kees from workplace support comes to her desk, brings a loan laptop and rolls back the update.',
          },
          score: 1,
          touchpoints: [
            {
              channel: 'technician-visit',
              name: { nl: 'Bezoek aan de werkplek', en: 'Desk visit' },
              department: WORKPLACE_SUPPORT,
              importance: 4,
            },
          ],
          kano: [
            { text: { nl: 'Leenlaptop meteen meegebracht', en: 'Loan laptop brought along straight away' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Laat de specialist meekijken en logt in op de leenlaptop.',
              en: 'Lets the specialist take a look and logs in on the loan laptop.',
            },
            touchpoints: { nl: 'Specialist aan het bureau, leenlaptop', en: 'Specialist at the desk, loan laptop' },
            'thoughts-feelings': {
              nl: 'Fijn dat er iemand persoonlijk komt. Maar had dit niet eerder gekund?',
              en: 'Nice that someone comes in person. But couldn’t this have happened sooner?',
            },
            'pain-points': { nl: 'Hij kwam pas na de presentatie.', en: 'He only came after the presentation.' },
            opportunities: {
              nl: 'Bij een melding met haast meteen een leenlaptop aanbieden.',
              en: 'Offer a loan laptop straight away when an incident is urgent.',
            },
            'front-stage': { nl: 'Kees (tweede lijn) herstelt de laptop ter plekke.', en: 'Kees (second line) fixes the laptop on the spot.' },
            'back-stage': {
              nl: 'De herstelprocedure op afstand uitrollen naar alle getroffen laptops.',
              en: 'Roll out the fix remotely to all affected laptops.',
            },
            systems: { nl: 'Beheertool op afstand, leenpool', en: 'Remote management tool, loan pool' },
            measures: { nl: 'Oplostijd; aantal bezoeken per melding', en: 'Resolution time; visits per incident' },
          },
        },
        {
          title: { nl: 'De laptop werkt weer', en: 'The laptop works again' },
          description: {
            nl: 'Alles staat er nog, ook haar half bijgewerkte cijfers. Kees laat zien hoe ze het de volgende keer zelf kan terugdraaien.',
            en: 'Everything is still there, including her half-updated figures. Kees shows her how to roll it back herself next time.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'Herstelde laptop', en: 'Repaired laptop' },
              department: WORKPLACE_SUPPORT,
              importance: 5,
            },
          ],
          kano: [
            {
              text: { nl: 'Alle bestanden en instellingen zijn er nog', en: 'All files and settings are still there' },
              category: 'must-be',
            },
            { text: { nl: 'Uitleg om het voortaan zelf op te lossen', en: 'A tip to fix it yourself next time' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Controleert haar bestanden en werkt de cijfers bij.',
              en: 'Checks her files and updates the figures.',
            },
            touchpoints: { nl: 'Eigen laptop, korte uitleg van de specialist', en: 'Own laptop, short explanation from the specialist' },
            'thoughts-feelings': {
              nl: 'Opgelucht! En nu weet ik wat ik de volgende keer zelf kan doen.',
              en: 'Relieved! And now I know what I can do myself next time.',
            },
            opportunities: {
              nl: 'Deze uitleg als korte video op de mobiele storingspagina zetten.',
              en: 'Put this explanation on the mobile status page as a short video.',
            },
            'front-stage': {
              nl: 'Kees legt uit wat er misging en hoe het voortaan sneller kan.',
              en: 'Kees explains what went wrong and how it can be quicker next time.',
            },
            'back-stage': {
              nl: 'De oorzaak in de uitrolprocedure vastleggen (probleembeheer).',
              en: 'Record the root cause in the deployment procedure (problem management).',
            },
            systems: { nl: 'Software-uitrol, kennisbank', en: 'Software deployment, knowledge base' },
            measures: { nl: 'Herhaalmeldingen binnen vijf dagen', en: 'Repeat incidents within five days' },
          },
        },
      ],
    },
    {
      name: { nl: 'Afsluiten', en: 'Closing' },
      momentOfTruth: {
        nl: 'Het gevoel dat het echt is opgelost en dat er naar mij geluisterd wordt.',
        en: 'Feeling that it is really solved and that someone listens to me.',
      },
      steps: [
        {
          title: { nl: 'Melding gesloten, enquête in de mail', en: 'Incident closed, survey by e-mail' },
          description: {
            nl: 'De melding is netjes binnen de SLA gesloten. De enquête vraagt alleen naar het telefoongesprek, niet naar de verloren ochtend.',
            en: 'The incident was closed neatly within the SLA. The survey only asks about the phone call, not about the lost morning.',
          },
          score: 0,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'email',
              name: { nl: 'Afsluitmail met tevredenheidsenquête', en: 'Closure e-mail with satisfaction survey' },
              department: SERVICE_DESK,
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Standaard afsluitmail met enquête', en: 'Standard closure e-mail with survey' }, category: 'indifferent' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Vult de enquête half in en klikt hem dan weg.',
              en: 'Fills in half of the survey, then closes it.',
            },
            touchpoints: { nl: 'Afsluitmail, enquête', en: 'Closure e-mail, survey' },
            'thoughts-feelings': {
              nl: 'Groene SLA, maar mijn ochtend was weg. Daar vraagt niemand naar.',
              en: 'Green SLA, but my morning was gone. Nobody asks about that.',
            },
            'pain-points': {
              nl: 'De enquête meet de servicedesk, niet de beleving; geen vraag naar verloren tijd.',
              en: 'The survey measures the service desk, not the experience; no question about lost time.',
            },
            opportunities: {
              nl: 'Meten met een XLA: vraag naar geluk en verloren tijd, en bel terug na een lage score.',
              en: 'Measure with an XLA: ask about happiness and lost time, and call back after a low score.',
            },
            'front-stage': {
              nl: 'De servicedesk sluit de melding na bevestiging door werkplekbeheer.',
              en: 'The service desk closes the incident once workplace support confirms the fix.',
            },
            'back-stage': {
              nl: 'In de maandrapportage telt de melding als succes: SLA gehaald.',
              en: 'In the monthly report the incident counts as a success: SLA met.',
            },
            systems: { nl: 'ITSM-tool, enquêtetool', en: 'ITSM tool, survey tool' },
            measures: {
              nl: 'Geluksscore en verloren tijd per melding (XLA) naast de SLA-score',
              en: 'Happiness score and lost time per incident (XLA) beside the SLA score',
            },
          },
        },
      ],
    },
  ],
};
