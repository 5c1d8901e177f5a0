import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 000: the end user's day is "bezaaid met dips" (slow logins, start-up scans, VPN crashes,
// slow apps, dropped calls, printers) with a few peaks (an intuitive new app, a helpdesk hero).
// Every dip is kept as its own step, so the curve shows how the dips outnumber the peaks.

const WORKSTATION: LocalizedText = { nl: 'Werkplek', en: 'Workstation' };
const WORKPLACE_SUPPORT: LocalizedText = { nl: 'Werkplekbeheer', en: 'Workplace support' };
const APPLICATION_MANAGEMENT: LocalizedText = { nl: 'Applicatiebeheer', en: 'Application management' };

export const dayInTheLife: TemplateDefinition = {
  title: { nl: 'Een dag in het leven van een eindgebruiker', en: 'A day in the life of an end user' },
  description: {
    nl: 'Een gewone werkdag van een eindgebruiker in een grote organisatie: tergend langzame logins, een hinderlijke virusscan bij het opstarten, de zoveelste VPN-crash, plotseling trage applicaties, wegvallende gesprekken via internettelefonie en een haperende printer. Maar ook momenten van de waarheid: een nieuwe applicatie die je meteen onder de knie hebt en een helpdeskheld die je dag goedmaakt.',
    en: 'An ordinary working day of an end user in a large organisation: painfully slow logins, an annoying virus scan at start-up, yet another VPN crash, suddenly slow applications, calls breaking up over internet telephony and a faltering printer. But also moments of truth: a new application you master at once, and a helpdesk hero who saves your day.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Mark, accountmanager', en: 'Mark, account manager' },
      description: {
        nl: 'Mark (46) werkt bij een groothandel, twee dagen thuis en drie dagen op kantoor of bij klanten. Hij belt de hele dag met klanten en is de schakel tussen de IT en de eindklant.',
        en: 'Mark (46) works for a wholesaler, two days at home and three at the office or with customers. He is on the phone with customers all day and is the link between IT and the end customer.',
      },
      goals: {
        nl: 'Zijn klanten goed helpen en zijn orders op tijd rond krijgen; de IT moet onzichtbaar zijn.',
        en: 'Serve his customers well and close his orders on time; IT should be invisible.',
      },
      color: '#6d4c41',
    },
  ],
  phases: [
    {
      name: { nl: 'Opstarten', en: 'Starting up' },
      momentOfTruth: {
        nl: 'Binnen een paar minuten kunnen beginnen.',
        en: 'Being able to start within a few minutes.',
      },
      steps: [
        {
          title: { nl: 'Koffie en de laptop open', en: 'Coffee and laptop open' },
          description: {
            nl: 'Half acht, thuis aan de keukentafel. Mark wil voor zijn eerste klantgesprek om negen uur zijn mail en de offerte nog even doornemen.',
            en: 'Half past seven, at the kitchen table. Before his first customer call at nine, Mark wants to go through his e-mail and the quote.',
          },
          score: 0,
          beforeFirstContact: true,
          cells: {
            'customer-actions': { nl: 'Zet koffie en klapt de laptop open.', en: 'Makes coffee and opens the laptop.' },
            touchpoints: { nl: 'Laptop thuis', en: 'Laptop at home' },
            'thoughts-feelings': {
              nl: 'Rustig beginnen en de offerte nog even checken.',
              en: 'A calm start, and one more look at the quote.',
            },
            opportunities: {
              nl: 'Weten wanneer gebruikers beginnen en de werkplek dan al klaar hebben staan.',
              en: 'Know when users start and have the workstation ready by then.',
            },
            'back-stage': {
              nl: 'Het nachtelijk onderhoud is niet gedaan: de laptop stond uit.',
              en: 'Overnight maintenance did not run: the laptop was switched off.',
            },
            systems: { nl: 'Laptop, beheerplatform voor werkplekken', en: 'Laptop, endpoint management platform' },
            measures: { nl: 'Tijd van aanzetten tot een werkbaar bureaublad', en: 'Time from power-on to a usable desktop' },
          },
        },
        {
          title: { nl: 'Tergend langzame login', en: 'Painfully slow login' },
          description: {
            nl: 'Wachtwoord, tweestapsverificatie en dan zeven minuten ‘profiel laden’. Elke ochtend weer.',
            en: 'Password, two-factor authentication, then seven minutes of ‘loading profile’. Every single morning.',
          },
          score: -1,
          momentOfTruth: true,
          wait: { moment: 'during', minutes: 7 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'Inlogscherm en profiel laden', en: 'Login screen and profile loading' },
              department: WORKPLACE_SUPPORT,
              importance: 4,
            },
          ],
          kano: [{ text: { nl: 'Snel inloggen', en: 'Fast login' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Typt zijn wachtwoord, bevestigt in de authenticator-app en wacht.',
              en: 'Types his password, confirms in the authenticator app and waits.',
            },
            touchpoints: { nl: 'Inlogscherm, authenticator-app', en: 'Login screen, authenticator app' },
            'thoughts-feelings': {
              nl: 'Zeven minuten om in te loggen. Dat moet toch sneller kunnen?',
              en: 'Seven minutes to log in. Surely that can be faster?',
            },
            'pain-points': {
              nl: 'Het profiel laadt traag en niemand legt uit waarom.',
              en: 'The profile loads slowly and nobody explains why.',
            },
            opportunities: {
              nl: 'Inlogtijd per gebruiker meten en profielen verkleinen.',
              en: 'Measure login time per user and slim down profiles.',
            },
            'back-stage': {
              nl: 'Profielen en beleidsregels worden bij elke login opnieuw geladen.',
              en: 'Profiles and policies are reloaded at every login.',
            },
            systems: { nl: 'Directory, profielbeheer, tweestapsverificatie', en: 'Directory, profile management, two-factor authentication' },
            measures: { nl: 'Inlogtijd (T-indicator)', en: 'Login time (T indicator)' },
          },
        },
        {
          title: { nl: 'De virusscan legt alles plat', en: 'The virus scan grinds everything to a halt' },
          description: {
            nl: 'Net ingelogd start de volledige virusscan. Een kwartier lang reageert niets; Mark leest de offerte dan maar op zijn telefoon.',
            en: 'Just logged in, the full virus scan starts. For a quarter of an hour nothing responds; Mark reads the quote on his phone instead.',
          },
          score: -2,
          wait: { moment: 'during', minutes: 15 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'Virusscanner', en: 'Virus scanner' },
              department: { nl: 'Informatiebeveiliging', en: 'Information security' },
              importance: 3,
            },
          ],
          kano: [{ text: { nl: 'Volledige scan bij het opstarten', en: 'Full scan at start-up' }, category: 'reverse' }],
          cells: {
            'customer-actions': {
              nl: 'Probeert zijn mail te openen, geeft het op en pakt zijn telefoon.',
              en: 'Tries to open his e-mail, gives up and picks up his phone.',
            },
            touchpoints: { nl: 'Melding van de virusscanner, vastlopende programma’s', en: 'Virus scanner notice, freezing programs' },
            'thoughts-feelings': {
              nl: 'Hinderlijk! Uitgerekend nu ik me wil voorbereiden.',
              en: 'So annoying! Just when I want to prepare.',
            },
            'pain-points': {
              nl: 'De scan start juist bij het opstarten; de laptop is een kwartier onbruikbaar.',
              en: 'The scan starts right at start-up; the laptop is unusable for fifteen minutes.',
            },
            opportunities: {
              nl: 'Scans plannen tijdens de lunch of als de laptop niet gebruikt wordt.',
              en: 'Schedule scans over lunch or while the laptop is idle.',
            },
            'back-stage': {
              nl: 'Het beveiligingsbeleid schrijft een volledige scan bij elke start voor.',
              en: 'The security policy prescribes a full scan at every start.',
            },
            systems: { nl: 'Virusscanner, beveiligingsbeleid', en: 'Virus scanner, security policy' },
            measures: {
              nl: 'Processorbelasting na het opstarten; verloren minuten per dag',
              en: 'CPU load after start-up; minutes lost per day',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Verbinden en werken', en: 'Connecting and working' },
      momentOfTruth: {
        nl: 'Ongestoord doorwerken in de applicaties die ik nodig heb.',
        en: 'Working without interruption in the applications I need.',
      },
      steps: [
        {
          title: { nl: 'De zoveelste VPN-crash', en: 'Yet another VPN crash' },
          description: {
            nl: 'Halverwege het openen van de offerte valt de VPN weg. Opnieuw verbinden, opnieuw inloggen.',
            en: 'Halfway through opening the quote, the VPN drops. Reconnect, log in again.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 5 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'VPN-verbinding', en: 'VPN connection' },
              department: { nl: 'Netwerkbeheer', en: 'Network management' },
              importance: 4,
            },
          ],
          kano: [{ text: { nl: 'Stabiele verbinding vanuit huis', en: 'Stable connection from home' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Verbindt opnieuw, logt opnieuw in en opent de offerte nog een keer.',
              en: 'Reconnects, logs in again and reopens the quote.',
            },
            touchpoints: { nl: 'VPN-programma, foutmelding', en: 'VPN client, error message' },
            'thoughts-feelings': {
              nl: 'Alweer? Ik zit al een uur op mijn eigen laptop te wachten.',
              en: 'Again? I’ve been waiting on my own laptop for an hour.',
            },
            'pain-points': {
              nl: 'Niet-opgeslagen wijzigingen kwijt; opnieuw de tweestapsverificatie.',
              en: 'Unsaved changes lost; two-factor authentication all over again.',
            },
            opportunities: {
              nl: 'Applicaties in de cloud zonder VPN; automatisch opnieuw verbinden.',
              en: 'Cloud applications without VPN; automatic reconnection.',
            },
            'back-stage': {
              nl: 'De VPN-server is overbelast tijdens de ochtendpiek.',
              en: 'The VPN server is overloaded during the morning peak.',
            },
            systems: { nl: 'VPN-server, netwerkmonitoring', en: 'VPN server, network monitoring' },
            measures: {
              nl: 'Aantal verbroken VPN-sessies per gebruiker per dag',
              en: 'Dropped VPN sessions per user per day',
            },
          },
        },
        {
          title: { nl: 'Nieuwe applicatie meteen onder de knie', en: 'Mastering the new application at once' },
          description: {
            nl: 'Het pas uitgerolde CRM werkt geheel intuïtief. Mark zet in tien minuten zijn klantafspraken erin, zonder handleiding.',
            en: 'The newly rolled-out CRM is completely intuitive. Mark enters his customer appointments in ten minutes, without a manual.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'Nieuwe CRM-applicatie', en: 'New CRM application' },
              department: APPLICATION_MANAGEMENT,
              importance: 4,
            },
          ],
          kano: [
            { text: { nl: 'Geheel intuïtief, zonder training', en: 'Completely intuitive, no training needed' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Verkent het nieuwe CRM en zet afspraken en notities erin.',
              en: 'Explores the new CRM and enters appointments and notes.',
            },
            touchpoints: { nl: 'CRM-applicatie, rondleiding in de app', en: 'CRM application, in-app tour' },
            'thoughts-feelings': {
              nl: 'Dit is echt fijn! Waarom werkt niet alles zo?',
              en: 'This is really nice! Why doesn’t everything work like this?',
            },
            opportunities: {
              nl: 'Dit moment uitvergroten: een tip van de week, en vragen wat gebruikers ervan vinden.',
              en: 'Amplify this moment: a tip of the week, and ask users what they think.',
            },
            'front-stage': {
              nl: 'Superusers op de afdeling helpen als het toch niet lukt.',
              en: 'Super users in the department help when someone gets stuck.',
            },
            'back-stage': {
              nl: 'Applicatiebeheer heeft de uitrol samen met een groep eindgebruikers getest.',
              en: 'Application management tested the roll-out with a group of end users.',
            },
            systems: { nl: 'CRM in de cloud', en: 'Cloud CRM' },
            measures: {
              nl: 'Gebruik na een week; tevredenheid over de nieuwe applicatie',
              en: 'Adoption after one week; satisfaction with the new application',
            },
          },
        },
        {
          title: { nl: 'Applicaties plotseling traag', en: 'Applications suddenly slow' },
          description: {
            nl: 'Rond elf uur wordt de orderapplicatie tergend traag. Een order invoeren duurt tien minuten in plaats van twee.',
            en: 'Around eleven the order application becomes painfully slow. Entering an order takes ten minutes instead of two.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 10 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: WORKSTATION,
              name: { nl: 'Orderapplicatie', en: 'Order application' },
              department: APPLICATION_MANAGEMENT,
              importance: 4,
            },
          ],
          kano: [
            { text: { nl: 'Snelle reactietijd van applicaties', en: 'Fast application response times' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Kijkt naar de zandloper, klikt nog eens en start de applicatie opnieuw.',
              en: 'Watches the hourglass, clicks again and restarts the application.',
            },
            touchpoints: { nl: 'Orderapplicatie', en: 'Order application' },
            'thoughts-feelings': {
              nl: 'Ligt het aan mij of aan mijn thuisverbinding? Niemand die het zegt.',
              en: 'Is it me or my home connection? Nobody says.',
            },
            'pain-points': {
              nl: 'Geen bericht over een bekende verstoring; iedereen belt los van elkaar de servicedesk.',
              en: 'No notice of a known outage; everyone calls the service desk separately.',
            },
            opportunities: {
              nl: 'Traagheid zelf melden aan gebruikers, met een verwachte hersteltijd.',
              en: 'Tell users about slowness proactively, with an expected recovery time.',
            },
            'back-stage': {
              nl: 'Databaseonderhoud draait midden op de werkdag.',
              en: 'Database maintenance runs in the middle of the working day.',
            },
            systems: { nl: 'Orderapplicatie, database, applicatiemonitoring', en: 'Order application, database, application monitoring' },
            measures: { nl: 'Reactietijd per transactie; meldingen over traagheid', en: 'Response time per transaction; slowness incidents' },
          },
        },
      ],
    },
    {
      name: { nl: 'Klanten te woord staan', en: 'Serving customers' },
      momentOfTruth: {
        nl: 'Klanten goed helpen, zonder dat de techniek in de weg zit.',
        en: 'Serving customers well, without technology getting in the way.',
      },
      steps: [
        {
          title: { nl: 'Klantgesprek valt weg', en: 'Customer call breaks up' },
          description: {
            nl: 'Midden in een gesprek met zijn grootste klant vallen stukken van het gesprek weg. De klant hoort de helft; Mark belt terug met zijn mobiel.',
            en: 'In the middle of a call with his biggest customer, parts of the conversation drop out. The customer hears half; Mark calls back on his mobile.',
          },
          score: -2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'Internettelefonie op de laptop', en: 'Internet telephony on the laptop' },
              department: { nl: 'Communicatiediensten', en: 'Unified communications' },
              importance: 5,
            },
          ],
          kano: [
            { text: { nl: 'Verstaanbaar bellen zonder wegvallers', en: 'Clear calls without drop-outs' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Vraagt de klant om te herhalen, hangt op en belt terug met zijn mobiel.',
              en: 'Asks the customer to repeat, hangs up and calls back on his mobile.',
            },
            touchpoints: { nl: 'Softphone, headset, mobiele telefoon', en: 'Softphone, headset, mobile phone' },
            'thoughts-feelings': { nl: 'Gênant. Wat moet de klant wel niet denken?', en: 'Embarrassing. What must the customer think?' },
            'pain-points': {
              nl: 'De eindgebruiker is de schakel naar de eindklant: die merkt de haperende IT nu ook.',
              en: 'The end user is the link to the end customer, who now notices the faltering IT too.',
            },
            opportunities: {
              nl: 'Gesprekskwaliteit meten en bij slechte kwaliteit zelf voorstellen om over te schakelen naar mobiel.',
              en: 'Measure call quality and offer to switch to mobile when quality drops.',
            },
            'back-stage': {
              nl: 'Spraakverkeer krijgt geen voorrang op het netwerk.',
              en: 'Voice traffic gets no priority on the network.',
            },
            systems: { nl: 'Telefonieplatform, netwerk, headset', en: 'Telephony platform, network, headset' },
            measures: {
              nl: 'Gesprekskwaliteit; aantal afgebroken gesprekken',
              en: 'Call quality; number of dropped calls',
            },
          },
        },
        {
          title: { nl: 'Een helpdeskheld maakt de dag goed', en: 'A helpdesk hero saves the day' },
          description: {
            nl: 'Mark opent de chat. Servicedeskmedewerker Priya neemt zijn laptop op afstand over, herstelt de VPN- en audio-instellingen en belt even na. Binnen een kwartier werkt alles.',
            en: 'Mark opens the chat. Service desk agent Priya takes over his laptop remotely, fixes the VPN and audio settings and calls to check. Within fifteen minutes everything works.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'chat',
              name: { nl: 'Chat met de servicedesk', en: 'Chat with the service desk' },
              department: { nl: 'Servicedesk', en: 'Service desk' },
              importance: 5,
            },
          ],
          kano: [
            {
              text: { nl: 'Meteen geholpen, op afstand, in één keer', en: 'Helped at once, remotely, first time right' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Start een chat, geeft toegang op afstand en test samen een belletje.',
              en: 'Starts a chat, grants remote access and tests a call together.',
            },
            touchpoints: { nl: 'Chat, overname op afstand, terugbelletje', en: 'Chat, remote takeover, follow-up call' },
            'thoughts-feelings': {
              nl: 'Wat een held! Ze snapt meteen wat er mis is en regelt alles.',
              en: 'What a hero! She gets what’s wrong right away and sorts it all out.',
            },
            'pain-points': {
              nl: 'Hij moest het chatvenster eerst zelf zien te vinden.',
              en: 'He first had to find the chat window himself.',
            },
            opportunities: {
              nl: 'De chatknop in de taakbalk zetten; helden zichtbaar bedanken.',
              en: 'Put the chat button in the taskbar; thank heroes visibly.',
            },
            'front-stage': {
              nl: 'Priya lost VPN en geluid in één keer op.',
              en: 'Priya fixes VPN and audio in one go.',
            },
            'back-stage': {
              nl: 'Priya mag wijzigingen zelf doorvoeren, zonder de tweede lijn.',
              en: 'Priya may make changes herself, without second line.',
            },
            systems: { nl: 'Chat, beheer op afstand, ITSM-tool', en: 'Chat, remote management, ITSM tool' },
            measures: {
              nl: 'Oplossing bij eerste contact; happiness-score na het contact',
              en: 'First-contact resolution; happiness score after the contact',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Op kantoor', en: 'At the office' },
      momentOfTruth: {
        nl: 'Dat op kantoor alles net zo goed werkt als thuis.',
        en: 'Everything at the office works as well as at home.',
      },
      steps: [
        {
          title: { nl: 'Haperende printer', en: 'Faltering printer' },
          description: {
            nl: 'Op kantoor print Mark de contracten voor zijn klantbezoek. De printer herkent zijn pasje niet, print de helft en loopt vast.',
            en: 'At the office Mark prints the contracts for his customer visit. The printer doesn’t recognise his badge, prints half and jams.',
          },
          score: -1,
          wait: { moment: 'during', minutes: 10 },
          touchpoints: [
            {
              channel: 'custom',
              customChannel: { nl: 'Kantoor', en: 'Office' },
              name: { nl: 'Multifunctionele printer', en: 'Multifunction printer' },
              department: { nl: 'Facilitaire dienst', en: 'Facilities' },
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Een printer die het doet als je hem nodig hebt', en: 'A printer that works when you need it' }, category: 'must-be' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Houdt zijn pasje tegen de printer, probeert een andere printer en vraagt een collega.',
              en: 'Holds his badge to the printer, tries another printer and asks a colleague.',
            },
            touchpoints: { nl: 'Printer, pasjeslezer', en: 'Printer, badge reader' },
            'thoughts-feelings': { nl: 'Moet dat nou net nu? Ik moet zo weg.', en: 'Why now of all times? I have to leave soon.' },
            'pain-points': {
              nl: 'De printer meldt zijn storing niet; het papier loopt vast.',
              en: 'The printer doesn’t report its fault; the paper jams.',
            },
            opportunities: {
              nl: 'Printers die hun eigen storing melden; contracten digitaal laten ondertekenen.',
              en: 'Printers that report their own faults; contracts signed digitally.',
            },
            'front-stage': {
              nl: 'Een medewerker van de facilitaire dienst haalt het vastgelopen papier eruit.',
              en: 'Someone from facilities clears the paper jam.',
            },
            'back-stage': {
              nl: 'Het printerbeheer is uitbesteed; storingen komen pas na een melding binnen.',
              en: 'Printer management is outsourced; faults only arrive after someone reports them.',
            },
            systems: { nl: 'Printbeheer, pasjessysteem', en: 'Print management, badge system' },
            measures: { nl: 'Beschikbaarheid van printers; printfouten per dag', en: 'Printer availability; print errors per day' },
          },
        },
      ],
    },
    {
      name: { nl: 'Einde van de dag', en: 'End of the day' },
      momentOfTruth: {
        nl: 'Het gevoel dat de dag productief was, en dat iemand wil weten hoe hij ging.',
        en: 'Feeling the day was productive, and that someone wants to know how it went.',
      },
      steps: [
        {
          title: { nl: 'Terugkijken op de dag', en: 'Looking back on the day' },
          description: {
            nl: 'Mark telt op: ruim een uur verloren aan IT. De helpdeskheld en het nieuwe CRM waren de lichtpuntjes. Een korte vraag op zijn scherm vraagt hem om een cijfer voor zijn dag.',
            en: 'Mark adds it up: over an hour lost to IT. The helpdesk hero and the new CRM were the bright spots. A short question on his screen asks him to rate his day.',
          },
          score: 0,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'Korte vraag: hoe was je IT-dag?', en: 'Quick question: how was your IT day?' },
              department: { nl: 'IT-servicemanagement', en: 'IT service management' },
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Gevraagd worden naar je beleving', en: 'Being asked about your experience' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Geeft zijn IT-dag een 6 en schrijft erbij hoeveel tijd hij kwijt was.',
              en: 'Gives his IT day a 6 out of 10 and notes how much time he lost.',
            },
            touchpoints: { nl: 'Korte vraag op de laptop', en: 'Short pop-up question on the laptop' },
            'thoughts-feelings': {
              nl: 'Gemengd: een held en een fijne app, maar veel gedoe.',
              en: 'Mixed: a hero and a nice app, but a lot of hassle.',
            },
            'pain-points': { nl: 'De dips wegen zwaarder dan de pieken.', en: 'The dips weigh more than the peaks.' },
            opportunities: {
              nl: 'Per doelgroep een dag in het leven meten en de diepste dips het eerst aanpakken.',
              en: 'Measure a day in the life per user group and tackle the deepest dips first.',
            },
            'back-stage': {
              nl: 'IT-servicemanagement verzamelt de scores per doelgroep voor de XLA.',
              en: 'IT service management collects the scores per user group for the XLA.',
            },
            systems: { nl: 'Meetplatform voor digitale ervaring, enquêtetool', en: 'Digital experience platform, survey tool' },
            measures: {
              nl: 'Geluksscore per doelgroep; verloren tijd per dag (XLA)',
              en: 'Happiness score per user group; time lost per day (XLA)',
            },
          },
        },
      ],
    },
  ],
};
