import type { LocalizedText, TemplateDefinition, TemplatePersona } from './templateDefinition.ts';

// Seed 002: a not-for-profit knew that members became less involved over the years, then left
// or gave less, but not where. That calls for an experience map, not a journey map: its phases
// are lifecycle stages over years, and each step stands for a whole journey one could zoom into.
// The first two stages link down to the journey map of joining (membershipJoining.ts).

const MEMBER_SERVICES: LocalizedText = { nl: 'Ledenservice', en: 'Member services' };
const FUNDRAISING: LocalizedText = { nl: 'Fondsenwerving', en: 'Fundraising' };
const COMMUNICATIONS: LocalizedText = { nl: 'Communicatie', en: 'Communications' };

/** The young member, who also stars in the journey map of joining (membershipJoining.ts). */
export const YOUSSEF: TemplatePersona = {
  name: { nl: 'Youssef, jong lid', en: 'Youssef, young member' },
  description: {
    nl: 'Youssef (27) werd lid via sociale media. Hij wil liever iets dóén dan alleen betalen, en haakt af bij post en algemene nieuwsbrieven.',
    en: 'Youssef (27) joined through social media. He would rather do something than just pay, and switches off at letters and generic newsletters.',
  },
  goals: {
    nl: 'Zelf kiezen hoe hij bijdraagt: tijd, geld of zijn stem, en daar digitaal over op de hoogte blijven.',
    en: 'Choose how he contributes, whether time, money or his voice, and stay up to date digitally.',
  },
  color: '#26a69a',
};

export const membershipLifecycle: TemplateDefinition = {
  title: { nl: 'Lidmaatschap van een natuurorganisatie', en: 'Membership of a nature charity' },
  description: {
    nl: 'Een klantbelevingskaart van het lidmaatschap van een not-for-profitorganisatie, van de eerste kennismaking tot het opzeggen, zes jaar later. De organisatie wist dat leden in de loop van de jaren minder betrokken raakten en daardoor afhaakten of minder doneerden, maar niet waar het misging. Door de hele levenscyclus te bekijken in plaats van één klantreis wordt dat zichtbaar; daarna heeft het zin in te zoomen op de afzonderlijke klantreizen.',
    en: 'A customer experience map of membership of a not-for-profit organisation, from the first encounter to cancelling six years later. The organisation knew that members became less involved over the years and then left or gave less, but not where things went wrong. Looking at the whole lifecycle instead of one journey makes that visible; after that it makes sense to zoom in on the individual journeys.',
  },
  kind: 'experience',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Anneke, trouw lid', en: 'Anneke, loyal member' },
      description: {
        nl: 'Anneke (58) wandelt elk weekend en werd lid na een campagne over een bedreigd natuurgebied. Ze leest alles wat ze krijgt, en heeft een hekel aan opdringerigheid.',
        en: 'Anneke (58) walks every weekend and joined after a campaign about a threatened nature reserve. She reads everything she receives and dislikes being pushed.',
      },
      goals: {
        nl: 'Bijdragen aan de natuur dicht bij huis, zien wat haar geld oplevert en af en toe zelf meehelpen.',
        en: 'Contribute to nature close to home, see what her money achieves and lend a hand now and then.',
      },
      color: '#2e7d32',
    },
    YOUSSEF,
  ],
  phases: [
    {
      name: { nl: 'Kennismaken (maand 0)', en: 'Discovering (month 0)' },
      links: [{ template: 'membership-joining' }],
      momentOfTruth: {
        nl: 'Voelen dat mijn steun verschil maakt.',
        en: 'Feeling that my support makes a difference.',
      },
      steps: [
        {
          title: { nl: 'Geraakt door een campagne', en: 'Moved by a campaign' },
          description: {
            nl: 'Een filmpje over een bedreigd natuurgebied vlak bij huis komt voorbij. Het raakt haar; ze wil iets doen.',
            en: 'A video about a threatened nature reserve close to home appears in her feed. It moves her; she wants to do something.',
          },
          score: 1,
          beforeFirstContact: true,
          touchpoints: [
            {
              channel: 'social-media',
              name: { nl: 'Campagnefilmpje', en: 'Campaign video' },
              department: COMMUNICATIONS,
              importance: 3,
            },
          ],
          kano: [{ text: { nl: 'Een verhaal dat raakt', en: 'A story that moves you' }, category: 'attractive' }],
          cells: {
            'customer-actions': {
              nl: 'Kijkt het filmpje, deelt het en zoekt de organisatie op.',
              en: 'Watches the video, shares it and looks up the organisation.',
            },
            touchpoints: { nl: 'Sociale media, website', en: 'Social media, website' },
            'thoughts-feelings': { nl: 'Dit mag niet verdwijnen. Ik wil helpen.', en: 'This must not disappear. I want to help.' },
            'pain-points': {
              nl: 'Veel goede doelen vragen tegelijk om aandacht.',
              en: 'Many charities are asking for attention at once.',
            },
            opportunities: {
              nl: 'Meteen laten zien wat een lidmaatschap concreet betekent voor dit gebied.',
              en: 'Show straight away what a membership concretely means for this reserve.',
            },
            'back-stage': {
              nl: 'Campagne gericht op nieuwe en jongere doelgroepen.',
              en: 'Campaign aimed at new and younger audiences.',
            },
            systems: { nl: 'Advertentieplatform, webanalyse', en: 'Advertising platform, web analytics' },
            measures: { nl: 'Bereik en doorklikratio van de campagne', en: 'Campaign reach and click-through rate' },
          },
        },
        {
          title: { nl: 'Lid worden', en: 'Joining' },
          subJourney: 'membership-joining',
          description: {
            nl: 'Aanmelden kost twee minuten: € 30 contributie per jaar, via automatische incasso.',
            en: 'Signing up takes two minutes: a €30 annual fee, by direct debit.',
          },
          score: 1,
          touchpoints: [
            { channel: 'web', name: { nl: 'Aanmeldformulier', en: 'Sign-up form' }, department: MEMBER_SERVICES, importance: 4 },
          ],
          kano: [{ text: { nl: 'Eenvoudig aanmelden', en: 'Easy sign-up' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Vult het formulier in en geeft een machtiging af.',
              en: 'Fills in the form and authorises the direct debit.',
            },
            touchpoints: { nl: 'Aanmeldformulier op de website', en: 'Sign-up form on the website' },
            'thoughts-feelings': { nl: 'Zo, dat is geregeld. Goed gevoel.', en: 'There, that’s done. Feels good.' },
            'pain-points': {
              nl: 'Meteen na het aanmelden wordt gevraagd om een hoger bedrag.',
              en: 'Right after signing up she is asked for a higher amount.',
            },
            opportunities: {
              nl: 'Laten kiezen hoe iemand betrokken wil zijn: geven, doen of op de hoogte blijven.',
              en: 'Let people choose how they want to be involved: giving, doing or keeping informed.',
            },
            'back-stage': { nl: 'Het lid wordt aangemaakt in de ledenadministratie.', en: 'The member is created in the membership database.' },
            systems: { nl: 'Ledenadministratie, betaalplatform', en: 'Membership database, payment platform' },
            measures: { nl: 'Conversie van het aanmeldformulier', en: 'Sign-up form conversion' },
          },
        },
      ],
    },
    {
      name: { nl: 'Welkom (eerste maanden)', en: 'Welcome (first months)' },
      links: [{ template: 'membership-joining', phase: 2 }],
      momentOfTruth: {
        nl: 'Welkom geheten worden als lid, niet als nummer.',
        en: 'Being welcomed as a member, not as a number.',
      },
      steps: [
        {
          title: { nl: 'Het welkomstpakket', en: 'The welcome pack' },
          description: {
            nl: 'Drie weken later valt een welkomstpakket in de bus: ledenpas, magazine en een wandelkaart van een gebied vlak bij huis.',
            en: 'Three weeks later a welcome pack drops through the letterbox: membership card, magazine and a walking map of a reserve close to home.',
          },
          score: 2,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 30_240 },
          touchpoints: [
            {
              channel: 'letter',
              name: { nl: 'Welkomstpakket met ledenpas en wandelkaart', en: 'Welcome pack with card and walking map' },
              department: MEMBER_SERVICES,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'Persoonlijke welkomstbrief met een route in de buurt', en: 'Personal welcome letter with a route nearby' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Bekijkt het pakket en loopt in het weekend de wandelroute.',
              en: 'Looks through the pack and walks the route at the weekend.',
            },
            touchpoints: { nl: 'Welkomstpakket per post', en: 'Welcome pack by post' },
            'thoughts-feelings': { nl: 'Wat leuk, een route bij mij om de hoek!', en: 'How lovely, a route just around the corner!' },
            'pain-points': { nl: 'Het pakket komt pas na drie weken.', en: 'The pack takes three weeks to arrive.' },
            opportunities: {
              nl: 'Binnen een week welkom heten, met alvast een digitale groet.',
              en: 'Welcome members within a week, with a digital greeting first.',
            },
            'back-stage': {
              nl: 'Welkomstpakketten gaan één keer per maand in een batch de deur uit.',
              en: 'Welcome packs are sent out once a month in a batch.',
            },
            systems: { nl: 'Ledenadministratie, verzendhuis', en: 'Membership database, mailing house' },
            measures: {
              nl: 'Tijd tot het welkomstpakket; behoud na het eerste jaar',
              en: 'Time to welcome pack; retention after the first year',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Betrokken raken (jaar 1–2)', en: 'Getting involved (years 1–2)' },
      momentOfTruth: {
        nl: 'Zien wat de organisatie met mijn bijdrage bereikt.',
        en: 'Seeing what the organisation achieves with my contribution.',
      },
      steps: [
        {
          title: { nl: 'Magazine en nieuwsbrieven', en: 'Magazine and newsletters' },
          description: {
            nl: 'Vier keer per jaar het magazine en elke maand een nieuwsbrief. Mooi, maar algemeen: over ‘haar’ gebied staat er zelden iets in.',
            en: 'The magazine four times a year and a newsletter every month. Beautiful, but generic: ‘her’ reserve rarely features.',
          },
          score: 0,
          touchpoints: [
            { channel: 'letter', name: { nl: 'Ledenmagazine', en: 'Members’ magazine' }, department: COMMUNICATIONS, importance: 3 },
            { channel: 'email', name: { nl: 'Maandelijkse nieuwsbrief', en: 'Monthly newsletter' }, department: COMMUNICATIONS, importance: 2 },
          ],
          kano: [
            {
              text: { nl: 'Algemene nieuwsbrief voor alle leden', en: 'Generic newsletter for all members' },
              category: 'indifferent',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Bladert door het magazine en opent de nieuwsbrief af en toe.',
              en: 'Leafs through the magazine and opens the newsletter now and then.',
            },
            touchpoints: { nl: 'Magazine, nieuwsbrief', en: 'Magazine, newsletter' },
            'thoughts-feelings': {
              nl: 'Mooi blad, maar wat gebeurt er nou met mijn geld?',
              en: 'Nice magazine, but what actually happens with my money?',
            },
            'pain-points': {
              nl: 'Geen persoonlijke inhoud; wat het lidmaatschap oplevert blijft abstract.',
              en: 'No personal content; what the membership achieves stays abstract.',
            },
            opportunities: {
              nl: 'Nieuws over het gebied waar het lid woont of dat het lid zelf kiest.',
              en: 'News about the reserve where the member lives, or one they choose.',
            },
            'back-stage': { nl: 'De redactie maakt één magazine voor alle leden.', en: 'The editors make one magazine for all members.' },
            systems: { nl: 'E-mailplatform, ledenadministratie', en: 'E-mail platform, membership database' },
            measures: { nl: 'Openpercentage van de nieuwsbrief; lezersonderzoek', en: 'Newsletter open rate; reader survey' },
          },
        },
        {
          title: { nl: 'Een dag als vrijwilliger', en: 'A day as a volunteer' },
          description: {
            nl: 'Ze helpt een zaterdag mee met het knotten van wilgen. De boswachter vertelt wat het werk oplevert. Hiervoor werd ze lid.',
            en: 'She spends a Saturday helping to pollard willows. The ranger explains what the work achieves. This is why she joined.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'custom',
              customChannel: { nl: 'Evenement', en: 'Event' },
              name: { nl: 'Vrijwilligersdag in het natuurgebied', en: 'Volunteer day in the reserve' },
              department: { nl: 'Vrijwilligerscoördinatie', en: 'Volunteer coordination' },
              importance: 5,
            },
          ],
          kano: [
            { text: { nl: 'Zelf meehelpen in het gebied', en: 'Helping out in the reserve yourself' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Meldt zich aan, werkt een dag mee en drinkt na afloop soep met de groep.',
              en: 'Signs up, works for a day and has soup with the group afterwards.',
            },
            touchpoints: { nl: 'Vrijwilligersdag, boswachter', en: 'Volunteer day, ranger' },
            'thoughts-feelings': {
              nl: 'Hier doe ik het voor. Ik hoor er echt bij.',
              en: 'This is what it’s for. I really belong here.',
            },
            'pain-points': {
              nl: 'Aanmelden kon alleen telefonisch en de dag zat snel vol.',
              en: 'Signing up was by phone only, and the day filled up quickly.',
            },
            opportunities: {
              nl: 'Vaker zulke dagen, online aanmelden, en na afloop een foto en een bedankje.',
              en: 'More of these days, online sign-up, and a photo and a thank-you afterwards.',
            },
            'front-stage': {
              nl: 'De boswachter leidt de dag en vertelt over het gebied.',
              en: 'The ranger leads the day and tells about the reserve.',
            },
            'back-stage': {
              nl: 'Vrijwilligerscoördinatie plant de dagen samen met de beheerders.',
              en: 'Volunteer coordination plans the days with the site managers.',
            },
            systems: { nl: 'Vrijwilligersplanning (spreadsheet)', en: 'Volunteer planning (spreadsheet)' },
            measures: {
              nl: 'Deelname aan activiteiten; behoud van leden die meedoen tegenover leden die dat niet doen',
              en: 'Participation in activities; retention of members who take part versus those who don’t',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Lid blijven (jaar 3–5)', en: 'Staying a member (years 3–5)' },
      momentOfTruth: {
        nl: 'Gekend worden en zelf kiezen hoe ik bijdraag.',
        en: 'Being known, and choosing how I contribute.',
      },
      steps: [
        {
          title: { nl: 'Hogere contributie en extra giftverzoeken', en: 'Higher fee and extra donation requests' },
          description: {
            nl: 'De contributie gaat omhoog en er komen steeds vaker brieven met het verzoek om een extra gift.',
            en: 'The fee goes up and letters asking for an extra donation arrive more and more often.',
          },
          score: -1,
          touchpoints: [
            {
              channel: 'letter',
              name: { nl: 'Brieven met giftverzoeken', en: 'Donation appeal letters' },
              department: FUNDRAISING,
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Steeds meer verzoeken om extra giften', en: 'More and more requests for extra donations' },
              category: 'reverse',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Leest de brief over de contributie en legt de giftverzoeken op de stapel.',
              en: 'Reads the letter about the fee and puts the appeals on the pile.',
            },
            touchpoints: { nl: 'Brieven, betaalverzoeken, e-mails met giftverzoeken', en: 'Letters, payment requests, appeal e-mails' },
            'thoughts-feelings': {
              nl: 'Ik geef al. Zien ze me alleen nog als geldautomaat?',
              en: 'I already give. Do they only see me as a cash machine?',
            },
            'pain-points': {
              nl: 'Vragen om meer, zonder te laten zien wat de vorige gift heeft gedaan.',
              en: 'Asking for more without showing what the last gift did.',
            },
            opportunities: {
              nl: 'Eerst bedanken en resultaat laten zien, dan pas vragen; leden laten kiezen hoe vaak.',
              en: 'Thank and show results first, ask second; let members choose how often.',
            },
            'back-stage': {
              nl: 'Fondsenwerving stuurt campagnes naar het hele ledenbestand.',
              en: 'Fundraising sends campaigns to the whole membership.',
            },
            systems: { nl: 'CRM voor fondsenwerving, selectietool', en: 'Fundraising CRM, selection tool' },
            measures: { nl: 'Respons op giftverzoeken; afmeldingen voor post', en: 'Response to appeals; mail opt-outs' },
          },
        },
        {
          title: { nl: 'Een belactie om meer te geven', en: 'A phone campaign asking for more' },
          description: {
            nl: 'Tijdens het avondeten belt een callcenter namens de organisatie: of ze haar bijdrage wil verhogen. Niemand weet dat ze vrijwilliger is geweest.',
            en: 'During dinner a call centre rings on behalf of the organisation: would she increase her contribution? Nobody knows she has volunteered.',
          },
          score: -2,
          momentOfTruth: true,
          touchpoints: [
            { channel: 'phone', name: { nl: 'Telemarketing', en: 'Telemarketing' }, department: FUNDRAISING, importance: 4 },
          ],
          kano: [
            {
              text: { nl: 'Ongevraagd gebeld worden tijdens het eten', en: 'Unsolicited calls at dinner time' },
              category: 'reverse',
            },
          ],
          cells: {
            'customer-actions': { nl: 'Neemt op, zegt nee en hangt geïrriteerd op.', en: 'Answers, says no and hangs up, irritated.' },
            touchpoints: { nl: 'Telefoontje van een callcenter', en: 'Call from a call centre' },
            'thoughts-feelings': {
              nl: 'Ze weten niet eens wie ik ben. Ik ben gewoon een nummer.',
              en: 'They don’t even know who I am. I’m just a number.',
            },
            'pain-points': {
              nl: 'Het callcenter ziet haar vrijwilligerswerk en geschiedenis niet.',
              en: 'The call centre can’t see her volunteering or her history.',
            },
            opportunities: {
              nl: 'Leden kennen: hun geschiedenis in beeld, en bellen om te bedanken in plaats van te vragen.',
              en: 'Know your members: their history on screen, and calls to thank rather than to ask.',
            },
            'front-stage': { nl: 'Een ingehuurde beller volgt een script.', en: 'A hired caller follows a script.' },
            'back-stage': {
              nl: 'Selectie op ‘langer dan drie jaar lid’, zonder andere gegevens.',
              en: 'Selection on ‘member for over three years’, with no other data.',
            },
            systems: { nl: 'Belplatform van het callcenter, export uit het CRM', en: 'Call centre dialler, CRM export' },
            measures: {
              nl: 'Conversie van de belactie; opzeggingen binnen drie maanden erna',
              en: 'Campaign conversion; cancellations within three months afterwards',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Opzeggen of terugkomen', en: 'Leaving or coming back' },
      momentOfTruth: {
        nl: 'Met respect kunnen vertrekken, met de deur op een kier.',
        en: 'Being able to leave with respect, with the door left ajar.',
      },
      steps: [
        {
          title: { nl: 'Opzeggen', en: 'Cancelling' },
          description: {
            nl: 'Opzeggen kan alleen telefonisch. Na een kwartier wachten volgt een aanbod om te blijven; ze zegt toch op.',
            en: 'Cancelling is by phone only. After a fifteen-minute wait comes an offer to stay; she cancels anyway.',
          },
          score: -1,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 15 },
          touchpoints: [
            { channel: 'phone', name: { nl: 'Ledenservice', en: 'Member services line' }, department: MEMBER_SERVICES, importance: 4 },
          ],
          kano: [{ text: { nl: 'Online kunnen opzeggen', en: 'Being able to cancel online' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Zoekt uit hoe ze kan opzeggen, belt, wacht en houdt voet bij stuk.',
              en: 'Finds out how to cancel, calls, waits and stands her ground.',
            },
            touchpoints: { nl: 'Ledenservice aan de telefoon', en: 'Member services by phone' },
            'thoughts-feelings': { nl: 'Laat me nou gewoon gaan.', en: 'Just let me go.' },
            'pain-points': {
              nl: 'Alleen telefonisch opzeggen; een behoudaanbod dat drammerig voelt.',
              en: 'Cancellation by phone only; a retention offer that feels pushy.',
            },
            opportunities: {
              nl: 'Online laten opzeggen, vragen waarom, en andere manieren aanbieden om betrokken te blijven.',
              en: 'Allow online cancellation, ask why, and offer other ways to stay involved.',
            },
            'front-stage': {
              nl: 'De medewerker van de ledenservice doet een behoudaanbod.',
              en: 'The member services agent makes a retention offer.',
            },
            'back-stage': { nl: 'De reden van opzeggen wordt niet vastgelegd.', en: 'The reason for cancelling is not recorded.' },
            systems: { nl: 'Ledenadministratie, telefonie', en: 'Membership database, telephony' },
            measures: {
              nl: 'Opzeggingen per jaar; redenen van opzeggen; verloop per lidmaatschapsjaar',
              en: 'Cancellations per year; cancellation reasons; churn per membership year',
            },
          },
        },
        {
          title: { nl: 'Bevestiging van de opzegging', en: 'Cancellation confirmation' },
          description: {
            nl: 'Een standaardbrief bevestigt de opzegging. Geen bedankje voor zes jaar steun, geen uitnodiging om ooit terug te komen.',
            en: 'A standard letter confirms the cancellation. No thanks for six years of support, no invitation to ever come back.',
          },
          score: 0,
          touchpoints: [
            {
              channel: 'letter',
              name: { nl: 'Standaardbrief opzegging', en: 'Standard cancellation letter' },
              department: MEMBER_SERVICES,
              importance: 2,
            },
          ],
          kano: [
            { text: { nl: 'Persoonlijk afscheid met dank', en: 'A personal farewell with thanks' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': { nl: 'Leest de brief en gooit hem weg.', en: 'Reads the letter and throws it away.' },
            touchpoints: { nl: 'Bevestigingsbrief', en: 'Confirmation letter' },
            'thoughts-feelings': { nl: 'Zes jaar lid, en dit is het?', en: 'Six years a member, and this is it?' },
            'pain-points': { nl: 'Geen dank en geen open deur.', en: 'No thanks and no open door.' },
            opportunities: {
              nl: 'Een warm afscheid met wat haar bijdrage heeft betekend, en een uitnodiging voor de vrijwilligersdagen.',
              en: 'A warm farewell showing what her support achieved, and an invitation to the volunteer days.',
            },
            'back-stage': { nl: 'Een automatische brief uit de ledenadministratie.', en: 'An automatic letter from the membership database.' },
            systems: { nl: 'Ledenadministratie', en: 'Membership database' },
            measures: { nl: 'Oud-leden die binnen twee jaar terugkomen', en: 'Former members who return within two years' },
          },
        },
      ],
    },
  ],
};
