import { YOUSSEF } from './membershipLifecycle.ts';
import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 002, one level down: the membership experience map showed where members drift away; this
// journey map zooms into the first two stages of it, from clicking through a campaign to the
// welcome pack, the way the article says to drill into a journey once you know where to look.
// The membership map's stages "Discovering" and "Welcome" link here, each at its own phase.

const MEMBER_SERVICES: LocalizedText = { nl: 'Ledenservice', en: 'Member services' };
const FUNDRAISING: LocalizedText = { nl: 'Fondsenwerving', en: 'Fundraising' };
const COMMUNICATIONS: LocalizedText = { nl: 'Communicatie', en: 'Communications' };

export const membershipJoining: TemplateDefinition = {
  title: { nl: 'Lid worden van een natuurorganisatie', en: 'Joining a nature charity' },
  description: {
    nl: 'De klantreis onder twee fasen van de klantbelevingskaart van het lidmaatschap: van doorklikken op een campagne tot het welkomstpakket. Hier blijkt waarom nieuwe leden al in de eerste maanden minder betrokken raken: het formulier vraagt meteen om meer geld, en de eerste weken hoort het lid niets behalve een incasso.',
    en: 'The journey under two stages of the membership experience map: from clicking through a campaign to the welcome pack. It shows why new members already become less involved in their first months: the form asks for more money straight away, and for weeks the member hears nothing but a direct debit.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [YOUSSEF],
  phases: [
    {
      name: { nl: 'Aanmelden', en: 'Signing up' },
      momentOfTruth: { nl: 'In een paar minuten lid zijn, zonder gedoe.', en: 'Being a member in a few minutes, without hassle.' },
      steps: [
        {
          title: { nl: 'Doorklikken vanaf de campagne', en: 'Clicking through from the campaign' },
          description: {
            nl: 'Youssef ziet een filmpje over een bedreigd natuurgebied en tikt op "Word lid". De pagina laadt traag op zijn telefoon.',
            en: 'Youssef sees a video about a threatened nature reserve and taps "Join". The page loads slowly on his phone.',
          },
          score: 1,
          beforeFirstContact: true,
          touchpoints: [{ channel: 'social-media', name: { nl: 'Campagnefilmpje', en: 'Campaign video' }, department: COMMUNICATIONS, importance: 3 }],
          kano: [{ text: { nl: 'Een verhaal dat raakt', en: 'A story that moves you' }, category: 'attractive' }],
          cells: {
            'customer-actions': { nl: 'Kijkt het filmpje en tikt op de knop.', en: 'Watches the video and taps the button.' },
            touchpoints: { nl: 'Sociale media, campagnepagina', en: 'Social media, campaign page' },
            'thoughts-feelings': { nl: 'Hier wil ik bij horen.', en: 'I want to be part of this.' },
            'pain-points': { nl: 'De campagnepagina laadt traag op mobiel.', en: 'The campaign page loads slowly on mobile.' },
            opportunities: { nl: 'Een lichte pagina met het formulier er meteen op.', en: 'A light page with the form right on it.' },
            'front-stage': { nl: 'Campagnepagina met de knop "Word lid"', en: 'Campaign page with the "Join" button' },
            systems: { nl: 'Advertentieplatform, website', en: 'Advertising platform, website' },
            measures: { nl: 'Doorklikratio 2,1%', en: 'Click-through rate 2.1%' },
          },
        },
        {
          title: { nl: 'Het formulier invullen', en: 'Filling in the form' },
          description: {
            nl: 'Naam, adres, IBAN en een machtiging: op de telefoon moet Youssef twee keer terug omdat een veld niet klopt.',
            en: 'Name, address, IBAN and a mandate: on his phone Youssef has to go back twice because a field is wrong.',
          },
          score: 0,
          momentOfTruth: true,
          touchpoints: [{ channel: 'web', name: { nl: 'Aanmeldformulier', en: 'Sign-up form' }, department: MEMBER_SERVICES, importance: 5 }],
          kano: [{ text: { nl: 'Formulier dat op mobiel werkt', en: 'A form that works on mobile' }, category: 'must-be' }],
          cells: {
            'customer-actions': { nl: 'Vult zijn gegevens in en geeft een machtiging af.', en: 'Enters his details and authorises the direct debit.' },
            touchpoints: { nl: 'Aanmeldformulier', en: 'Sign-up form' },
            'thoughts-feelings': { nl: 'Waarom moet mijn geboortedatum erbij?', en: 'Why do they need my date of birth?' },
            'pain-points': { nl: 'Foutmeldingen pas na het versturen.', en: 'Errors only shown after submitting.' },
            opportunities: { nl: 'Velden meteen controleren; alleen vragen wat nodig is.', en: 'Check fields as you type; ask only what is needed.' },
            'front-stage': { nl: 'Formulier met drie stappen', en: 'Three-step form' },
            'back-stage': { nl: 'Machtiging wordt vastgelegd.', en: 'The mandate is recorded.' },
            systems: { nl: 'Ledenadministratie, betaalplatform', en: 'Membership database, payment platform' },
            measures: { nl: '38% haakt af in het formulier', en: '38% drop off in the form' },
          },
        },
        {
          title: { nl: 'Gevraagd om meer te geven', en: 'Asked to give more' },
          description: {
            nl: 'Direct na het versturen vraagt een scherm of hij niet € 60 in plaats van € 30 wil geven. Youssef voelt zich overvallen.',
            en: 'Right after submitting, a screen asks whether he would give €60 instead of €30. Youssef feels ambushed.',
          },
          score: -1,
          touchpoints: [{ channel: 'web', name: { nl: 'Bedankpagina met verhoogverzoek', en: 'Thank-you page with upsell' }, department: FUNDRAISING, importance: 3 }],
          kano: [{ text: { nl: 'Meteen om een hoger bedrag gevraagd', en: 'Asked for a higher amount at once' }, category: 'reverse' }],
          cells: {
            'customer-actions': { nl: 'Klikt op "Nee, bedankt".', en: 'Clicks "No, thanks".' },
            touchpoints: { nl: 'Bedankpagina', en: 'Thank-you page' },
            'thoughts-feelings': { nl: 'Ik ben net lid, en nu al meer?', en: 'I only just joined, and already more?' },
            'pain-points': { nl: 'Het verhoogverzoek overschaduwt het bedankje.', en: 'The upsell overshadows the thank-you.' },
            opportunities: { nl: 'Eerst bedanken en laten kiezen hoe hij mee wil doen.', en: 'Thank him first and let him choose how to take part.' },
            'front-stage': { nl: 'Bedankpagina', en: 'Thank-you page' },
            'back-stage': { nl: 'Fondsenwerving test verhoogbedragen.', en: 'Fundraising tests upsell amounts.' },
            systems: { nl: 'Website, testplatform', en: 'Website, testing platform' },
            measures: { nl: '6% kiest het hogere bedrag', en: '6% choose the higher amount' },
          },
        },
      ],
    },
    {
      name: { nl: 'Eerste betaling', en: 'First payment' },
      momentOfTruth: { nl: 'Weten wat er van mijn rekening gaat en wanneer.', en: 'Knowing what leaves my account, and when.' },
      steps: [
        {
          title: { nl: 'Bevestiging per e-mail', en: 'Confirmation e-mail' },
          description: {
            nl: 'Een half uur later komt een standaardmail met een lidnummer, maar zonder uitleg over de incasso.',
            en: 'Half an hour later a standard e-mail arrives with a member number, but no word on the direct debit.',
          },
          score: 0,
          wait: { moment: 'before', minutes: 30 },
          touchpoints: [{ channel: 'email', name: { nl: 'Bevestigingsmail', en: 'Confirmation e-mail' }, department: MEMBER_SERVICES, importance: 3 }],
          kano: [{ text: { nl: 'Direct een bevestiging', en: 'Immediate confirmation' }, category: 'must-be' }],
          cells: {
            'customer-actions': { nl: 'Leest de mail vluchtig.', en: 'Skims the e-mail.' },
            touchpoints: { nl: 'E-mail', en: 'E-mail' },
            'thoughts-feelings': { nl: 'Oké, geregeld. Maar wanneer betaal ik?', en: 'OK, done. But when do I pay?' },
            'pain-points': { nl: 'Geen datum en bedrag van de incasso.', en: 'No date or amount for the direct debit.' },
            opportunities: { nl: 'Bedrag, datum en opzegtermijn in de eerste mail.', en: 'Amount, date and notice period in the first e-mail.' },
            'front-stage': { nl: 'Bevestigingsmail', en: 'Confirmation e-mail' },
            'back-stage': { nl: 'Batchverwerking van nieuwe leden elk half uur.', en: 'New members are processed in batches every half hour.' },
            systems: { nl: 'E-mailplatform, ledenadministratie', en: 'E-mail platform, membership database' },
          },
        },
        {
          title: { nl: 'De eerste incasso', en: 'The first direct debit' },
          description: {
            nl: 'Na twee weken ziet Youssef een afschrijving met een onbekende omschrijving en denkt even aan fraude.',
            en: 'After two weeks Youssef sees a debit with an unfamiliar description and briefly suspects fraud.',
          },
          score: -1,
          wait: { moment: 'before', minutes: 20_160 },
          touchpoints: [{ channel: 'app', name: { nl: 'Afschrijving in de bankapp', en: 'Debit in the banking app' }, department: MEMBER_SERVICES, importance: 2 }],
          cells: {
            'customer-actions': { nl: 'Zoekt op wie er geld afschrijft.', en: 'Looks up who is debiting money.' },
            touchpoints: { nl: 'Bankapp', en: 'Banking app' },
            'thoughts-feelings': { nl: 'Wat is dit? O, dat was het lidmaatschap.', en: 'What is this? Oh, that was the membership.' },
            'pain-points': { nl: 'Omschrijving noemt de organisatie niet herkenbaar.', en: 'The description does not name the organisation recognisably.' },
            opportunities: { nl: 'Een herkenbare omschrijving en een mail vooraf.', en: 'A recognisable description and an e-mail beforehand.' },
            'back-stage': { nl: 'Incassobestand gaat naar de bank.', en: 'The direct-debit file goes to the bank.' },
            systems: { nl: 'Betaalplatform', en: 'Payment platform' },
            measures: { nl: '3% storneert de eerste incasso', en: '3% reverse the first direct debit' },
          },
        },
      ],
    },
    {
      name: { nl: 'Welkom', en: 'Welcome' },
      momentOfTruth: { nl: 'Welkom geheten worden als lid, niet als nummer.', en: 'Being welcomed as a member, not as a number.' },
      steps: [
        {
          title: { nl: 'Het welkomstpakket', en: 'The welcome pack' },
          description: {
            nl: 'Een pakket met ledenpas en een wandelkaart van een natuurgebied bij hem in de buurt. Youssef is verrast.',
            en: 'A pack with a membership card and a walking map of a reserve near him. Youssef is pleasantly surprised.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [{ channel: 'letter', name: { nl: 'Welkomstpakket', en: 'Welcome pack' }, department: MEMBER_SERVICES, importance: 4 }],
          kano: [{ text: { nl: 'Wandelkaart van de eigen buurt', en: 'A walking map of his own area' }, category: 'attractive' }],
          cells: {
            'customer-actions': { nl: 'Opent het pakket en plant een wandeling.', en: 'Opens the pack and plans a walk.' },
            touchpoints: { nl: 'Post', en: 'Post' },
            'thoughts-feelings': { nl: 'Leuk, dit gebied kende ik niet!', en: 'Nice, I didn’t know this reserve!' },
            'pain-points': { nl: 'Geen manier om aan te geven dat hij wil helpen.', en: 'No way to say he would like to help.' },
            opportunities: { nl: 'Een uitnodiging voor een vrijwilligersdag in het pakket.', en: 'An invitation to a volunteer day in the pack.' },
            'front-stage': { nl: 'Welkomstpakket met ledenpas', en: 'Welcome pack with membership card' },
            'back-stage': { nl: 'Pakketten worden wekelijks verstuurd.', en: 'Packs are sent weekly.' },
            systems: { nl: 'Ledenadministratie, drukkerij', en: 'Membership database, print shop' },
            measures: { nl: 'Tevredenheid nieuwe leden 8,1', en: 'New member satisfaction 8.1' },
          },
        },
        {
          title: { nl: 'De eerste nieuwsbrief', en: 'The first newsletter' },
          description: {
            nl: 'Een algemene nieuwsbrief over landelijke projecten, met een nieuwe oproep om te doneren.',
            en: 'A generic newsletter about national projects, with another call to donate.',
          },
          score: -1,
          touchpoints: [{ channel: 'email', name: { nl: 'Maandelijkse nieuwsbrief', en: 'Monthly newsletter' }, department: COMMUNICATIONS, importance: 2 }],
          kano: [{ text: { nl: 'Nieuws over het eigen gebied', en: 'News about his own reserve' }, category: 'performance' }],
          cells: {
            'customer-actions': { nl: 'Opent de mail, scrolt, sluit hem.', en: 'Opens the e-mail, scrolls, closes it.' },
            touchpoints: { nl: 'E-mail', en: 'E-mail' },
            'thoughts-feelings': { nl: 'Niets over het gebied waarvoor ik lid werd.', en: 'Nothing about the reserve I joined for.' },
            'pain-points': { nl: 'Niet persoonlijk; weer een vraag om geld.', en: 'Not personal; another request for money.' },
            opportunities: { nl: 'Nieuws over het gebied uit de campagne.', en: 'News about the reserve from the campaign.' },
            'front-stage': { nl: 'Nieuwsbrief', en: 'Newsletter' },
            systems: { nl: 'E-mailplatform', en: 'E-mail platform' },
            measures: { nl: 'Openratio 22%', en: 'Open rate 22%' },
          },
        },
      ],
    },
  ],
};
