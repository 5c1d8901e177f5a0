import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 003, after Rawson, Duncan & Jones (HBR, September 2013): every touchpoint of a pay-TV
// onboarding scored well, yet satisfaction with the whole journey fell by 40% over three months.
// So every step with a touchpoint scores +1 or +2 while the journey-level score is −1: the
// touchpoint-versus-journey rule must fire on this map.

const SALES: LocalizedText = { nl: 'Verkoop', en: 'Sales' };
const CUSTOMER_SERVICE: LocalizedText = { nl: 'Klantenservice', en: 'Customer service' };
const FIELD_SERVICE: LocalizedText = { nl: 'Buitendienst', en: 'Field service' };
const BILLING: LocalizedText = { nl: 'Facturatie', en: 'Billing' };

export const payTvOnboarding: TemplateDefinition = {
  title: { nl: 'Onboarding bij een betaalzender', en: 'Pay-TV onboarding' },
  description: {
    nl: 'Een nieuwe klant van een betaalzender, drie maanden lang: gesprekken met het bedrijf, de monteur die thuis het kastje komt installeren en de mailtjes die achteraf heen en weer gaan voor support. Elk contactmoment verloopt soepel en scoort hoog, en toch zakt de tevredenheid over de hele klantreis met maar liefst 40% (Rawson, Duncan & Jones, Harvard Business Review 2013). Niet de contactmomenten, maar het proces als geheel moet beter.',
    en: 'A new pay-TV customer over three months: conversations with the company, the technician who comes to install the box at home, and the support e-mails that go back and forth afterwards. Every touchpoint goes smoothly and scores high, yet satisfaction with the journey as a whole falls by as much as 40% (Rawson, Duncan & Jones, Harvard Business Review 2013). It is not the touchpoints but the process as a whole that must improve.',
  },
  kind: 'journey',
  journeyScore: -1,
  personas: [
    {
      name: { nl: 'Jeroen, nieuwe abonnee', en: 'Jeroen, new subscriber' },
      description: {
        nl: 'Jeroen (38) woont met zijn gezin in een rijtjeshuis met een tv in de woonkamer en één op zolder. Hij is gek op voetbal en neemt voor het eerst een sportpakket.',
        en: 'Jeroen (38) lives with his family in a terraced house with one TV in the living room and one in the attic. He loves football and is taking a sports package for the first time.',
      },
      goals: {
        nl: 'Alle wedstrijden kijken, op beide tv’s, zonder gedoe en zonder verrassingen op de rekening.',
        en: 'Watch every match, on both TVs, without hassle and without surprises on the bill.',
      },
      color: '#8e24aa',
    },
  ],
  phases: [
    {
      name: { nl: 'Kiezen en aanmelden', en: 'Choosing and signing up' },
      momentOfTruth: {
        nl: 'Zeker weten dat ik het juiste pakket neem, voor een eerlijke prijs.',
        en: 'Being sure I am choosing the right package at a fair price.',
      },
      steps: [
        {
          title: { nl: 'Zin in live sport', en: 'Wanting live sport' },
          description: {
            nl: 'Het nieuwe voetbalseizoen begint. Jeroen wil alle wedstrijden kunnen zien en vergelijkt online de pakketten van de betaalzender.',
            en: 'The new football season is starting. Jeroen wants to see every match and compares the pay-TV packages online.',
          },
          score: 1,
          beforeFirstContact: true,
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Website met pakketvergelijker', en: 'Website with package comparison' },
              department: { nl: 'Marketing', en: 'Marketing' },
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Helder overzicht van pakketten en prijzen', en: 'Clear overview of packages and prices' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Vergelijkt pakketten, leest recensies en bekijkt de welkomstaanbieding.',
              en: 'Compares packages, reads reviews and looks at the welcome offer.',
            },
            touchpoints: { nl: 'Website, reclame rond de wedstrijden', en: 'Website, advertising around the matches' },
            'thoughts-feelings': {
              nl: 'Eindelijk alle wedstrijden. Maar wat heb ik nodig voor twee tv’s?',
              en: 'Finally every match. But what do I need for two TVs?',
            },
            'pain-points': {
              nl: 'Onduidelijk wat er nodig is voor een tweede tv.',
              en: 'Unclear what a second TV needs.',
            },
            opportunities: {
              nl: 'Een keuzehulp die vraagt naar het aantal tv’s en de internetverbinding.',
              en: 'A package finder that asks about the number of TVs and the internet connection.',
            },
            'back-stage': { nl: 'Campagne rond de start van het seizoen.', en: 'Campaign around the start of the season.' },
            systems: { nl: 'Website, webanalyse', en: 'Website, web analytics' },
            measures: {
              nl: 'Bezoek aan de pakketvergelijker; conversie naar een bestelling',
              en: 'Visits to the package comparison; conversion to an order',
            },
          },
        },
        {
          title: { nl: 'Abonnement afsluiten per telefoon', en: 'Signing up by phone' },
          description: {
            nl: 'Een vriendelijke verkoper adviseert het sportpakket en plant meteen een monteur in. Het gesprek krijgt een 9.',
            en: 'A friendly sales agent recommends the sports package and books a technician right away. The call gets a 9 out of 10.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [{ channel: 'phone', name: { nl: 'Verkooplijn', en: 'Sales line' }, department: SALES, importance: 5 }],
          kano: [
            { text: { nl: 'Persoonlijk advies over het pakket', en: 'Personal advice on the package' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Belt, kiest het sportpakket en geeft zijn gegevens door.',
              en: 'Calls, chooses the sports package and gives his details.',
            },
            touchpoints: { nl: 'Telefoongesprek met de verkoper', en: 'Phone call with the sales agent' },
            'thoughts-feelings': { nl: 'Goed geholpen, dat was makkelijk.', en: 'Well helped, that was easy.' },
            'pain-points': { nl: 'De tweede tv komt niet ter sprake.', en: 'The second TV never comes up.' },
            opportunities: {
              nl: 'In het verkoopgesprek vragen naar de situatie thuis: tv’s, verbinding, bekabeling.',
              en: 'Ask about the situation at home during the sales call: TVs, connection, cabling.',
            },
            'front-stage': { nl: 'De verkoper adviseert en sluit het abonnement af.', en: 'The sales agent advises and closes the subscription.' },
            'back-stage': {
              nl: 'Order in het CRM, doorgezet naar planning en facturatie.',
              en: 'Order in the CRM, passed on to planning and billing.',
            },
            systems: { nl: 'CRM, ordersysteem', en: 'CRM, order system' },
            measures: { nl: 'CSAT na het gesprek: 4,7 van 5', en: 'CSAT after the call: 4.7 out of 5' },
          },
        },
      ],
    },
    {
      name: { nl: 'Installatie', en: 'Installation' },
      momentOfTruth: {
        nl: 'Dat alles in één keer werkt, zonder dat ik er een dag voor vrij moet nemen.',
        en: 'Everything working in one go, without taking a day off for it.',
      },
      steps: [
        {
          title: { nl: 'Bevestiging en installatieafspraak', en: 'Confirmation and installation appointment' },
          description: {
            nl: 'Een keurige bevestigingsmail: de monteur komt over tien dagen, tussen acht en één.',
            en: 'A tidy confirmation e-mail: the technician will come in ten days, between eight and one.',
          },
          score: 1,
          wait: { moment: 'after', minutes: 14_400 },
          touchpoints: [
            {
              channel: 'email',
              name: { nl: 'Bevestigingsmail met afspraak', en: 'Confirmation e-mail with appointment' },
              department: { nl: 'Planning', en: 'Scheduling' },
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Bevestiging met datum en tijdvak', en: 'Confirmation with date and time slot' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': { nl: 'Leest de mail en neemt een ochtend vrij.', en: 'Reads the e-mail and takes a morning off.' },
            touchpoints: { nl: 'Bevestigingsmail', en: 'Confirmation e-mail' },
            'thoughts-feelings': {
              nl: 'Netjes geregeld. Wel een ochtend vrij nemen.',
              en: 'Neatly arranged. I do need to take a morning off.',
            },
            'pain-points': {
              nl: 'Een tijdvak van vijf uur; tien dagen wachten terwijl het seizoen al loopt.',
              en: 'A five-hour time slot; ten days’ wait while the season is already under way.',
            },
            opportunities: {
              nl: 'Kortere tijdvakken en een bericht zodra de monteur onderweg is.',
              en: 'Shorter time slots and a message as soon as the technician is on the way.',
            },
            'back-stage': {
              nl: 'De planning koppelt de order aan een monteur en een tijdvak.',
              en: 'Scheduling assigns the order to a technician and a time slot.',
            },
            systems: { nl: 'Planningssysteem, e-mailplatform', en: 'Scheduling system, e-mail platform' },
            measures: {
              nl: 'Tijd tussen bestelling en installatie; geopende bevestigingsmails',
              en: 'Time between order and installation; confirmation e-mails opened',
            },
          },
        },
        {
          title: { nl: 'De monteur installeert het kastje', en: 'The technician installs the box' },
          description: {
            nl: 'De monteur komt om elf uur, is vriendelijk en vakkundig, installeert het kastje in de woonkamer en legt de afstandsbediening uit. Ook dit contact krijgt een 9.',
            en: 'The technician arrives at eleven, friendly and skilled, installs the box in the living room and explains the remote. This contact gets a 9 too.',
          },
          score: 2,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 180 },
          touchpoints: [
            {
              channel: 'technician-visit',
              name: { nl: 'Installatie aan huis', en: 'Home installation' },
              department: FIELD_SERVICE,
              importance: 5,
            },
          ],
          kano: [
            {
              text: { nl: 'Monteur die rustig alles uitlegt', en: 'Technician who patiently explains everything' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Wacht thuis, wijst de plek aan en probeert samen met de monteur de zenders.',
              en: 'Waits at home, shows where it goes and tries the channels with the technician.',
            },
            touchpoints: { nl: 'Monteur aan huis, kastje, afstandsbediening', en: 'Technician at home, box, remote control' },
            'thoughts-feelings': { nl: 'Top geholpen. Wat een aardige man.', en: 'Great service. What a nice man.' },
            'pain-points': {
              nl: 'Drie uur wachten in het tijdvak; de tweede tv valt buiten de opdracht.',
              en: 'Three hours’ wait in the time slot; the second TV is not part of the job.',
            },
            opportunities: {
              nl: 'De monteur de ruimte geven om de tweede tv meteen mee te nemen.',
              en: 'Give the technician room to do the second TV there and then.',
            },
            'front-stage': { nl: 'De monteur installeert en test het kastje.', en: 'The technician installs and tests the box.' },
            'back-stage': {
              nl: 'De monteur werkt volgens de werkbon: één kastje, één tv.',
              en: 'The technician follows the work order: one box, one TV.',
            },
            systems: { nl: 'Werkbon-app, voorraad kastjes', en: 'Work order app, box inventory' },
            measures: {
              nl: 'CSAT na de installatie: 4,8 van 5; installaties die in één keer goed zijn',
              en: 'CSAT after installation: 4.8 out of 5; installations right first time',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'De eerste weken', en: 'The first weeks' },
      momentOfTruth: {
        nl: 'Zorgeloos kunnen kijken waarvoor ik betaal.',
        en: 'Watching what I pay for without worries.',
      },
      steps: [
        {
          title: { nl: 'Tweede tv werkt niet: bellen met de klantenservice', en: 'Second TV doesn’t work: calling customer service' },
          description: {
            nl: 'De tv op zolder geeft geen beeld. De medewerker van de klantenservice is behulpzaam en stuurt een extra kastje op. Het gesprek krijgt een 8.',
            en: 'The attic TV shows no picture. The customer service agent is helpful and sends an extra box. The call gets an 8.',
          },
          score: 1,
          wait: { moment: 'before', minutes: 8 },
          touchpoints: [
            { channel: 'phone', name: { nl: 'Klantenservicelijn', en: 'Customer service line' }, department: CUSTOMER_SERVICE, importance: 4 },
          ],
          kano: [{ text: { nl: 'Alle tv’s in huis werken', en: 'Every TV in the house works' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Belt, legt alles opnieuw uit en wacht op een pakketje.',
              en: 'Calls, explains everything again and waits for a parcel.',
            },
            touchpoints: { nl: 'Klantenservice aan de telefoon, extra kastje per post', en: 'Customer service by phone, extra box by post' },
            'thoughts-feelings': {
              nl: 'Aardig geholpen. Maar waarom moet ik hier zelf achteraan?',
              en: 'Kindly helped. But why do I have to chase this myself?',
            },
            'pain-points': {
              nl: 'Alles opnieuw uitleggen: de medewerker ziet het installatieverslag niet.',
              en: 'Explaining everything again: the agent can’t see the installation report.',
            },
            opportunities: {
              nl: 'Het installatieverslag delen met de klantenservice; voorkomen in plaats van oplossen.',
              en: 'Share the installation report with customer service; prevent rather than fix.',
            },
            'front-stage': {
              nl: 'De medewerker van de klantenservice bestelt een extra kastje.',
              en: 'The customer service agent orders an extra box.',
            },
            'back-stage': {
              nl: 'Tweede order, tweede verzending, tweede factuurregel.',
              en: 'Second order, second shipment, second invoice line.',
            },
            systems: { nl: 'CRM, ordersysteem, logistiek', en: 'CRM, order system, logistics' },
            measures: {
              nl: 'CSAT na het gesprek: 4,4 van 5; contactreden ‘tweede tv’',
              en: 'CSAT after the call: 4.4 out of 5; contact reason ‘second TV’',
            },
          },
        },
        {
          title: { nl: 'Per e-mail vragen naar ontbrekende zenders', en: 'Asking about missing channels by e-mail' },
          description: {
            nl: 'Twee sportzenders ontbreken. Binnen een dag komt een duidelijk antwoord: het kastje opnieuw opstarten. Het werkt.',
            en: 'Two sports channels are missing. Within a day a clear answer arrives: restart the box. It works.',
          },
          score: 1,
          wait: { moment: 'after', minutes: 1_440 },
          touchpoints: [
            { channel: 'email', name: { nl: 'E-mailsupport', en: 'E-mail support' }, department: CUSTOMER_SERVICE, importance: 3 },
          ],
          kano: [{ text: { nl: 'Snel en volledig antwoord', en: 'Quick, complete answer' }, category: 'performance' }],
          cells: {
            'customer-actions': {
              nl: 'Mailt zijn vraag en herstart het kastje volgens de instructie.',
              en: 'E-mails his question and restarts the box as instructed.',
            },
            touchpoints: { nl: 'E-mailsupport', en: 'E-mail support' },
            'thoughts-feelings': {
              nl: 'Opgelost, prima. Maar ik ben er wel weer een avond mee bezig geweest.',
              en: 'Solved, fine. But it cost me another evening.',
            },
            'pain-points': {
              nl: 'Een bekend probleem dat pas na contact wordt opgelost.',
              en: 'A known problem that is only fixed after the customer gets in touch.',
            },
            opportunities: {
              nl: 'Kastjes na de installatie op afstand bijwerken, zodat alle zenders er meteen zijn.',
              en: 'Update boxes remotely after installation, so all channels are there at once.',
            },
            'front-stage': {
              nl: 'Een medewerker van de e-mailsupport stuurt een standaardantwoord.',
              en: 'An e-mail support agent sends a standard answer.',
            },
            'back-stage': {
              nl: 'De zenderlijst wordt pas na een herstart bijgewerkt.',
              en: 'The channel list only updates after a restart.',
            },
            systems: { nl: 'E-mailsysteem, beheer van kastjes op afstand', en: 'E-mail system, remote box management' },
            measures: {
              nl: 'Reactietijd per e-mail: 22 uur; CSAT 4,5 van 5',
              en: 'E-mail response time: 22 hours; CSAT 4.5 out of 5',
            },
          },
        },
        {
          title: { nl: 'Tweede monteursbezoek voor een signaalstoring', en: 'Second technician visit for a signal fault' },
          description: {
            nl: 'Tijdens de derby bevriest het beeld. Na vijf dagen komt een andere monteur, die vakkundig een kabel vervangt. Weer een 8.',
            en: 'During the derby the picture freezes. Five days later another technician comes and skilfully replaces a cable. Another 8.',
          },
          score: 1,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 7_200 },
          touchpoints: [
            {
              channel: 'technician-visit',
              name: { nl: 'Storingsbezoek aan huis', en: 'Home repair visit' },
              department: FIELD_SERVICE,
              importance: 4,
            },
          ],
          kano: [
            { text: { nl: 'Stabiel beeld tijdens live sport', en: 'A stable picture during live sport' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Meldt de storing en neemt opnieuw een ochtend vrij.',
              en: 'Reports the fault and takes another morning off.',
            },
            touchpoints: { nl: 'Storingsmelding, monteur aan huis', en: 'Fault report, technician at home' },
            'thoughts-feelings': {
              nl: 'Weer een ochtend vrij. Elk contact is prima, maar het houdt maar niet op.',
              en: 'Another morning off. Every contact is fine, but it just doesn’t stop.',
            },
            'pain-points': {
              nl: 'Vijf dagen zonder goed beeld; de oorzaak had bij de eerste installatie gevonden kunnen worden.',
              en: 'Five days without a good picture; the cause could have been found at the first installation.',
            },
            opportunities: {
              nl: 'Bij de eerste installatie de signaalsterkte meten en vastleggen.',
              en: 'Measure and record signal strength at the first installation.',
            },
            'front-stage': { nl: 'De monteur vervangt de kabel en test het signaal.', en: 'The technician replaces the cable and tests the signal.' },
            'back-stage': {
              nl: 'De storing is een losse order, niet gekoppeld aan de installatie.',
              en: 'The fault is a separate order, not linked to the installation.',
            },
            systems: { nl: 'Planningssysteem, werkbon-app', en: 'Scheduling system, work order app' },
            measures: {
              nl: 'CSAT na het bezoek: 4,3 van 5; herhaalbezoeken binnen 90 dagen',
              en: 'CSAT after the visit: 4.3 out of 5; repeat visits within 90 days',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'De eerste rekening en daarna', en: 'The first bill and after' },
      momentOfTruth: {
        nl: 'Geen verrassingen: een rekening die klopt met wat me beloofd is.',
        en: 'No surprises: a bill that matches what I was promised.',
      },
      steps: [
        {
          title: { nl: 'Eerste rekening hoger dan verwacht', en: 'First bill higher than expected' },
          description: {
            nl: 'De eerste rekening bevat installatiekosten, het extra kastje en een gebroken maand. De medewerker legt het geduldig uit en crediteert het kastje. Het gesprek krijgt een 8.',
            en: 'The first bill includes installation costs, the extra box and a part month. The agent explains patiently and credits the box. The call gets an 8.',
          },
          score: 1,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 10 },
          touchpoints: [
            { channel: 'phone', name: { nl: 'Klantenservice facturatie', en: 'Billing helpline' }, department: BILLING, importance: 5 },
          ],
          kano: [
            { text: { nl: 'Een rekening die klopt met de afspraak', en: 'A bill that matches the agreement' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Belt over de rekening en krijgt uitleg en een creditnota.',
              en: 'Calls about the bill and gets an explanation and a credit note.',
            },
            touchpoints: { nl: 'Rekening per mail, telefoongesprek met facturatie', en: 'Bill by e-mail, phone call with billing' },
            'thoughts-feelings': {
              nl: 'Wéér bellen. Keurig opgelost, maar ik ben het zat.',
              en: 'Calling again. Sorted out nicely, but I’m fed up.',
            },
            'pain-points': {
              nl: 'Kosten die in het verkoopgesprek niet genoemd zijn.',
              en: 'Costs that were not mentioned in the sales call.',
            },
            opportunities: {
              nl: 'Eén welkomstoverzicht met alle kosten, vóór de eerste rekening.',
              en: 'One welcome summary with all costs, before the first bill.',
            },
            'front-stage': {
              nl: 'De medewerker van facturatie legt uit en crediteert.',
              en: 'The billing agent explains and issues a credit.',
            },
            'back-stage': {
              nl: 'Verkoop, buitendienst en facturatie rekenen elk apart af.',
              en: 'Sales, field service and billing each charge separately.',
            },
            systems: { nl: 'Facturatiesysteem, CRM', en: 'Billing system, CRM' },
            measures: {
              nl: 'CSAT na het gesprek: 4,4 van 5; contacten per nieuwe klant in de eerste 90 dagen',
              en: 'CSAT after the call: 4.4 out of 5; contacts per new customer in the first 90 days',
            },
          },
        },
        {
          title: { nl: 'Na drie maanden: overstappen overwegen', en: 'After three months: considering switching' },
          description: {
            nl: 'Elk contact was prima, maar opgeteld voelt het als gedoe: zeven contactmomenten, twee monteurs, twee vrije ochtenden. In een focusgroep vertelt Jeroen dat hij bij de concurrent kijkt. De tevredenheid over de hele reis is met 40% gezakt.',
            en: 'Every contact was fine, but added up it feels like hassle: seven touchpoints, two technicians, two mornings off. In a focus group Jeroen says he is looking at a competitor. Satisfaction with the whole journey has dropped by 40%.',
          },
          score: -1,
          cells: {
            'customer-actions': {
              nl: 'Vergelijkt aanbiedingen van de concurrent en vertelt in een focusgroep over zijn ervaring.',
              en: 'Compares competitors’ offers and describes his experience in a focus group.',
            },
            touchpoints: {
              nl: 'Geen: de klant praat met vrienden en met de concurrent',
              en: 'None: the customer talks to friends and to the competitor',
            },
            'thoughts-feelings': {
              nl: 'Niemand deed iets fout, maar ik heb er geen zin meer in.',
              en: 'Nobody did anything wrong, but I’ve had enough.',
            },
            'pain-points': {
              nl: 'De optelsom van alle contacten trekt de tevredenheid omlaag, niet één contactmoment.',
              en: 'The sum of all contacts drags satisfaction down, not any single touchpoint.',
            },
            opportunities: {
              nl: 'De klantreis als geheel sturen: één eigenaar voor de eerste 90 dagen, en de oorzaken van contact wegnemen.',
              en: 'Manage the journey as a whole: one owner for the first 90 days, and remove the reasons for contact.',
            },
            'back-stage': {
              nl: 'De scores per contactmoment zijn uitstekend; niemand meet de reis als geheel.',
              en: 'Scores per touchpoint are excellent; nobody measures the journey as a whole.',
            },
            systems: { nl: 'Tevredenheidsmeting per contactmoment', en: 'Satisfaction measurement per touchpoint' },
            measures: {
              nl: 'Tevredenheid over de hele reis: −40% in drie maanden; opzeggingen na 90 dagen',
              en: 'Satisfaction with the whole journey: −40% in three months; cancellations after 90 days',
            },
          },
        },
      ],
    },
  ],
};
