// Demo content: one published consultation per city of the network, in the city's
// language, with the local organizations that joined it as solution partners. Seeded by
// demo-consultations.seed.server.ts when SEED_DEMO=true. Every organization is fictional.
//
// The phases are placed RELATIVE TO THE MOMENT OF SEEDING (`phase` is the one running
// then), so a fresh start always shows consultations at every stage: one informing, two
// collecting ideas, two collecting supports, two under review, one with results.
import type { CategorySlug } from "~/modules/categories/categories";
import type { PhaseKind } from "~/modules/consultations/phases.policy";
import type { OrganizationSize, Sector } from "~/modules/organizations/organizations.schema";

export type DemoOrganization = {
  /** Unique across the network; the profile lives at /organizations/<slug>. */
  slug: string;
  name: string;
  /** Index into the city's residents (an entrepreneur), or the demo entrepreneur account. */
  owner: number | "entrepreneur";
  sectors: Sector[];
  skills: string[];
  size: OrganizationSize;
  description: string;
  /** Why the organization joins the city's consultation as a solution partner. */
  statement: string;
  /** Agrees that the city sees the organization's contact email. */
  shareContact: boolean;
};

export type DemoConsultation = {
  citySlug: string;
  slug: string;
  title: string;
  question: string;
  summary: string;
  /** Markdown. */
  body: string;
  language: string;
  category: CategorySlug;
  supportLimit: number | null;
  /** The phase running when the seed runs, and how many days it has been running. */
  phase: PhaseKind;
  daysIntoPhase: number;
  /** Markdown; only for a consultation in its RESULTS phase. */
  resultsText?: string;
  /** Titles of the city's public demo ideas (demo-ideas.data.ts) that belong to the consultation. */
  ideaTitles: string[];
  /** Indices into the city's residents who joined as participants. */
  participants: number[];
  organizations: DemoOrganization[];
};

/** Length of each phase, in days. */
export const PHASE_DAYS: Record<PhaseKind, number> = {
  INFORMATION: 14,
  IDEATION: 28,
  SUPPORTS: 21,
  REVIEW: 21,
  RESULTS: 60,
};

export const demoConsultations: DemoConsultation[] = [
  {
    citySlug: "botosani",
    slug: "servicii-digitale-in-centrul-orasului",
    title: "Servicii digitale în centrul orașului",
    question: "Ce servicii digitale ar trebui să aducă Primăria mai întâi în centrul Botoșaniului?",
    summary: "Primăria are un buget pentru 2027 pentru servicii digitale în centrul orașului. Susțineți propunerile care contează cel mai mult pentru voi.",
    body: "## De ce această consultare\n\nBugetul pentru 2027 permite finanțarea a două sau trei proiecte digitale în centrul orașului.\n\n## Cum participați\n\n- citiți propunerile de mai jos;\n- susțineți **cel mult cinci** dintre ele;\n- spuneți-vă părerea în comentarii.",
    language: "ro",
    category: "e-government",
    supportLimit: 5,
    phase: "SUPPORTS",
    daysIntoPhase: 6,
    ideaTitles: [
      "Bilet de autobuz cumpărat din telefon, prin SMS sau cu cardul",
      "Hartă publică a sesizărilor: gropi, iluminat public, mobilier stricat",
      "Free public Wi-Fi in Mihai Eminescu Park and the pedestrian centre",
    ],
    participants: [0, 1, 3],
    organizations: [
      {
        slug: "codrii-digital-botosani",
        name: "Codrii Digital",
        owner: 2,
        sectors: ["software", "civic-tech"],
        skills: ["aplicații mobile", "plăți online", "React"],
        size: "MICRO",
        description: "Atelier de software din Botoșani: aplicații web și mobile pentru instituții publice și firme locale.",
        statement: "Am construit deja plata biletelor prin SMS pentru un operator de transport din regiune și putem adapta soluția.",
        shareContact: true,
      },
      {
        slug: "nord-conect-botosani",
        name: "Nord Conect",
        owner: 5,
        sectors: ["telecom"],
        skills: ["rețele Wi-Fi", "fibră optică", "mentenanță"],
        size: "SMALL",
        description: "Instalăm și întreținem rețele Wi-Fi publice și de fibră optică în nordul Moldovei.",
        statement: "Putem acoperi parcul și zona pietonală cu Wi-Fi public și oferim mentenanță locală.",
        shareContact: false,
      },
    ],
  },
  {
    citySlug: "messina",
    slug: "messina-citta-connessa",
    title: "Messina città connessa",
    question: "Quali informazioni in tempo reale servono di più a chi vive e visita Messina?",
    summary: "Il Comune valuta le proposte raccolte su orari, qualità dell'aria e servizi pubblici in tempo reale, con le aziende che si sono offerte di collaborare.",
    body: "## Dove siamo\n\nLa raccolta delle idee e dei sostegni è chiusa. Gli uffici stanno valutando le proposte più sostenute con le aziende partner.\n\n## Prossimi passi\n\nI risultati saranno pubblicati qui alla fine della valutazione.",
    language: "it",
    category: "open-data",
    supportLimit: null,
    phase: "REVIEW",
    daysIntoPhase: 8,
    ideaTitles: [
      "Orari di traghetti, aliscafi, tram e bus dello Stretto in un'unica pagina",
      "Open real-time air quality data and heat-wave alerts",
      "Prenotare online un posto nelle biblioteche e nelle aule studio comunali",
    ],
    participants: [0, 1, 4],
    organizations: [
      {
        slug: "stretto-dati-messina",
        name: "Stretto Dati",
        owner: 2,
        sectors: ["data-ai", "mobility"],
        skills: ["open data", "GTFS", "API"],
        size: "MICRO",
        description: "Startup messinese che integra dati di trasporto e ambiente in servizi per cittadini e turisti.",
        statement: "Possiamo unire gli orari di traghetti, tram e bus in un unico flusso di dati aperti.",
        shareContact: true,
      },
      {
        slug: "peloro-design-messina",
        name: "Peloro Design",
        owner: 5,
        sectors: ["design-ux"],
        skills: ["accessibilità", "design di servizi", "test con utenti"],
        size: "SOLO",
        description: "Studio di design dei servizi: progettiamo siti e app pubbliche semplici e accessibili a tutti.",
        statement: "Offriamo test con utenti e una verifica di accessibilità delle nuove pagine.",
        shareContact: true,
      },
    ],
  },
  {
    citySlug: "roquetas-de-mar",
    slug: "tramites-municipales-mas-sencillos",
    title: "Trámites municipales más sencillos",
    question: "¿Qué trámites del Ayuntamiento deberían poder hacerse por internet y sin cita previa?",
    summary: "El Ayuntamiento quiere simplificar los trámites más habituales. Proponga ideas para hacerlos por internet, por móvil o sin esperas.",
    body: "## Qué buscamos\n\nIdeas concretas para los trámites que más tiempo le cuestan: padrón, recogidas, avisos.\n\n## Cómo participar\n\nPublique su idea durante esta fase. Después habrá un periodo de apoyos.",
    language: "es",
    category: "e-government",
    supportLimit: null,
    phase: "IDEATION",
    daysIntoPhase: 9,
    ideaTitles: ["Certificado de empadronamiento al momento, sin cita previa", "Avisos de recogida de muebles y restos de poda por WhatsApp o SMS"],
    participants: [0, 1, 4],
    organizations: [
      {
        slug: "almeria-web-roquetas",
        name: "Almería Web Soluciones",
        owner: 3,
        sectors: ["software", "consulting"],
        skills: ["administración electrónica", "firma digital", "PHP"],
        size: "SMALL",
        description: "Desarrollamos sedes electrónicas y trámites en línea para ayuntamientos de la provincia de Almería.",
        statement: "Tenemos experiencia con certificados de padrón automáticos en otros municipios de la provincia.",
        shareContact: true,
      },
      {
        slug: "mensajes-del-poniente-roquetas",
        name: "Mensajes del Poniente",
        owner: 5,
        sectors: ["telecom", "civic-tech"],
        skills: ["WhatsApp Business", "SMS", "atención al ciudadano"],
        size: "MICRO",
        description: "Servicios de avisos por SMS y WhatsApp para empresas y administraciones del Poniente almeriense.",
        statement: "Podemos poner en marcha los avisos de recogida por WhatsApp en pocas semanas.",
        shareContact: false,
      },
    ],
  },
  {
    citySlug: "oulu",
    slug: "sujuvammat-digipalvelut-perheille",
    title: "Sujuvammat digipalvelut perheille",
    question: "Mitkä kaupungin digipalvelut helpottaisivat eniten lapsiperheiden ja nuorten arkea?",
    summary: "Oulun kaupunki kerää ideoita perheiden ja nuorten digipalveluihin. Kerro, mikä asiointi on nyt hankalaa ja miten sen voisi tehdä paremmin.",
    body: "## Mitä etsimme\n\nIdeoita varhaiskasvatuksen, kirjastojen ja nuorisopalvelujen asiointiin.\n\n## Miten osallistut\n\nJätä ideasi tämän vaiheen aikana. Yritykset voivat liittyä mukaan ratkaisukumppaneiksi.",
    language: "fi",
    category: "education-skills",
    supportLimit: null,
    phase: "IDEATION",
    daysIntoPhase: 5,
    ideaTitles: [
      "Kirjaston bändikämppien ja studioiden varaus verkossa",
      "Varhaiskasvatushakemuksen tilanne näkyviin verkossa",
      "One English service guide for international newcomers",
    ],
    participants: [0, 2, 4],
    organizations: [
      {
        slug: "pohjoisen-koodi-oulu",
        name: "Pohjoisen Koodi Oy",
        owner: 3,
        sectors: ["software", "education"],
        skills: ["varausjärjestelmät", "saavutettavuus", "TypeScript"],
        size: "SMALL",
        description: "Oululainen ohjelmistotalo, joka tekee varaus- ja asiointipalveluja kunnille ja oppilaitoksille.",
        statement: "Olemme toteuttaneet tilavarauspalvelun kahdelle kirjastolle ja voimme jakaa kokemuksemme.",
        shareContact: true,
      },
      {
        slug: "virtanen-digital-oulu",
        name: "Virtanen Digital",
        owner: "entrepreneur",
        sectors: ["design-ux", "civic-tech"],
        skills: ["palvelumuotoilu", "käyttäjätutkimus", "monikielisyys"],
        size: "SOLO",
        description: "Palvelumuotoilua ja käyttäjätutkimusta julkisille palveluille, suomeksi ja englanniksi.",
        statement: "Voin haastatella perheitä ja kansainvälisiä asukkaita ja muotoilla palvelupolut heidän kanssaan.",
        shareContact: true,
      },
    ],
  },
  {
    citySlug: "saint-quentin",
    slug: "simplifier-la-vie-des-familles",
    title: "Simplifier la vie des familles",
    question: "Quelles démarches de la Ville faut-il simplifier en priorité pour les familles ?",
    summary: "La Ville prépare une consultation sur les démarches des familles : cantine, périscolaire, transports, collecte des déchets. Découvrez le calendrier.",
    body: "## Le calendrier\n\n1. **Information** : présentation du projet et réunions de quartier.\n2. **Idées** : proposez vos idées en ligne.\n3. **Soutiens** : soutenez les idées qui comptent pour vous.\n4. **Examen** puis **résultats**.",
    language: "fr",
    category: "e-government",
    supportLimit: 5,
    phase: "INFORMATION",
    daysIntoPhase: 4,
    ideaTitles: ["Inscriptions à la cantine et au périscolaire en ligne, avec paiement", "Calendrier de collecte des déchets personnalisé, avec rappels"],
    participants: [0, 1, 4],
    organizations: [
      {
        slug: "picardie-numerique-saint-quentin",
        name: "Picardie Numérique",
        owner: 3,
        sectors: ["software", "education"],
        skills: ["portail famille", "paiement en ligne", "Vue.js"],
        size: "SMALL",
        description: "Éditeur de portails familles pour les communes de l'Aisne : inscriptions, factures et paiement en ligne.",
        statement: "Notre portail famille est déjà utilisé par trois communes voisines ; nous pouvons le présenter.",
        shareContact: true,
      },
      {
        slug: "vasseur-conseil-saint-quentin",
        name: "Vasseur Conseil",
        owner: 5,
        sectors: ["consulting", "civic-tech"],
        skills: ["conduite du changement", "ateliers participatifs"],
        size: "SOLO",
        description: "Accompagnement des collectivités dans leurs projets numériques et l'animation d'ateliers avec les habitants.",
        statement: "Je peux animer les réunions de quartier de la phase d'information.",
        shareContact: false,
      },
    ],
  },
  {
    citySlug: "limerick",
    slug: "digital-services-for-the-city-centre",
    title: "Digital services for the city centre",
    question: "Which digital services would make Limerick city centre better to live in, study in and visit?",
    summary: "The Council has funding for city-centre digital services in 2027. Support the proposals that matter most to you: up to five each.",
    body: "## Why this consultation\n\nThe city-centre regeneration fund includes a budget for digital services.\n\n## How to take part\n\n- read the proposals below;\n- support **up to five** of them;\n- discuss them in the comments.",
    language: "en",
    category: "connectivity",
    supportLimit: 5,
    phase: "SUPPORTS",
    daysIntoPhase: 10,
    ideaTitles: [
      "Book study rooms and the makerspace at the city library online",
      "Seirbhísí ar líne na Comhairle ar fáil as Gaeilge",
      "Free Wi-Fi at the Milk Market and along the riverside walk",
    ],
    participants: [0, 1, 4],
    organizations: [
      {
        slug: "shannon-software-limerick",
        name: "Shannon Software",
        owner: 3,
        sectors: ["software", "data-ai"],
        skills: ["booking systems", "Irish-language localisation", "Node.js"],
        size: "SMALL",
        description: "Limerick software studio building booking and self-service tools for libraries and public bodies.",
        statement: "We built room booking for a university library and can localise it into Irish.",
        shareContact: true,
      },
      {
        slug: "treaty-networks-limerick",
        name: "Treaty Networks",
        owner: 5,
        sectors: ["telecom", "energy"],
        skills: ["public Wi-Fi", "outdoor access points", "solar power"],
        size: "MICRO",
        description: "Outdoor Wi-Fi and low-power networks for markets, parks and events in the Mid-West.",
        statement: "We can cover the Milk Market and the riverside with solar-powered access points.",
        shareContact: true,
      },
    ],
  },
  {
    citySlug: "ventspils",
    slug: "viedaka-ventspils-iedzivotajiem",
    title: "Viedāka Ventspils iedzīvotājiem",
    question: "Kurus digitālos pakalpojumus pašvaldībai vajadzētu ieviest vispirms?",
    summary: "Konsultācija ir noslēgusies. Pašvaldība ir izvērtējusi iedzīvotāju idejas un publicējusi rezultātus.",
    body: "## Par konsultāciju\n\nIedzīvotāji iesniedza idejas un atbalstīja tās, kuras uzskatīja par svarīgākajām.\n\n## Rezultāti\n\nRezultāti ir publicēti zemāk.",
    language: "lv",
    category: "mobility",
    supportLimit: null,
    phase: "RESULTS",
    daysIntoPhase: 12,
    resultsText:
      "## Rezultāti\n\nPaldies visiem dalībniekiem!\n\n- **Autobusu kustība reāllaikā** saņēma visvairāk atbalsta: to ieviesīsim 2027. gadā.\n- **Pludmales ūdens kvalitāte** tiks publicēta pašvaldības vietnē jau šovasar.\n- Digitālo prasmju konsultācijas senioriem turpināsim bibliotēkās.",
    ideaTitles: [
      "Autobusu kustība reāllaikā pieturās un telefonā",
      "Pludmales ūdens kvalitāte un glābēju informācija vienuviet",
      "Digital skills drop-in hours for seniors at the libraries",
    ],
    participants: [0, 1, 2],
    organizations: [
      {
        slug: "kurzemes-dati-ventspils",
        name: "Kurzemes Dati",
        owner: 3,
        sectors: ["data-ai", "mobility"],
        skills: ["GPS dati", "atvērtie dati", "mobilās lietotnes"],
        size: "MICRO",
        description: "Uzņēmums no Ventspils, kas veido transporta un vides datu risinājumus pašvaldībām.",
        statement: "Varam savienot autobusu GPS datus ar pieturu tablo un mobilo lietotni.",
        shareContact: true,
      },
      {
        slug: "juras-tehnologijas-ventspils",
        name: "Jūras Tehnoloģijas",
        owner: 5,
        sectors: ["energy", "tourism"],
        skills: ["sensori", "ūdens kvalitātes mērījumi"],
        size: "SMALL",
        description: "Mērījumu sensori un datu platformas ostām, pludmalēm un piekrastes pašvaldībām.",
        statement: "Piedāvājam ūdens kvalitātes sensorus pludmalēm un datu publicēšanu tiešsaistē.",
        shareContact: false,
      },
    ],
  },
  {
    citySlug: "portalegre",
    slug: "portalegre-mais-perto-das-freguesias",
    title: "Portalegre mais perto das freguesias",
    question: "Como podem os serviços digitais da Câmara chegar melhor às freguesias rurais?",
    summary: "A Câmara está a analisar as propostas mais apoiadas para levar serviços digitais às freguesias, com as empresas que se ofereceram como parceiras.",
    body: "## Em que ponto estamos\n\nA fase de apoios terminou. Os serviços da Câmara estão a analisar as propostas com os parceiros.\n\n## Próximos passos\n\nOs resultados serão publicados nesta página.",
    language: "pt",
    category: "health-care",
    supportLimit: null,
    phase: "REVIEW",
    daysIntoPhase: 3,
    ideaTitles: [
      "Marcação online para o atendimento da Câmara, com senha digital",
      "Mapa digital dos percursos pedestres da Serra de São Mamede",
      "Teleconsultation points in the parish councils",
    ],
    participants: [0, 1, 5],
    organizations: [
      {
        slug: "alentejo-digital-portalegre",
        name: "Alentejo Digital",
        owner: 3,
        sectors: ["software", "health"],
        skills: ["teleconsulta", "marcações online", "acessibilidade"],
        size: "SMALL",
        description: "Empresa de Portalegre que desenvolve plataformas de marcações e teleconsulta para o interior.",
        statement: "Já instalámos pontos de teleconsulta em juntas de freguesia de outro concelho do Alentejo.",
        shareContact: true,
      },
      {
        slug: "sao-mamede-trilhos-portalegre",
        name: "São Mamede Trilhos",
        owner: 4,
        sectors: ["tourism", "data-ai"],
        skills: ["cartografia", "GPS", "turismo de natureza"],
        size: "SOLO",
        description: "Cartografia digital e guias de percursos pedestres da Serra de São Mamede e do Alto Alentejo.",
        statement: "Tenho os percursos já cartografados e posso disponibilizá-los como dados abertos.",
        shareContact: false,
      },
    ],
  },
];
