import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 000: IKEA maps its visit from parking the car to leaving the site, and sells an ice cream
// for next to nothing after the checkout because of the peak-end rule. The checkout queue (−1)
// followed by that ice cream (+2) in the same phase shows the pleasure-pain gap as well.

const STORE_TEAM: LocalizedText = { nl: 'Winkelteam', en: 'Store team' };
const IKEA_FOOD: LocalizedText = { nl: 'IKEA Food', en: 'IKEA Food' };

export const ikeaVisit: TemplateDefinition = {
  title: { nl: 'IKEA-winkelbezoek', en: 'IKEA store visit' },
  description: {
    nl: 'Een zaterdag bij IKEA, van het moment dat je de auto parkeert tot je bepakt en wel het terrein verlaat. IKEA zet elk contactmoment af tegen de klantbeleving, van ‘erg bevredigd’ tot ‘verschrikkelijk’. Het goedkope ijsje na de kassa is geen toeval: volgens de peak-end rule onthouden klanten vooral de piek en het eindmoment.',
    en: 'A Saturday at IKEA, from the moment you park the car until you leave the site fully loaded. IKEA rates every touchpoint against the customer experience, from ‘very satisfied’ to ‘terrible’. The cheap ice cream after the checkout is no accident: by the peak-end rule, customers mostly remember the peak and the end.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Gezin Jansen', en: 'The Jansen family' },
      description: {
        nl: 'Sanne (34) en Joost (36) zijn net verhuisd naar hun eerste koophuis en hebben een dochter van drie, Mila. Ze komen op zaterdag, samen met half Nederland.',
        en: 'Sanne (34) and Joost (36) have just moved into their first home and have a three-year-old daughter, Mila. They come on a Saturday, like everyone else.',
      },
      goals: {
        nl: 'In één bezoek een complete kledingkast en wat kleine spullen meenemen, binnen budget, zonder dat Mila zich de hele middag verveelt.',
        en: 'Take home a complete wardrobe and a few small things in one visit, within budget, without Mila getting bored all afternoon.',
      },
      color: '#0058a3',
    },
  ],
  phases: [
    {
      name: { nl: 'Voorbereiden en aankomen', en: 'Preparing and arriving' },
      momentOfTruth: {
        nl: 'Makkelijk kunnen beginnen: weten dat het er is, snel parkeren en meteen op weg.',
        en: 'An easy start: knowing it is in stock, parking quickly and getting going straight away.',
      },
      steps: [
        {
          title: { nl: 'Een nieuwe kast plannen', en: 'Planning a new wardrobe' },
          description: {
            nl: 'Thuis stellen Sanne en Joost in de app een kledingkast samen en kijken ze of alles op voorraad is. Het zaterdaguitje naar IKEA staat.',
            en: 'At home Sanne and Joost design a wardrobe in the app and check that everything is in stock. The Saturday trip to IKEA is on.',
          },
          score: 1,
          beforeFirstContact: true,
          touchpoints: [
            {
              channel: 'app',
              name: { nl: 'IKEA-app met voorraadcheck', en: 'IKEA app with stock check' },
              department: { nl: 'Online en digitaal', en: 'Online and digital' },
              importance: 3,
            },
          ],
          kano: [{ text: { nl: 'Actuele voorraad per winkel', en: 'Up-to-date stock per store' }, category: 'performance' }],
          cells: {
            'customer-actions': {
              nl: 'Meet de slaapkamer op, stelt een kast samen in de planner en zet de artikelen op een boodschappenlijst.',
              en: 'Measures the bedroom, designs a wardrobe in the planner and puts the items on a shopping list.',
            },
            touchpoints: { nl: 'IKEA-app, kastenplanner op de website', en: 'IKEA app, wardrobe planner on the website' },
            'thoughts-feelings': {
              nl: 'Leuk om samen te plannen. Hopelijk ligt alles er nog als we komen.',
              en: 'Fun to plan together. Hopefully everything is still there when we arrive.',
            },
            'pain-points': {
              nl: 'De voorraad in de app is een momentopname: klopt hij zaterdag nog?',
              en: 'Stock in the app is a snapshot: will it still be right on Saturday?',
            },
            opportunities: {
              nl: 'Artikelen van de lijst laten reserveren, of een bericht sturen als de voorraad opraakt.',
              en: 'Let customers reserve the items on their list, or notify them when stock runs low.',
            },
            'back-stage': { nl: 'Voorraad per winkel synchroniseren met de app.', en: 'Synchronise stock per store with the app.' },
            systems: { nl: 'App, kastenplanner, voorraadsysteem', en: 'App, wardrobe planner, stock system' },
            measures: {
              nl: 'Aantal opgeslagen boodschappenlijsten; gebruik van ‘voorraad bekijken’',
              en: 'Saved shopping lists; uses of ‘check stock’',
            },
          },
        },
        {
          title: { nl: 'Parkeren', en: 'Parking' },
          description: {
            nl: 'Op zaterdagochtend is het druk. Na een paar rondjes vinden ze een plek, ver van de ingang.',
            en: 'Saturday morning is busy. After a few laps they find a space, far from the entrance.',
          },
          score: 0,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 8 },
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Parkeerterrein en bewegwijzering', en: 'Car park and signage' },
              department: { nl: 'Facilitair', en: 'Facilities' },
              importance: 2,
            },
          ],
          kano: [
            {
              text: { nl: 'Genoeg parkeerplekken, ook voor gezinnen', en: 'Enough parking spaces, including family spaces' },
              category: 'must-be',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Zoekt een parkeerplek, haalt Mila uit het autostoeltje en loopt naar de ingang.',
              en: 'Looks for a parking space, lifts Mila out of her car seat and walks to the entrance.',
            },
            touchpoints: { nl: 'Parkeerterrein, borden, gezinsparkeerplaatsen', en: 'Car park, signs, family parking spaces' },
            'thoughts-feelings': {
              nl: 'Iedereen heeft hetzelfde idee gehad. Gelukkig is parkeren gratis.',
              en: 'Everyone had the same idea. At least parking is free.',
            },
            'pain-points': {
              nl: 'Gezinsplekken bezet; een lange wandeling met een peuter.',
              en: 'Family spaces taken; a long walk with a toddler.',
            },
            opportunities: {
              nl: 'De drukte vooraf tonen in de app, zodat klanten een rustiger moment kiezen.',
              en: 'Show busy times in the app beforehand, so customers can choose a quieter moment.',
            },
            'front-stage': { nl: 'Verkeersregelaar bij de inrit op drukke dagen.', en: 'Traffic steward at the entrance on busy days.' },
            'back-stage': {
              nl: 'Bezetting van het parkeerterrein inschatten en extra regelaars inroosteren.',
              en: 'Estimate car park occupancy and roster extra stewards.',
            },
            systems: { nl: 'Bezoekerstellers, personeelsrooster', en: 'Visitor counters, staff rota' },
            measures: { nl: 'Gemiddelde zoektijd naar een parkeerplek', en: 'Average time spent looking for a space' },
          },
        },
        {
          title: { nl: 'Binnenkomen, Mila naar Småland', en: 'Entering, Mila to Småland' },
          description: {
            nl: 'Bij de ingang pakken ze een gele tas, een potloodje en een papieren meetlint. Mila mag een uur spelen in Småland.',
            en: 'At the entrance they take a yellow bag, a little pencil and a paper tape measure. Mila gets to play in Småland for an hour.',
          },
          score: 1,
          wait: { moment: 'before', minutes: 5 },
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Ingang en Småland', en: 'Entrance and Småland' },
              department: STORE_TEAM,
              importance: 3,
            },
          ],
          kano: [{ text: { nl: 'Gratis kinderparadijs Småland', en: 'Free Småland play area' }, category: 'attractive' }],
          cells: {
            'customer-actions': {
              nl: 'Pakt tas, potlood en meetlint en schrijft Mila in bij Småland.',
              en: 'Takes a bag, a pencil and a tape measure and signs Mila in at Småland.',
            },
            touchpoints: { nl: 'Ingang, balie van Småland', en: 'Entrance, Småland desk' },
            'thoughts-feelings': {
              nl: 'Even een uur met z’n tweeën: nu kunnen we rustig kiezen.',
              en: 'An hour just the two of us: now we can choose in peace.',
            },
            'pain-points': {
              nl: 'Korte rij bij Småland; een uur is krap voor de hele showroom.',
              en: 'A short queue at Småland; an hour is tight for the whole showroom.',
            },
            opportunities: {
              nl: 'Een sms’je sturen een kwartier voordat het kind opgehaald moet worden.',
              en: 'Send a text a quarter of an hour before the child needs collecting.',
            },
            'front-stage': {
              nl: 'Småland-medewerker schrijft Mila in en noteert het telefoonnummer.',
              en: 'Småland staff sign Mila in and note the phone number.',
            },
            'back-stage': { nl: 'Bezetting van Småland bijhouden; begeleiders inroosteren.', en: 'Track Småland occupancy; roster supervisors.' },
            systems: { nl: 'Inschrijfsysteem van Småland', en: 'Småland registration system' },
            measures: { nl: 'Wachttijd bij Småland; bezettingsgraad', en: 'Waiting time at Småland; occupancy rate' },
          },
        },
      ],
    },
    {
      name: { nl: 'De showroom', en: 'The showroom' },
      momentOfTruth: {
        nl: 'Inspiratie opdoen en voor je zien hoe het er thuis uit kan zien.',
        en: 'Getting inspired and picturing how it could look at home.',
      },
      steps: [
        {
          title: { nl: 'Inspiratie in de ingerichte kamers', en: 'Inspiration in the furnished rooms' },
          description: {
            nl: 'Ze lopen door complete slaapkamers, openen kasten, gaan op bedden zitten en zien hun eigen huis al voor zich.',
            en: 'They walk through complete bedrooms, open wardrobes, sit on beds and can already picture their own home.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Showroom met ingerichte kamers', en: 'Showroom with furnished rooms' },
              department: { nl: 'Interieurontwerp', en: 'Interior design' },
              importance: 5,
            },
          ],
          kano: [
            { text: { nl: 'Complete kamers om in rond te lopen', en: 'Complete rooms to walk around in' }, category: 'attractive' },
            {
              text: { nl: 'Prijskaartje met maten en vaknummer', en: 'Price tag with dimensions and aisle number' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Opent lades, voelt aan stoffen, maakt foto’s en schrijft vaknummers op.',
              en: 'Opens drawers, feels fabrics, takes photos and writes down aisle numbers.',
            },
            touchpoints: { nl: 'Ingerichte kamers, prijskaartjes', en: 'Furnished rooms, price tags' },
            'thoughts-feelings': {
              nl: 'Zo zou onze slaapkamer er ook uit kunnen zien! En het is nog betaalbaar ook.',
              en: 'Our bedroom could look just like this! And it’s affordable too.',
            },
            'pain-points': {
              nl: 'Zoveel keuze; het potloodlijstje raakt snel vol en onleesbaar.',
              en: 'So much choice; the pencil list quickly gets full and illegible.',
            },
            opportunities: {
              nl: 'Prijskaartjes scannen met de app, zodat het lijstje zichzelf bijhoudt.',
              en: 'Scan price tags with the app, so the list keeps itself.',
            },
            'front-stage': {
              nl: 'Verkoopmedewerkers bij de kastenafdeling helpen met de planner.',
              en: 'Sales staff in the wardrobe department help with the planner.',
            },
            'back-stage': {
              nl: 'Kamers inrichten en vernieuwen volgens het seizoensplan.',
              en: 'Furnish and refresh the rooms according to the seasonal plan.',
            },
            systems: { nl: 'Kastenplanner, prijskaartjes met QR-code', en: 'Wardrobe planner, price tags with QR codes' },
            measures: { nl: 'Conversie per kamer; aantal gescande artikelen', en: 'Conversion per room; number of scanned items' },
          },
        },
        {
          title: { nl: 'De vaste looproute volgen', en: 'Following the set route' },
          description: {
            nl: 'De route slingert langs elke afdeling. Wie alleen een kast zoekt, loopt toch een kilometer en vindt de doorsteekjes niet.',
            en: 'The route winds past every department. Even if you only want a wardrobe, you walk a kilometre and miss the shortcuts.',
          },
          score: -1,
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Looproute en bewegwijzering', en: 'Walking route and signage' },
              department: STORE_TEAM,
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Duidelijk aangegeven doorsteekjes', en: 'Clearly signed shortcuts' }, category: 'must-be' },
            {
              text: { nl: 'Verplichte route langs alle afdelingen', en: 'Compulsory route past every department' },
              category: 'reverse',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Volgt de pijlen op de vloer, zoekt een doorsteek en kijkt op de klok voor Småland.',
              en: 'Follows the arrows on the floor, looks for a shortcut and checks the time for Småland.',
            },
            touchpoints: { nl: 'Pijlen op de vloer, plattegronden', en: 'Arrows on the floor, store maps' },
            'thoughts-feelings': { nl: 'Waar zijn we nu? Het uur van Mila is bijna om.', en: 'Where are we now? Mila’s hour is nearly up.' },
            'pain-points': {
              nl: 'Lange route, doorsteekjes slecht zichtbaar, tijdsdruk.',
              en: 'Long route, shortcuts hard to see, time pressure.',
            },
            opportunities: {
              nl: 'Doorsteekjes opvallend aangeven; een ‘snelle route’ in de app.',
              en: 'Make shortcuts stand out; a ‘quick route’ in the app.',
            },
            'front-stage': { nl: 'Medewerkers op de vloer wijzen de weg.', en: 'Floor staff point the way.' },
            'back-stage': { nl: 'Winkelindeling en bewegwijzering ontwerpen.', en: 'Design the store layout and signage.' },
            systems: { nl: 'Winkelplattegrond in de app', en: 'Store map in the app' },
            measures: {
              nl: 'Gemiddelde verblijfsduur; aantal vragen naar de weg',
              en: 'Average time in store; number of requests for directions',
            },
          },
        },
        {
          title: { nl: 'Lunchen in het restaurant', en: 'Lunch in the restaurant' },
          description: {
            nl: 'Met Mila er weer bij eten ze Zweedse gehaktballetjes. Even zitten, voor weinig geld.',
            en: 'With Mila back with them, they eat Swedish meatballs. A chance to sit down, for little money.',
          },
          score: 1,
          wait: { moment: 'before', minutes: 10 },
          touchpoints: [
            { channel: 'store', name: { nl: 'Restaurant', en: 'Restaurant' }, department: IKEA_FOOD, importance: 3 },
          ],
          kano: [{ text: { nl: 'Goedkope, vertrouwde maaltijd', en: 'Cheap, familiar meal' }, category: 'performance' }],
          cells: {
            'customer-actions': {
              nl: 'Haalt Mila op, staat met een dienblad in de rij en zoekt een tafel.',
              en: 'Collects Mila, queues with a tray and looks for a table.',
            },
            touchpoints: { nl: 'Restaurant, kassa van het restaurant', en: 'Restaurant, restaurant till' },
            'thoughts-feelings': { nl: 'Lekker even bijkomen. Goedkoop, en Mila eet mee.', en: 'Nice to catch our breath. Cheap, and Mila eats too.' },
            'pain-points': { nl: 'Rij tijdens de lunchpiek; vrije tafels zijn schaars.', en: 'Queue at the lunch peak; free tables are scarce.' },
            opportunities: {
              nl: 'De drukte in het restaurant tonen; bestellen via de app.',
              en: 'Show how busy the restaurant is; order through the app.',
            },
            'front-stage': { nl: 'Restaurantmedewerkers scheppen op en ruimen tafels af.', en: 'Restaurant staff serve food and clear tables.' },
            'back-stage': {
              nl: 'Keukenplanning op basis van de verwachte bezoekersaantallen.',
              en: 'Kitchen planning based on expected visitor numbers.',
            },
            systems: { nl: 'Kassasysteem restaurant, bezoekersprognose', en: 'Restaurant till system, visitor forecast' },
            measures: { nl: 'Wachttijd in de rij; besteding per bezoeker', en: 'Queue time; spend per visitor' },
          },
        },
      ],
    },
    {
      name: { nl: 'Marktplein en magazijn', en: 'Market hall and warehouse' },
      momentOfTruth: {
        nl: 'Alles vinden wat ik mee wil nemen: op voorraad en zonder gesjouw.',
        en: 'Finding everything I want to take home: in stock and without a struggle.',
      },
      steps: [
        {
          title: { nl: 'Kleine spullen op het marktplein', en: 'Small items in the market hall' },
          description: {
            nl: 'Kaarsen, hangers, een plant: de gele tas raakt vol met dingen die niet op het lijstje stonden.',
            en: 'Candles, hangers, a plant: the yellow bag fills up with things that were not on the list.',
          },
          score: 1,
          touchpoints: [
            { channel: 'store', name: { nl: 'Marktplein', en: 'Market hall' }, department: STORE_TEAM, importance: 2 },
          ],
          kano: [
            { text: { nl: 'Leuke kleine dingen voor weinig geld', en: 'Nice little things for little money' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Pakt kleine artikelen, vergelijkt kleuren en rekent in gedachten mee met het budget.',
              en: 'Picks up small items, compares colours and keeps a mental tally of the budget.',
            },
            touchpoints: { nl: 'Marktplein, schappen en bakken', en: 'Market hall, shelves and bins' },
            'thoughts-feelings': { nl: 'Handig, en zo goedkoop. Oeps, de tas is vol.', en: 'Handy, and so cheap. Oops, the bag is full.' },
            'pain-points': { nl: 'Impulsaankopen tellen ongemerkt op.', en: 'Impulse buys quietly add up.' },
            opportunities: {
              nl: 'Een lopend totaal in de app, zodat klanten zelf hun budget bewaken.',
              en: 'A running total in the app, so customers can watch their own budget.',
            },
            'front-stage': { nl: 'Medewerkers vullen schappen bij en beantwoorden vragen.', en: 'Staff restock shelves and answer questions.' },
            'back-stage': {
              nl: 'Bijvullen vanuit het magazijn; het seizoensassortiment plannen.',
              en: 'Restock from the warehouse; plan the seasonal range.',
            },
            systems: { nl: 'Voorraadsysteem, schapindeling', en: 'Stock system, shelf plans' },
            measures: { nl: 'Gemiddeld aantal impulsartikelen per bon', en: 'Average number of impulse items per receipt' },
          },
        },
        {
          title: { nl: 'Dozen halen in het zelfbedieningsmagazijn', en: 'Collecting boxes in the self-serve warehouse' },
          description: {
            nl: 'Met het lijstje zoeken ze gangpad en vak. Twee dozen van dertig kilo gaan op de kar, maar de deuren van de kast blijken toch uitverkocht.',
            en: 'List in hand, they find aisle and location. Two thirty-kilo boxes go onto the trolley, but the wardrobe doors turn out to be sold out after all.',
          },
          score: -1,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Zelfbedieningsmagazijn', en: 'Self-serve warehouse' },
              department: { nl: 'Logistiek', en: 'Logistics' },
              importance: 5,
            },
          ],
          kano: [
            {
              text: { nl: 'Artikel op voorraad op het aangegeven vak', en: 'Item in stock at the listed location' },
              category: 'must-be',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Zoekt gangpad en vak, tilt zware dozen op de kar en vraagt naar de ontbrekende deuren.',
              en: 'Finds aisle and location, lifts heavy boxes onto the trolley and asks about the missing doors.',
            },
            touchpoints: {
              nl: 'Magazijnstellingen, informatiezuil, medewerker bij de balie',
              en: 'Warehouse racks, information kiosk, staff at the desk',
            },
            'thoughts-feelings': {
              nl: 'De app zei dat ze er waren! Nu moeten we nóg een keer terugkomen.',
              en: 'The app said they were in stock! Now we’ll have to come back again.',
            },
            'pain-points': {
              nl: 'Voorraad klopt niet met de app; zwaar tillen; Mila wordt moe.',
              en: 'Stock doesn’t match the app; heavy lifting; Mila is getting tired.',
            },
            opportunities: {
              nl: 'Ontbrekende artikelen meteen laten thuisbezorgen; tilhulp bij zware dozen.',
              en: 'Deliver missing items to the door straight away; lifting help for heavy boxes.',
            },
            'front-stage': {
              nl: 'Medewerker aan de balie zoekt een alternatief en biedt bezorging aan.',
              en: 'Desk staff look for an alternative and offer delivery.',
            },
            'back-stage': { nl: 'Nachtelijk bijvullen; voorraadcorrecties verwerken.', en: 'Restock at night; process stock corrections.' },
            systems: { nl: 'Voorraadsysteem, magazijnbeheersysteem', en: 'Stock system, warehouse management system' },
            measures: {
              nl: 'Percentage uitverkochte artikelen; verschil tussen voorraad in de app en in het vak',
              en: 'Out-of-stock rate; difference between stock in the app and on the shelf',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Afrekenen en vertrekken', en: 'Paying and leaving' },
      momentOfTruth: {
        nl: 'Snel afrekenen en met een goed gevoel naar huis.',
        en: 'Paying quickly and going home with a good feeling.',
      },
      steps: [
        {
          title: { nl: 'In de rij voor de kassa', en: 'Queuing at the checkout' },
          description: {
            nl: 'Vijf kassa’s open en lange rijen. Met een volle kar en een moe kind duurt een kwartier erg lang.',
            en: 'Five checkouts open and long queues. With a full trolley and a tired child, fifteen minutes feels long.',
          },
          score: -1,
          wait: { moment: 'before', minutes: 15 },
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Kassa’s en zelfscankassa’s', en: 'Checkouts and self-checkouts' },
              department: STORE_TEAM,
              importance: 4,
            },
          ],
          kano: [{ text: { nl: 'Korte wachttijd bij de kassa', en: 'Short wait at the checkout' }, category: 'performance' }],
          cells: {
            'customer-actions': {
              nl: 'Kiest een rij, legt de dozen op de band en betaalt met de pinpas.',
              en: 'Chooses a queue, loads the boxes onto the belt and pays by card.',
            },
            touchpoints: { nl: 'Kassa, zelfscankassa, pinautomaat', en: 'Checkout, self-checkout, card terminal' },
            'thoughts-feelings': {
              nl: 'Waarom gaat die andere rij sneller? Nog even volhouden.',
              en: 'Why is the other queue faster? Just hang in there.',
            },
            'pain-points': {
              nl: 'Wachttijd; de zware dozen nog een keer tillen om te scannen.',
              en: 'Waiting time; lifting the heavy boxes once more to scan them.',
            },
            opportunities: {
              nl: 'Zelfscankassa’s voor grote artikelen; scannen met een handscanner bij de kar.',
              en: 'Self-checkouts for large items; scanning with a handheld scanner at the trolley.',
            },
            'front-stage': {
              nl: 'Kassamedewerkers; een collega verwijst klanten naar vrije kassa’s.',
              en: 'Cashiers; a host directs customers to free tills.',
            },
            'back-stage': { nl: 'Kassa’s openen naar gelang de drukte.', en: 'Open tills according to how busy it is.' },
            systems: { nl: 'Kassasysteem, betaalterminals, wachtrijmeting', en: 'Point-of-sale system, card terminals, queue sensors' },
            measures: { nl: 'Gemiddelde en langste wachttijd in de rij', en: 'Average and longest queue time' },
          },
        },
        {
          title: { nl: 'Een ijsje van 50 cent na de kassa', en: 'A 50-cent ice cream after the checkout' },
          description: {
            nl: 'Voor een luttel bedrag een ijsje voor Mila en een hotdog voor Joost. Daarna laden ze de auto in en verlaten ze bepakt en wel, en tevreden, het terrein.',
            en: 'For next to nothing, an ice cream for Mila and a hot dog for Joost. Then they load the car and leave the site, fully loaded and content.',
          },
          score: 2,
          momentOfTruth: true,
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Bistro na de kassa', en: 'Bistro after the checkout' },
              department: IKEA_FOOD,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'IJsje of hotdog voor een luttel bedrag', en: 'Ice cream or hot dog for next to nothing' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Koopt een ijsje en een hotdog, laadt de auto in en rijdt weg.',
              en: 'Buys an ice cream and a hot dog, loads the car and drives off.',
            },
            touchpoints: { nl: 'Bistro na de kassa, uitgang, laadplaats', en: 'Bistro after the checkout, exit, loading bay' },
            'thoughts-feelings': {
              nl: 'Een ijsje voor 50 cent? Lekker! Het was eigenlijk best een leuke dag.',
              en: 'An ice cream for 50 cents? Lovely! It was actually quite a nice day.',
            },
            'pain-points': { nl: 'De dozen passen maar net in de auto.', en: 'The boxes only just fit in the car.' },
            opportunities: {
              nl: 'Dit eindmoment bewaken: de bistro nooit dicht of onderbezet als het druk is.',
              en: 'Guard this end moment: never let the bistro close or run short-staffed when it is busy.',
            },
            'front-stage': { nl: 'Bistromedewerkers; laadhulp bij de uitgang.', en: 'Bistro staff; loading help at the exit.' },
            'back-stage': {
              nl: 'Voorraad ijs en hotdogs afstemmen op de drukte bij de kassa’s.',
              en: 'Match ice cream and hot dog stock to checkout traffic.',
            },
            systems: { nl: 'Kassasysteem van de bistro', en: 'Bistro till system' },
            measures: {
              nl: 'Aandeel klanten dat iets koopt in de bistro; eindscore in het klantonderzoek',
              en: 'Share of customers buying at the bistro; end score in the customer survey',
            },
          },
        },
      ],
    },
  ],
};
