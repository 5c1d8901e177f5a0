import type { LocalizedText, TemplateDefinition } from './templateDefinition.ts';

// Seed 001: the journey reflects the service concept. A slow-food restaurant must be excellent
// (+2) on what it differentiates itself with and accepts that it never scores top on waiting
// time or price (−1, never −2). The wait for the starter (−1) followed by the main course (+2)
// in the same phase is the pleasure-pain gap: hunger is the best sauce.

const FRONT_OF_HOUSE: LocalizedText = { nl: 'Bediening', en: 'Front of house' };
const KITCHEN: LocalizedText = { nl: 'Keuken', en: 'Kitchen' };

export const restaurantServiceConcept: TemplateDefinition = {
  title: { nl: 'Slow food versus fastfood: het serviceconcept', en: 'Slow food versus fast food: the service concept' },
  description: {
    nl: 'Een avond in een slow-food restaurant, met het fastfoodrestaurant als spiegel. Het serviceconcept bepaalt welke elementen uitstekend moeten zijn (verse ingrediënten en persoonlijke aandacht, in het donkergroen) en welke je bewust opoffert: een slow-food restaurant zal nooit uitstekend scoren op de wachttijd, een fastfoodrestaurant nooit op de kwaliteit van de ingrediënten. Honger is de beste saus: wachten en betalen dragen bij aan de piek, zolang ze niet in het donkerrood gaan.',
    en: 'An evening at a slow-food restaurant, with the fast-food restaurant as its mirror. The service concept decides which elements must be excellent (fresh ingredients and personal attention, in dark green) and which you knowingly sacrifice: a slow-food restaurant will never score top on waiting time, a fast-food restaurant never on the quality of its ingredients. Hunger is the best sauce: waiting and paying add to the peak, as long as they don’t turn dark red.',
  },
  kind: 'journey',
  journeyScore: null,
  personas: [
    {
      name: { nl: 'Lotte en Bram, fijnproevers', en: 'Lotte and Bram, food lovers' },
      description: {
        nl: 'Lotte (39) en Bram (41) vieren hun tiende trouwdag. Ze koken zelf graag, kopen op de markt en gaan een paar keer per jaar echt uit eten.',
        en: 'Lotte (39) and Bram (41) are celebrating their tenth wedding anniversary. They love cooking, shop at the market and go out for a proper dinner a few times a year.',
      },
      goals: {
        nl: 'Een avond met eerlijk, vers eten en aandacht, waar ze nog lang over praten. Tijd en geld zijn geen bezwaar.',
        en: 'An evening of honest, fresh food and attention that they will talk about for a long time. Time and money are no objection.',
      },
      color: '#c62828',
    },
    {
      name: { nl: 'Daan, snel een hap', en: 'Daan, a quick bite' },
      description: {
        nl: 'Daan (24) heeft een half uur pauze tussen twee diensten. Voor hem is een fastfoodrestaurant de betere keuze: dit serviceconcept is niet voor hem ontworpen, en dat is een bewuste keuze.',
        en: 'Daan (24) has half an hour between two shifts. For him a fast-food restaurant is the better choice: this service concept was not designed for him, and that is deliberate.',
      },
      goals: {
        nl: 'Snel, voorspelbaar en goedkoop eten; de kwaliteit van de ingrediënten is bijzaak.',
        en: 'Fast, predictable and cheap food; the quality of the ingredients is secondary.',
      },
      color: '#f9a825',
    },
  ],
  phases: [
    {
      name: { nl: 'Kiezen en reserveren', en: 'Choosing and booking' },
      momentOfTruth: {
        nl: 'Vertrouwen dat dit de avond wordt waar ik naar uitkijk.',
        en: 'Trusting that this will be the evening I am looking forward to.',
      },
      steps: [
        {
          title: { nl: 'Een avond uit plannen', en: 'Planning an evening out' },
          description: {
            nl: 'Lotte en Bram zoeken een restaurant met verse, lokale ingrediënten. Een fastfoodketen is geen optie: ze trekken er de hele avond voor uit.',
            en: 'Lotte and Bram look for a restaurant with fresh, local ingredients. A fast-food chain is out of the question: they are setting aside the whole evening.',
          },
          score: 1,
          beforeFirstContact: true,
          touchpoints: [
            {
              channel: 'web',
              name: { nl: 'Website en recensies', en: 'Website and reviews' },
              department: { nl: 'Eigenaar', en: 'Owner' },
              importance: 3,
            },
          ],
          kano: [
            {
              text: { nl: 'Eerlijke informatie over menu, prijs en tempo', en: 'Honest information about menu, price and pace' },
              category: 'performance',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Leest recensies en bekijkt het seizoensmenu en de prijzen.',
              en: 'Reads reviews and looks at the seasonal menu and prices.',
            },
            touchpoints: { nl: 'Website, recensiesites, Instagram', en: 'Website, review sites, Instagram' },
            'thoughts-feelings': {
              nl: 'Dit ziet er bijzonder uit. Wel prijzig, maar het is feest.',
              en: 'This looks special. Pricey, but it’s a celebration.',
            },
            'pain-points': {
              nl: 'Nergens staat dat een diner hier drie uur duurt.',
              en: 'Nowhere does it say that dinner here takes three hours.',
            },
            opportunities: {
              nl: 'Eerlijk vertellen wat de gast kan verwachten: het tempo hoort bij het concept.',
              en: 'Tell guests honestly what to expect: the pace is part of the concept.',
            },
            'back-stage': {
              nl: 'Het seizoensmenu wordt samengesteld met lokale leveranciers.',
              en: 'The seasonal menu is put together with local suppliers.',
            },
            systems: { nl: 'Website, reserveringssysteem', en: 'Website, booking system' },
            measures: {
              nl: 'Waardering op recensiesites; aandeel gasten dat via recensies komt',
              en: 'Rating on review sites; share of guests who come via reviews',
            },
          },
        },
        {
          title: { nl: 'Reserveren', en: 'Booking a table' },
          description: {
            nl: 'Aan de telefoon vraagt de gastvrouw naar allergieën en of er iets te vieren valt.',
            en: 'On the phone the hostess asks about allergies and whether there is something to celebrate.',
          },
          score: 1,
          touchpoints: [
            { channel: 'phone', name: { nl: 'Reserveringslijn', en: 'Booking line' }, department: FRONT_OF_HOUSE, importance: 3 },
          ],
          kano: [
            { text: { nl: 'Een tafel op de gewenste avond', en: 'A table on the evening you want' }, category: 'must-be' },
            { text: { nl: 'Gevraagd worden naar de gelegenheid', en: 'Being asked about the occasion' }, category: 'attractive' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Belt, kiest een tijd en vertelt over de trouwdag.',
              en: 'Calls, picks a time and mentions the anniversary.',
            },
            touchpoints: { nl: 'Telefoon, bevestigingsmail', en: 'Phone, confirmation e-mail' },
            'thoughts-feelings': {
              nl: 'Wat attent dat ze vragen waarom we komen.',
              en: 'How thoughtful of them to ask why we are coming.',
            },
            'pain-points': {
              nl: 'Reserveren kan alleen telefonisch, en alleen overdag.',
              en: 'Booking is by phone only, and only during the day.',
            },
            opportunities: {
              nl: 'Online reserveren, met een veld voor de gelegenheid.',
              en: 'Online booking, with a field for the occasion.',
            },
            'front-stage': { nl: 'De gastvrouw neemt de reservering aan.', en: 'The hostess takes the booking.' },
            'back-stage': {
              nl: 'Bijzonderheden gaan via de reserveringslijst naar de keuken.',
              en: 'Special requests reach the kitchen through the booking list.',
            },
            systems: { nl: 'Reserveringssysteem', en: 'Booking system' },
            measures: {
              nl: 'No-shows; aandeel reserveringen met een bijzondere gelegenheid',
              en: 'No-shows; share of bookings for a special occasion',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Aan tafel', en: 'At the table' },
      momentOfTruth: {
        nl: 'Me welkom en persoonlijk bediend voelen.',
        en: 'Feeling welcome and personally looked after.',
      },
      steps: [
        {
          title: { nl: 'Ontvangst', en: 'Welcome' },
          description: {
            nl: 'De gastvrouw kent hun namen, feliciteert hen en brengt hen naar een rustige tafel bij het raam.',
            en: 'The hostess knows their names, congratulates them and takes them to a quiet table by the window.',
          },
          score: 1,
          momentOfTruth: true,
          wait: { moment: 'before', minutes: 5 },
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Ontvangst bij de deur', en: 'Welcome at the door' },
              department: FRONT_OF_HOUSE,
              importance: 4,
            },
          ],
          kano: [
            {
              text: { nl: 'De tafel staat klaar op de afgesproken tijd', en: 'The table is ready at the booked time' },
              category: 'must-be',
            },
          ],
          cells: {
            'customer-actions': { nl: 'Geeft de jassen af en gaat zitten.', en: 'Hands over their coats and sits down.' },
            touchpoints: { nl: 'Gastvrouw, tafel bij het raam', en: 'Hostess, table by the window' },
            'thoughts-feelings': {
              nl: 'Ze weten dat we iets te vieren hebben. Goed begin.',
              en: 'They know we have something to celebrate. A good start.',
            },
            'pain-points': {
              nl: 'Even wachten bij de deur omdat de tafel nog niet klaar is.',
              en: 'A short wait at the door because the table isn’t ready yet.',
            },
            opportunities: {
              nl: 'Een klein hapje van het huis zodra de gasten zitten.',
              en: 'A small bite on the house as soon as the guests are seated.',
            },
            'front-stage': {
              nl: 'De gastvrouw ontvangt de gasten en brengt hen naar hun tafel.',
              en: 'The hostess welcomes the guests and shows them to their table.',
            },
            'back-stage': {
              nl: 'De bijzonderheden van de avond zijn doorgenomen in de briefing.',
              en: 'The evening’s special requests were covered in the briefing.',
            },
            systems: { nl: 'Reserveringssysteem, tafelplan', en: 'Booking system, table plan' },
            measures: { nl: 'Wachttijd bij de deur', en: 'Waiting time at the door' },
          },
        },
        {
          title: { nl: 'De kaart en het verhaal erachter', en: 'The menu and the story behind it' },
          description: {
            nl: 'De ober vertelt waar de groente vandaan komt, bij welke boer het lam is opgegroeid en wat de chef vanochtend plukte. Om die persoonlijke aandacht kom je hier.',
            en: 'The waiter tells where the vegetables come from, which farm raised the lamb and what the chef picked this morning. That personal attention is why you come here.',
          },
          score: 2,
          serviceConcept: 'differentiator',
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Uitleg van de kaart aan tafel', en: 'Menu explained at the table' },
              department: FRONT_OF_HOUSE,
              importance: 5,
            },
          ],
          kano: [
            {
              text: { nl: 'Het verhaal van de boer en de oogst', en: 'The story of the farmer and the harvest' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Luistert, stelt vragen en kiest het seizoensmenu met bijpassende wijnen.',
              en: 'Listens, asks questions and chooses the seasonal menu with matching wines.',
            },
            touchpoints: { nl: 'Ober aan tafel, seizoenskaart', en: 'Waiter at the table, seasonal menu' },
            'thoughts-feelings': {
              nl: 'Hiervoor komen we. Je proeft het verhaal al.',
              en: 'This is why we’re here. You can already taste the story.',
            },
            opportunities: {
              nl: 'Het verhaal op een kaartje meegeven, voor thuis.',
              en: 'Give the story on a card to take home.',
            },
            'front-stage': { nl: 'De ober neemt de tijd voor uitleg en advies.', en: 'The waiter takes time to explain and advise.' },
            'back-stage': {
              nl: 'Elke middag vertelt de chef de bediening over de producten van de dag.',
              en: 'Every afternoon the chef briefs the waiting staff on the day’s produce.',
            },
            systems: { nl: 'Kassasysteem dat bestellingen naar de keuken stuurt', en: 'Till system that sends orders to the kitchen' },
            measures: {
              nl: 'Waardering van de bediening; aandeel gekozen seizoensmenu’s',
              en: 'Rating of the service; share of seasonal menus ordered',
            },
          },
        },
      ],
    },
    {
      name: { nl: 'Het diner', en: 'The dinner' },
      momentOfTruth: {
        nl: 'Eten dat het wachten waard is.',
        en: 'Food that is worth the wait.',
      },
      steps: [
        {
          title: { nl: 'Wachten op het voorgerecht', en: 'Waiting for the starter' },
          description: {
            nl: 'Alles wordt vers bereid, dus het voorgerecht komt pas na vijfentwintig minuten. In een fastfoodrestaurant had het er binnen twee minuten gestaan, maar daarvoor kwamen ze niet.',
            en: 'Everything is cooked fresh, so the starter takes twenty-five minutes. At a fast-food restaurant it would have been there in two, but that is not what they came for.',
          },
          score: -1,
          serviceConcept: 'sacrifice',
          wait: { moment: 'during', minutes: 25 },
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Brood en water aan tafel', en: 'Bread and water at the table' },
              department: FRONT_OF_HOUSE,
              importance: 3,
            },
          ],
          kano: [
            { text: { nl: 'Wachttijd tussen de gangen', en: 'Waiting time between courses' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': {
              nl: 'Praat, drinkt wijn en eet zelfgebakken brood.',
              en: 'Talks, drinks wine and eats home-baked bread.',
            },
            touchpoints: { nl: 'Brood en water aan tafel', en: 'Bread and water at the table' },
            'thoughts-feelings': {
              nl: 'Het duurt wel even… maar ik ruik de keuken al.',
              en: 'It’s taking a while… but I can already smell the kitchen.',
            },
            'pain-points': {
              nl: 'Geen teken van leven uit de keuken: wanneer komt het?',
              en: 'No sign of life from the kitchen: when will it come?',
            },
            opportunities: {
              nl: 'De wachttijd vullen: brood van de bakker om de hoek, een groet uit de keuken.',
              en: 'Fill the wait: bread from the baker round the corner, a greeting from the kitchen.',
            },
            'front-stage': {
              nl: 'De ober schenkt bij en vertelt wat er in de keuken gebeurt.',
              en: 'The waiter tops up the glasses and says what is happening in the kitchen.',
            },
            'back-stage': { nl: 'De keuken bereidt alles op het moment zelf.', en: 'The kitchen cooks everything to order.' },
            systems: { nl: 'Bonnenprinter in de keuken', en: 'Kitchen ticket printer' },
            measures: {
              nl: 'Tijd tussen bestellen en voorgerecht; klachten over de wachttijd',
              en: 'Time from order to starter; complaints about waiting',
            },
          },
        },
        {
          title: { nl: 'Het hoofdgerecht', en: 'The main course' },
          description: {
            nl: 'Lam van de boer uit de polder met groente die vanochtend is geoogst. Honger is de beste saus: door het wachten smaakt het nog beter.',
            en: 'Lamb from the local farm with vegetables harvested this morning. Hunger is the best sauce: the wait makes it taste even better.',
          },
          score: 2,
          serviceConcept: 'differentiator',
          momentOfTruth: true,
          touchpoints: [
            { channel: 'store', name: { nl: 'Het gerecht aan tafel', en: 'The dish at the table' }, department: KITCHEN, importance: 5 },
          ],
          kano: [
            { text: { nl: 'Kwaliteit van de ingrediënten', en: 'Quality of the ingredients' }, category: 'performance' },
          ],
          cells: {
            'customer-actions': { nl: 'Proeft, laat elkaar proeven en maakt een foto.', en: 'Tastes, shares bites and takes a photo.' },
            touchpoints: { nl: 'Het gerecht, de ober die het presenteert', en: 'The dish, the waiter presenting it' },
            'thoughts-feelings': {
              nl: 'Fantastisch. Het wachten was het dubbel en dwars waard.',
              en: 'Fantastic. It was more than worth the wait.',
            },
            opportunities: {
              nl: 'De chef even laten langskomen bij tafels die iets vieren.',
              en: 'Have the chef stop by tables that are celebrating.',
            },
            'front-stage': { nl: 'De ober presenteert het gerecht en vertelt erover.', en: 'The waiter presents the dish and talks about it.' },
            'back-stage': {
              nl: 'De chef proeft elk bord voordat het de keuken verlaat.',
              en: 'The chef tastes every plate before it leaves the kitchen.',
            },
            systems: { nl: 'Bestelsysteem voor leveranciers', en: 'Supplier ordering system' },
            measures: { nl: 'Waardering van het eten; verspilling per avond', en: 'Food rating; waste per evening' },
          },
        },
        {
          title: { nl: 'Nagerecht en koffie', en: 'Dessert and coffee' },
          description: {
            nl: 'Een huisgemaakt nagerecht van seizoensfruit, daarna koffie met zelfgemaakte bonbons.',
            en: 'A homemade dessert of seasonal fruit, then coffee with homemade chocolates.',
          },
          score: 1,
          touchpoints: [
            {
              channel: 'store',
              name: { nl: 'Nagerecht en koffie aan tafel', en: 'Dessert and coffee at the table' },
              department: KITCHEN,
              importance: 3,
            },
          ],
          kano: [{ text: { nl: 'Huisgemaakt nagerecht', en: 'Homemade dessert' }, category: 'performance' }],
          cells: {
            'customer-actions': { nl: 'Kiest een nagerecht en neemt de tijd.', en: 'Chooses a dessert and takes their time.' },
            touchpoints: { nl: 'Nagerecht, koffie, bonbons', en: 'Dessert, coffee, chocolates' },
            'thoughts-feelings': {
              nl: 'We zitten hier al drie uur en het voelt als één.',
              en: 'We’ve been here three hours and it feels like one.',
            },
            'pain-points': { nl: 'De koffie laat op zich wachten.', en: 'The coffee is slow to arrive.' },
            opportunities: {
              nl: 'Een paar bonbons meegeven voor thuis.',
              en: 'Give a few chocolates to take home.',
            },
            'front-stage': { nl: 'De ober ruimt af en serveert de koffie.', en: 'The waiter clears the table and serves coffee.' },
            'back-stage': { nl: 'De patissier bereidt de desserts ’s middags voor.', en: 'The pastry chef prepares the desserts in the afternoon.' },
            systems: { nl: 'Kassasysteem', en: 'Till system' },
            measures: { nl: 'Aandeel gasten dat een nagerecht neemt', en: 'Share of guests ordering dessert' },
          },
        },
      ],
    },
    {
      name: { nl: 'Afrekenen en afscheid', en: 'Paying and saying goodbye' },
      momentOfTruth: {
        nl: 'Met een warm gevoel naar huis, ook na de rekening.',
        en: 'Going home with a warm feeling, even after the bill.',
      },
      steps: [
        {
          title: { nl: 'De rekening', en: 'The bill' },
          description: {
            nl: '€ 210 voor twee. Vers, ambachtelijk eten mag wat kosten; bij een fastfoodketen waren ze goedkoper uit geweest, maar daar kozen ze niet voor.',
            en: '€210 for two. Fresh, handmade food may cost something; a fast-food chain would have been cheaper, but that is not what they chose.',
          },
          score: -1,
          serviceConcept: 'sacrifice',
          wait: { moment: 'before', minutes: 10 },
          touchpoints: [
            { channel: 'store', name: { nl: 'Afrekenen aan tafel', en: 'Paying at the table' }, department: FRONT_OF_HOUSE, importance: 3 },
          ],
          kano: [{ text: { nl: 'Geen verrassingen op de rekening', en: 'No surprises on the bill' }, category: 'must-be' }],
          cells: {
            'customer-actions': {
              nl: 'Vraagt om de rekening, wacht en rekent af met een fooi.',
              en: 'Asks for the bill, waits and pays with a tip.',
            },
            touchpoints: { nl: 'Rekening aan tafel, pinapparaat', en: 'Bill at the table, card terminal' },
            'thoughts-feelings': { nl: 'Even slikken. Maar het was het waard.', en: 'A bit of a gulp. But it was worth it.' },
            'pain-points': { nl: 'Tien minuten wachten op de rekening.', en: 'Ten minutes’ wait for the bill.' },
            opportunities: {
              nl: 'De prijs vooraf duidelijk maken, zodat de rekening geen verrassing is.',
              en: 'Make the price clear up front, so the bill is no surprise.',
            },
            'front-stage': { nl: 'De ober brengt de rekening en het pinapparaat.', en: 'The waiter brings the bill and the card terminal.' },
            'back-stage': {
              nl: 'Inkopen bij lokale boeren kost meer: een bewuste keuze.',
              en: 'Buying from local farmers costs more: a deliberate choice.',
            },
            systems: { nl: 'Kassasysteem, betaalterminal', en: 'Till system, card terminal' },
            measures: {
              nl: 'Gemiddelde besteding per gast; prijsbeleving in de gastenenquête',
              en: 'Average spend per guest; price perception in the guest survey',
            },
          },
        },
        {
          title: { nl: 'Afscheid van de chef', en: 'Goodbye from the chef' },
          description: {
            nl: 'De chef komt uit de keuken, feliciteert hen en geeft een potje zelfgemaakte jam mee. Het einde van de avond is de piek.',
            en: 'The chef comes out of the kitchen, congratulates them and gives them a jar of homemade jam. The end of the evening is the peak.',
          },
          score: 2,
          serviceConcept: 'differentiator',
          momentOfTruth: true,
          touchpoints: [
            { channel: 'store', name: { nl: 'Afscheid bij de deur', en: 'Farewell at the door' }, department: KITCHEN, importance: 4 },
          ],
          kano: [
            {
              text: { nl: 'Een potje zelfgemaakte jam voor thuis', en: 'A jar of homemade jam to take home' },
              category: 'attractive',
            },
          ],
          cells: {
            'customer-actions': {
              nl: 'Praat met de chef, neemt de jam aan en wandelt naar huis.',
              en: 'Chats with the chef, accepts the jam and walks home.',
            },
            touchpoints: { nl: 'Chef bij de deur, cadeautje', en: 'Chef at the door, small gift' },
            'thoughts-feelings': { nl: 'Wat een avond. Hier komen we terug.', en: 'What an evening. We’ll be back.' },
            opportunities: {
              nl: 'Dit afscheid een vast ritueel maken, ook op drukke avonden.',
              en: 'Make this farewell a fixed ritual, even on busy evenings.',
            },
            'front-stage': {
              nl: 'De chef en de gastvrouw nemen persoonlijk afscheid.',
              en: 'The chef and the hostess say goodbye in person.',
            },
            'back-stage': {
              nl: 'De jam wordt gemaakt van overschotten van de seizoensoogst.',
              en: 'The jam is made from surplus seasonal produce.',
            },
            systems: { nl: 'Reserveringssysteem met gastprofiel voor de volgende keer', en: 'Booking system with a guest profile for next time' },
            measures: { nl: 'Terugkerende gasten; aanbevelingsscore', en: 'Returning guests; recommendation score' },
          },
        },
      ],
    },
  ],
};
