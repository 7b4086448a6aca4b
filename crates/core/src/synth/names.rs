//! Per-country name material for synthetic data: given and family names with the accents,
//! particles and scripts of the EU's languages, cities, and organisation name patterns in
//! the country's own words. `{c}` in a pattern is a city, `{f}` a family name.

/// What one EU country contributes to synthetic data.
pub(crate) struct Locale {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// The main language, ISO 639-1.
    pub language: &'static str,
    /// The country's e-mail top-level domain.
    pub tld: &'static str,
    /// The telephone country code.
    pub dial: &'static str,
    pub given: &'static [&'static str],
    pub family: &'static [&'static str],
    pub cities: &'static [&'static str],
    pub patterns: &'static [&'static str],
}

/// Patterns used in every country: coalitions often name themselves in English.
pub(crate) const ENGLISH_PATTERNS: &[&str] = &[
    "{c} Child Safety Network",
    "Safe Online {c}",
    "{f} Foundation for Children",
    "Survivors' Voice {c}",
    "Childhood Rights Centre {c}",
];

/// Job titles, in English as coalition contact sheets mostly have them.
pub(crate) const JOB_TITLES: &[&str] = &[
    "Policy Officer",
    "Executive Director",
    "Advocacy Lead",
    "Programme Manager",
    "Communications Officer",
    "Legal Adviser",
    "Researcher",
    "Head of Child Protection",
    "EU Affairs Manager",
    "Campaigner",
    "Hotline Analyst",
    "Board Member",
];

/// What interactions are about.
pub(crate) const TOPICS: &[&str] = &[
    "the CSA Regulation trilogue",
    "detection orders",
    "end-to-end encryption and detection",
    "age verification",
    "the EU Centre's mandate",
    "the interim derogation's extension",
    "hotline funding",
    "survivors' testimony at the hearing",
    "grooming detection",
    "the Council's general approach",
    "the LIBE committee report",
    "risk assessment and mitigation",
    "removal orders",
    "voluntary detection",
    "the joint open letter",
    "the coalition's position paper",
];

/// How interactions turn out.
pub(crate) const OUTCOMES: &[&str] = &[
    "Supportive; asked for our briefing note.",
    "Undecided, wants figures from the hotlines.",
    "Will raise it in the shadows' meeting.",
    "Agreed to co-host a breakfast debate.",
    "Concerned about encryption; follow up with technical experts.",
    "Promised a written answer before the vote.",
    "No commitment yet.",
    "Shared our amendments with the rapporteur's office.",
];

/// Follow-up task titles.
pub(crate) const TASKS: &[&str] = &[
    "Send the briefing note",
    "Share hotline figures",
    "Draft thank-you email",
    "Propose amendment wording",
    "Invite to the survivors' round table",
    "Book a follow-up meeting",
];

/// The 27 member states.
pub(crate) const LOCALES: &[Locale] = &[
    Locale {
        code: "AT", language: "de", tld: "at", dial: "+43",
        given: &["Anna", "Lukas", "Sophie", "Maximilian", "Lena", "Jürgen", "Theresa", "Florian", "Katharina", "Günther", "Valentina", "Stefan"],
        family: &["Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Hofer", "Leitner", "Weiß", "Schwarz", "von Trapp", "Rößler"],
        cities: &["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt"],
        patterns: &["Kinderschutzzentrum {c}", "Verein für Kinderrechte {c}", "{f}-Stiftung", "Netzwerk Kinderrechte {c}", "Österreichische Kinderhilfe {c}"],
    },
    Locale {
        code: "BE", language: "fr", tld: "be", dial: "+32",
        given: &["Lucas", "Emma", "Noah", "Louise", "Wout", "Elise", "Thibault", "Anaïs", "Maarten", "Célestine", "Pieter", "Zoë"],
        family: &["Peeters", "Janssens", "Maes", "Jacobs", "Dubois", "Lambert", "Van den Broeck", "De Smet", "Vandenberghe", "Lefèbvre", "Claes", "d'Ursel", "Van Damme"],
        cities: &["Bruxelles", "Antwerpen", "Gent", "Liège", "Namur", "Leuven", "Brugge"],
        patterns: &["Child Focus {c}", "Ligue des Droits de l'Enfant {c}", "Kinderrechtencoalitie {c}", "Fondation {f}", "Association pour l'Enfance de {c}"],
    },
    Locale {
        code: "BG", language: "bg", tld: "bg", dial: "+359",
        given: &["Georgi", "Maria", "Ivan", "Elena", "Dimitar", "Yana", "Nikolay", "Desislava", "Мария", "Петър", "Radostina", "Stoyan"],
        family: &["Ivanova", "Georgiev", "Dimitrova", "Petrov", "Nikolova", "Todorov", "Stoyanova", "Иванов", "Георгиева", "Angelov", "Hristova", "Kolev"],
        cities: &["Sofia", "Plovdiv", "Varna", "Burgas", "Ruse", "София"],
        patterns: &["Фондация {f}", "Национална мрежа за децата {c}", "Sdruzhenie Detski Prava {c}", "Center for Child Protection {c}"],
    },
    Locale {
        code: "HR", language: "hr", tld: "hr", dial: "+385",
        given: &["Ivana", "Luka", "Marija", "Josip", "Ana", "Matej", "Petra", "Tomislav", "Lucija", "Dražen", "Mirjana", "Željko"],
        family: &["Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković", "Marković", "Petrović", "Šimić", "Božić", "Radić"],
        cities: &["Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Pula"],
        patterns: &["Udruga za prava djece {c}", "Zaklada {f}", "Centar za zaštitu djece {c}", "Hrabri telefon {c}"],
    },
    Locale {
        code: "CY", language: "el", tld: "cy", dial: "+357",
        given: &["Andreas", "Eleni", "Christos", "Maria", "Giorgos", "Katerina", "Nikos", "Χριστίνα", "Κώστας", "Despina", "Panayiotis", "Sofia"],
        family: &["Georgiou", "Christodoulou", "Constantinou", "Ioannou", "Charalambous", "Nicolaou", "Χριστοφόρου", "Papadopoulos", "Kyriacou", "Savva", "Λοΐζου"],
        cities: &["Nicosia", "Limassol", "Larnaca", "Paphos", "Λευκωσία"],
        patterns: &["Σύνδεσμος για τα Δικαιώματα του Παιδιού {c}", "Hope For Children {c}", "{f} Foundation", "Cyprus Child Helpline {c}"],
    },
    Locale {
        code: "CZ", language: "cs", tld: "cz", dial: "+420",
        given: &["Jiří", "Tereza", "Jan", "Kateřina", "Tomáš", "Lucie", "Petr", "Markéta", "Ondřej", "Zuzana", "Vojtěch", "Barbora"],
        family: &["Novák", "Dvořák", "Svobodová", "Černý", "Procházková", "Kučera", "Veselá", "Horák", "Němcová", "Šťastný", "Pokorná", "Růžička", "Marek"],
        cities: &["Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "České Budějovice"],
        patterns: &["Linka bezpečí {c}", "Nadace {f}", "Sdružení pro práva dětí {c}", "Centrum ochrany dětí {c}"],
    },
    Locale {
        code: "DK", language: "da", tld: "dk", dial: "+45",
        given: &["Søren", "Mette", "Anders", "Freja", "Mads", "Ida", "Rasmus", "Signe", "Jørgen", "Astrid", "Bjørn", "Åse"],
        family: &["Jensen", "Nielsen", "Hansen", "Ødegaard", "Søndergaard", "Kjærgaard", "Mølgaard", "Pedersen", "Østergaard", "Thomsen", "Lindqvist", "Brøndum"],
        cities: &["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Roskilde"],
        patterns: &["Børnesagens Fællesråd {c}", "Red Barnet {c}", "{f} Fonden", "Børns Vilkår {c}", "Netværket for Børns Rettigheder {c}"],
    },
    Locale {
        code: "EE", language: "et", tld: "ee", dial: "+372",
        given: &["Kadri", "Märt", "Liis", "Tõnu", "Kätlin", "Jüri", "Triin", "Rein", "Mari-Liis", "Priit", "Ülle", "Andres"],
        family: &["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Kõiv", "Lepik", "Õunapuu"],
        cities: &["Tallinn", "Tartu", "Pärnu", "Narva", "Viljandi"],
        patterns: &["Lastekaitse Liit {c}", "Sihtasutus {f}", "Laste Õiguste Keskus {c}", "Turvalise Interneti Keskus {c}"],
    },
    Locale {
        code: "FI", language: "fi", tld: "fi", dial: "+358",
        given: &["Aino", "Eero", "Helmi", "Väinö", "Sanna", "Juha", "Päivi", "Mikko", "Elina", "Jyrki", "Kaisa", "Tuomas"],
        family: &["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Lehtonen", "Järvinen", "Heikkilä", "Kärkkäinen", "Laaksonen", "Väisänen", "Öhman"],
        cities: &["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä"],
        patterns: &["Lastensuojelun Keskusliitto {c}", "Pelastakaa Lapset {c}", "{f}-säätiö", "Lasten oikeuksien verkosto {c}"],
    },
    Locale {
        code: "FR", language: "fr", tld: "fr", dial: "+33",
        given: &["Éloïse", "Jérôme", "Camille", "François", "Léa", "Hélène", "Gaëlle", "Théo", "Noémie", "Benoît", "Maëlle", "Aurélien"],
        family: &["Martin", "Dubois", "Lefèvre", "Moreau", "Fontaine", "Girard", "Rousseau", "de Saint-Exupéry", "Bouchard", "Lemaître", "Le Goff", "d'Aubigné", "Château", "Chevalier"],
        cities: &["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Bordeaux", "Nantes", "Strasbourg"],
        patterns: &["Association pour l'Enfance de {c}", "Fondation {f}", "Comité de Protection de l'Enfance de {c}", "Réseau Droits de l'Enfant {c}", "L'Enfant Bleu {c}"],
    },
    Locale {
        code: "DE", language: "de", tld: "de", dial: "+49",
        given: &["Jürgen", "Anneliese", "Lukas", "Mia", "Björn", "Käthe", "Matthias", "Sören", "Hannah", "Jörg", "Ursula", "Felix"],
        family: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Schäfer", "Köhler", "von Weizsäcker", "Groß", "Böhm", "zu Guttenberg", "Krüger", "Hoffmann", "Schröder"],
        cities: &["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Düsseldorf", "Leipzig", "Stuttgart"],
        patterns: &["Kinderschutzbund {c}", "Innocence in Danger {c}", "{f}-Stiftung", "Netzwerk gegen sexuelle Gewalt {c}", "Initiative Kinderrechte {c}"],
    },
    Locale {
        code: "GR", language: "el", tld: "gr", dial: "+30",
        given: &["Dimitris", "Eleni", "Giannis", "Vasiliki", "Κώστας", "Αικατερίνη", "Nikos", "Georgia", "Thanasis", "Ioanna", "Spyros", "Δήμητρα"],
        family: &["Papadopoulos", "Παπαδοπούλου", "Nikolaidis", "Georgiou", "Karagiannis", "Οικονόμου", "Vlachou", "Antoniou", "Papageorgiou", "Μαυρίδης", "Alexiou"],
        cities: &["Athens", "Thessaloniki", "Patras", "Heraklion", "Αθήνα", "Larissa"],
        patterns: &["Χαμόγελο του Παιδιού {c}", "Ίδρυμα {f}", "Network for Children's Rights {c}", "ARSIS {c}"],
    },
    Locale {
        code: "HU", language: "hu", tld: "hu", dial: "+36",
        given: &["Zsófia", "Bence", "Réka", "Gergő", "Anikó", "Ádám", "Eszter", "Zoltán", "Krisztina", "Levente", "Ildikó", "Péter"],
        family: &["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Szőke", "Balogh", "Fülöp"],
        cities: &["Budapest", "Debrecen", "Szeged", "Miskolc", "Pécs", "Győr"],
        patterns: &["Gyermekjogi Egyesület {c}", "{f} Alapítvány", "Kék Vonal {c}", "Hintalovon {c}"],
    },
    Locale {
        code: "IE", language: "en", tld: "ie", dial: "+353",
        given: &["Aoife", "Seán", "Siobhán", "Pádraig", "Niamh", "Cillian", "Gráinne", "Eoin", "Síle", "Ciarán", "Orla", "Dónal"],
        family: &["Ó Súilleabháin", "Ní Bhriain", "O'Brien", "Mac Cárthaigh", "Murphy", "Kelly", "Ó Conchúir", "Byrne", "Ní Dhomhnaill", "Walsh", "McCarthy", "Ó Néill"],
        cities: &["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny"],
        patterns: &["Children's Rights Alliance {c}", "{f} Trust", "Hotline {c}", "Barnardos {c}", "Cumann Cearta Leanaí {c}"],
    },
    Locale {
        code: "IT", language: "it", tld: "it", dial: "+39",
        given: &["Giulia", "Niccolò", "Chiara", "Lorenzo", "Francesca", "Luca", "Beatrice", "Mattia", "Ludovica", "Nicolò", "Gaia", "Tommaso"],
        family: &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "De Luca", "Di Stefano", "D'Angelo", "Lo Iacono", "Della Valle", "Fabbrì"],
        cities: &["Roma", "Milano", "Napoli", "Torino", "Bologna", "Firenze", "Palermo"],
        patterns: &["Telefono Azzurro {c}", "Fondazione {f}", "Associazione per i Diritti dell'Infanzia {c}", "Rete per la Tutela dei Minori {c}"],
    },
    Locale {
        code: "LV", language: "lv", tld: "lv", dial: "+371",
        given: &["Jānis", "Līga", "Andris", "Ilze", "Kārlis", "Inese", "Mārtiņš", "Zane", "Edgars", "Dace", "Raimonds", "Elīna"],
        family: &["Bērziņš", "Kalniņa", "Ozoliņš", "Jansone", "Liepiņš", "Krūmiņa", "Zariņš", "Vītola", "Kļaviņš", "Pētersone", "Grīnbergs"],
        cities: &["Rīga", "Daugavpils", "Liepāja", "Jelgava", "Jūrmala"],
        patterns: &["Bērnu tiesību centrs {c}", "Nodibinājums {f}", "Drošāka interneta centrs {c}", "Glābiet bērnus {c}"],
    },
    Locale {
        code: "LT", language: "lt", tld: "lt", dial: "+370",
        given: &["Jonas", "Rūta", "Mantas", "Gintarė", "Tomas", "Aušra", "Darius", "Eglė", "Vytautas", "Živilė", "Šarūnas", "Ieva"],
        family: &["Kazlauskas", "Jankauskienė", "Petrauskas", "Stankevičiūtė", "Vasiliauskas", "Žukauskienė", "Butkus", "Paulauskaitė", "Urbonas", "Kavaliauskienė", "Šimkus"],
        cities: &["Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys"],
        patterns: &["Vaikų linija {c}", "Paramos fondas {f}", "Vaikų teisių centras {c}", "Gelbėkit vaikus {c}"],
    },
    Locale {
        code: "LU", language: "fr", tld: "lu", dial: "+352",
        given: &["Luc", "Claire", "Jean-Marie", "Anouk", "Pol", "Mireille", "Gilles", "Léonie", "Jos", "Françoise", "Tom", "Lët"],
        family: &["Schmit", "Muller", "Weber", "Wagner", "Hoffmann", "Thill", "Reuter", "Kieffer", "Schroeder", "Feller", "Goerens", "Bettendorf"],
        cities: &["Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange", "Ettelbruck"],
        patterns: &["ECPAT {c}", "Fondation {f}", "Ombudsman fir Kanner {c}", "BEE SECURE {c}"],
    },
    Locale {
        code: "MT", language: "mt", tld: "mt", dial: "+356",
        given: &["Marija", "Ġużeppi", "Rita", "Ċensu", "Maria", "Ġorġ", "Karmen", "Pawlu", "Doris", "Mikiel", "Rosette", "Ġwann"],
        family: &["Borg", "Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Grech", "Micallef", "Azzopardi", "Ċassar", "Xuereb", "Żammit"],
        cities: &["Valletta", "Birkirkara", "Mosta", "Sliema", "Żabbar", "Qormi"],
        patterns: &["Fondazzjoni {f}", "Child Web Alert {c}", "Kummissarju għat-Tfal {c}", "Aġenzija Appoġġ {c}"],
    },
    Locale {
        code: "NL", language: "nl", tld: "nl", dial: "+31",
        given: &["Sanne", "Daan", "Anouk", "Bram", "Fleur", "Joris", "Maartje", "Sjoerd", "Eva", "Thijs", "Ilse", "Geert"],
        family: &["de Vries", "van der Berg", "van den Heuvel", "Jansen", "Bakker", "Visser", "Smit", "de Jong", "van Dijk", "Meijer", "ter Horst", "van 't Hof", "Mulder"],
        cities: &["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Den Bosch"],
        patterns: &["Stichting {f}", "Kinderrechtencollectief {c}", "Expertisebureau Online Kindermisbruik {c}", "Defence for Children {c}", "Meldpunt Kinderporno {c}"],
    },
    Locale {
        code: "PL", language: "pl", tld: "pl", dial: "+48",
        given: &["Łukasz", "Agnieszka", "Paweł", "Małgorzata", "Michał", "Zofia", "Wojciech", "Katarzyna", "Bartłomiej", "Joanna", "Jędrzej", "Ewa"],
        family: &["Nowakowska", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Żółkiewska", "Kozłowski", "Jabłońska"],
        cities: &["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin"],
        patterns: &["Fundacja {f}", "Fundacja Dajemy Dzieciom Siłę {c}", "Stowarzyszenie na rzecz Praw Dziecka {c}", "Dyżurnet {c}", "Komitet Ochrony Praw Dziecka {c}"],
    },
    Locale {
        code: "PT", language: "pt", tld: "pt", dial: "+351",
        given: &["João", "Inês", "Tomás", "Beatriz", "Gonçalo", "Mariana", "Rodrigo", "Leonor", "Sebastião", "Conceição", "Rui", "Matilde"],
        family: &["Silva", "Santos", "Ferreira", "Pereira", "Gonçalves", "Simões", "da Costa", "dos Santos", "de Sousa", "Magalhães", "Araújo", "Conceição"],
        cities: &["Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Évora"],
        patterns: &["Instituto de Apoio à Criança {c}", "Fundação {f}", "Associação para os Direitos da Criança {c}", "Linha Internet Segura {c}"],
    },
    Locale {
        code: "RO", language: "ro", tld: "ro", dial: "+40",
        given: &["Ștefan", "Ioana", "Andrei", "Mădălina", "Mihai", "Elena", "Răzvan", "Bianca", "Tudor", "Alexandra", "Cătălin", "Irina"],
        family: &["Popescu", "Ionescu", "Popa", "Dumitrescu", "Stănescu", "Țăranu", "Constantinescu", "Munteanu", "Gheorghiu", "Răducanu", "Ștefănescu", "Dobre"],
        cities: &["București", "Cluj-Napoca", "Timișoara", "Iași", "Constanța", "Brașov"],
        patterns: &["Salvați Copiii {c}", "Fundația {f}", "Asociația pentru Drepturile Copilului {c}", "Ora de Net {c}"],
    },
    Locale {
        code: "SK", language: "sk", tld: "sk", dial: "+421",
        given: &["Ľubomír", "Jana", "Matúš", "Zuzana", "Peter", "Lucia", "Ján", "Mária", "Tomáš", "Katarína", "Miroslav", "Dominika"],
        family: &["Horváth", "Kováčová", "Varga", "Tóthová", "Nagy", "Baláž", "Szabóová", "Molnár", "Šimko", "Lukáčová", "Ďurica", "Kučerová"],
        cities: &["Bratislava", "Košice", "Prešov", "Žilina", "Nitra", "Banská Bystrica"],
        patterns: &["Linka detskej istoty {c}", "Nadácia {f}", "Centrum pre práva dieťaťa {c}", "Stopline {c}"],
    },
    Locale {
        code: "SI", language: "sl", tld: "si", dial: "+386",
        given: &["Maja", "Luka", "Nina", "Žiga", "Špela", "Matevž", "Tjaša", "Jernej", "Urška", "Gašper", "Mojca", "Aleš"],
        family: &["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar", "Vidmar", "Golob", "Turk", "Žagar"],
        cities: &["Ljubljana", "Maribor", "Celje", "Kranj", "Koper", "Novo mesto"],
        patterns: &["Zveza prijateljev mladine {c}", "Fundacija {f}", "Spletno oko {c}", "Društvo za pravice otrok {c}"],
    },
    Locale {
        code: "ES", language: "es", tld: "es", dial: "+34",
        given: &["María José", "Íñigo", "Lucía", "Martín", "Begoña", "Jesús", "Ángela", "Sergio", "Nuria", "Álvaro", "Pilar", "Joaquín"],
        family: &["García", "Fernández", "de la Cruz", "Martínez", "López", "Sánchez", "Núñez", "Pérez de Ayala", "Muñoz", "del Río", "Ibáñez", "Gómez", "Zubizarreta"],
        cities: &["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza", "A Coruña"],
        patterns: &["Fundación {f}", "Asociación por los Derechos de la Infancia de {c}", "Plataforma de Infancia {c}", "Red de Protección Infantil {c}", "Fundació {f}"],
    },
    Locale {
        code: "SE", language: "sv", tld: "se", dial: "+46",
        given: &["Åsa", "Björn", "Märta", "Lars", "Ebba", "Göran", "Linnéa", "Oskar", "Ingrid", "Mattias", "Sofie", "Stina"],
        family: &["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindström", "Öberg", "Åkesson", "Bäckström", "Sjögren", "Löfgren", "Håkansson"],
        cities: &["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping"],
        patterns: &["Rädda Barnen {c}", "{f}stiftelsen", "BRIS {c}", "ECPAT Sverige {c}", "Barnrättsnätverket {c}"],
    },
];
