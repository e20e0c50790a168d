// Demo content: ideas, comment threads and the local residents who wrote them, for the
// eight cities of the network. Seeded by demo-ideas.seed.server.ts when SEED_DEMO=true so
// that a first start shows a living platform. Every person here is fictional.
//
// Ideas are mostly in the city's language, some in English (residents write the way they
// would on a real platform); official answers are always in the city's language.
import type { CategorySlug } from "~/modules/categories/categories";

export type DemoAlignment = "IN_FAVOUR" | "AGAINST" | "NEUTRAL";

export type DemoComment = {
  /** Index into the city's residents. */
  by: number;
  alignment: DemoAlignment;
  body: string;
  /**
   * Written after the city's last decision on the idea (e.g. "I used the new service"),
   * so it is dated after that step of the timeline. Replies inherit it.
   */
  afterDecision?: boolean;
  replies?: DemoComment[];
};

/** The status the idea reaches; the seed walks the lifecycle to get there. */
export type DemoIdeaStatus = "SUBMITTED" | "PUBLISHED" | "UNDER_REVIEW" | "ACCEPTED" | "PILOTING" | "LAUNCHED" | "REJECTED" | "WITHDRAWN";

export type DemoIdea = {
  /** Index into the city's residents, or "citizen" for the demo citizen account (citizen@civicloop.example). */
  by: number | "citizen";
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  category: CategorySlug;
  /** BCP 47 code of the language the idea is written in. */
  language: string;
  status: DemoIdeaStatus;
  /**
   * The city's official answer (given with the last decision: under review, accepted,
   * piloting, launched, rejected), or the author's reason when withdrawn.
   */
  answer?: string;
  /** Published this many days before the seed runs (submitted a few hours earlier). */
  daysAgo: number;
  comments: DemoComment[];
};

export type DemoResident = { name: string; kind: "CITIZEN" | "ENTREPRENEUR" };

export type DemoCity = {
  slug: string;
  /**
   * The city's official account (moderates and decides), created with a city admin role;
   * null where the demo accounts of demo.seed.server.ts already play that part (Botoșani).
   */
  official: { name: string } | null;
  /** Six residents: resident1.<slug>@civicloop.example … resident6.<slug>@civicloop.example. */
  residents: DemoResident[];
  ideas: DemoIdea[];
};

/** Strips the indentation of a Markdown block written indented in this file. */
function md(strings: TemplateStringsArray): string {
  const lines = strings.join("").replace(/^\n/, "").split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length);
  const indent = Math.min(...indents);
  return lines
    .map((line) => line.slice(indent))
    .join("\n")
    .trim();
}

const botosani: DemoCity = {
  slug: "botosani",
  official: null,
  residents: [
    { name: "Andrei Ciobanu", kind: "CITIZEN" },
    { name: "Elena Rusu", kind: "CITIZEN" },
    { name: "Mihai Lungu", kind: "ENTREPRENEUR" },
    { name: "Cristina Olaru", kind: "CITIZEN" },
    { name: "Vlad Munteanu", kind: "CITIZEN" },
    { name: "Gabriela Tănase", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 4,
      title: "Bilet de autobuz cumpărat din telefon, prin SMS sau cu cardul",
      summary:
        "Biletele pentru autobuzele urbane se cumpără doar de la chioșcuri sau de la șofer, cu bani gheață. Propun plata prin SMS, cu cardul contactless direct în autobuz și abonamente lunare reînnoite online.",
      body: md`
        ## Problema

        - Chioșcurile de bilete sunt închise seara și în weekend.
        - Șoferii pierd timp cu restul, iar autobuzele întârzie la fiecare stație.
        - Elevii, studenții și navetiștii trebuie să meargă la casierie în fiecare lună pentru abonament.

        ## Propunerea

        1. Bilet prin SMS la un număr scurt, valabil 60 de minute, cu confirmare pe telefon.
        2. Validatoare cu card contactless în toate autobuzele.
        3. Abonamente reînnoite online, cu reducerea pentru elevi și studenți verificată o singură dată pe an.

        Alte orașe din țară au deja astfel de sisteme, deci nu pornim de la zero.
      `,
      category: "mobility",
      language: "ro",
      status: "PUBLISHED",
      daysAgo: 12,
      comments: [
        {
          by: 1,
          alignment: "IN_FAVOUR",
          body: "Da, vă rog! Seara, după tura de la spital, nu am de unde să cumpăr bilet și merg pe jos până acasă.",
          replies: [
            {
              by: 4,
              alignment: "NEUTRAL",
              body: "Exact pentru situații ca a dumneavoastră am scris propunerea. Ar ajuta și un bilet de 24 de ore.",
            },
          ],
        },
        {
          by: 0,
          alignment: "AGAINST",
          body: "Cu cardul sunt de acord, dar nu cu SMS-ul: comisioanele operatorilor de telefonie fac biletul mai scump. Ar trebui să coste la fel ca la chioșc.",
          replies: [
            {
              by: 2,
              alignment: "NEUTRAL",
              body: "Se poate negocia un tarif fără comision. În unele orașe primăria suportă costul tranzacției, pentru că economisește la tipărirea biletelor.",
              replies: [{ by: 0, alignment: "IN_FAVOUR", body: "Dacă prețul rămâne același, atunci susțin și eu." }],
            },
          ],
        },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "Pentru elevi ar fi foarte util ca abonamentul să fie legat de carnetul de elev, fără drumuri la casierie la început de lună.",
        },
      ],
    },
    {
      by: 1,
      title: "Programări online la ghișeele Primăriei",
      summary:
        "În loc să stăm la coadă dimineața la Taxe și Impozite sau la Stare Civilă, să ne putem programa online la o oră anume și să primim un SMS de reamintire cu actele necesare.",
      body: md`
        ## Problema

        La începutul anului și înainte de termenul de plată a impozitelor, cozile ajung până în stradă. Mulți vârstnici așteaptă în picioare, iar cei care lucrează își iau o zi liberă pentru un singur act.

        ## Propunerea

        - Un calendar online pentru fiecare serviciu: taxe locale, stare civilă, urbanism, asistență socială.
        - Lista documentelor necesare, afișată înainte de confirmarea programării.
        - SMS sau e-mail de reamintire cu o zi înainte și anulare printr-un singur link.
        - Câteva locuri rămân libere pentru cei fără programare, ca nimeni să nu fie trimis acasă.
      `,
      category: "e-government",
      language: "ro",
      status: "LAUNCHED",
      answer:
        "Programările online sunt disponibile pentru Direcția Taxe și Impozite, Stare Civilă și Urbanism. În cele două luni de testare s-au făcut peste 3.400 de programări, iar timpul mediu de așteptare la ghișeu a scăzut la 12 minute. Mulțumim pentru propunere și pentru observațiile din comentarii, care ne-au ajutat la testare.",
      daysAgo: 160,
      comments: [
        { by: 3, alignment: "IN_FAVOUR", body: "Foarte bună idee. Mama are 78 de ani și nu mai poate sta o oră la coadă." },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Sistemul de programări ar trebui să meargă și pe telefoane mai vechi și fără cont obligatoriu: doar nume și număr de telefon.",
          replies: [{ by: 1, alignment: "IN_FAVOUR", body: "De acord, fără cont ar fi mult mai simplu pentru toată lumea." }],
        },
        {
          by: 0,
          alignment: "AGAINST",
          body: "Sper să nu dispară ghișeul fără programare. Nu toată lumea are internet.",
          replies: [
            { by: 1, alignment: "NEUTRAL", body: "Am cerut explicit să rămână locuri și pentru cei fără programare, e scris în propunere." },
          ],
        },
        {
          by: 5,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Am folosit deja programarea pentru certificatul de urbanism: am intrat la ora fixată și în cinci minute eram gata. Bravo!",
        },
      ],
    },
    {
      by: 0,
      title: "Hartă publică a sesizărilor: gropi, iluminat public, mobilier stricat",
      summary:
        "O hartă online unde oricine poate raporta o problemă din oraș cu o fotografie și poate vedea ce s-a întâmplat cu sesizarea: înregistrată, repartizată, rezolvată.",
      body: md`
        ## Problema

        Sesizările trimise prin e-mail sau la registratură dispar într-un sistem pe care nu-l vedem. Aceeași groapă de pe Calea Națională este raportată de zeci de ori, iar nimeni nu știe dacă se ocupă cineva de ea.

        ## Propunerea

        - Raportare de pe telefon: fotografie, locație pe hartă, categorie.
        - Fiecare sesizare primește un număr și un stadiu vizibil public.
        - Sesizările din același loc sunt grupate, ca să nu se dubleze munca.
        - Datele anonimizate sunt publicate lunar pe [data.gov.ro](https://data.gov.ro).
      `,
      category: "safety",
      language: "ro",
      status: "UNDER_REVIEW",
      answer:
        "Propunerea este analizată de Direcția Tehnică împreună cu Serviciul Informatică. Verificăm dacă registratura electronică existentă poate primi sesizări cu localizare pe hartă și stadiu public. Revenim cu un răspuns până la sfârșitul trimestrului.",
      daysAgo: 45,
      comments: [
        { by: 5, alignment: "IN_FAVOUR", body: "Ar fi utilă mai ales pentru iluminatul public: pe strada mea un stâlp nu merge de trei luni." },
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "Aș adăuga și notificări: să primesc un mesaj când sesizarea mea a fost rezolvată.",
          replies: [{ by: 0, alignment: "IN_FAVOUR", body: "Bună completare, am trecut-o în lista de funcționalități." }],
        },
        {
          by: 1,
          alignment: "AGAINST",
          body: "Mi-e teamă că harta se va umple de sesizări care nu țin de Primărie (curent, apă, gaze). Trebuie spus clar ce se poate raporta aici.",
        },
      ],
    },
    {
      by: 2,
      title: "Publish the city budget and public contracts as open data",
      summary:
        "Budget execution and the list of public contracts are published as scanned PDFs. Publishing them every month as CSV, with a simple dashboard, would let residents, journalists and local firms see where the money goes.",
      body: md`
        ## Problem

        Today the budget and the procurement lists appear on the city hall website as scanned PDF files. You cannot search them, compare years or reuse them. Small local companies like mine also miss calls for tender because there is nothing to subscribe to.

        ## Proposal

        - Monthly CSV exports of budget execution, by chapter and by neighbourhood project.
        - A list of signed contracts with supplier, value, duration and procurement procedure.
        - An RSS feed or email alert for new calls for tender.
        - Everything also listed on the national portal [data.gov.ro](https://data.gov.ro), under an open licence.

        A dashboard on top of the data can come later: the machine-readable files matter first.
      `,
      category: "open-data",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 20,
      comments: [
        {
          by: 5,
          alignment: "IN_FAVOUR",
          body: "As a small supplier I would definitely use the alert for calls for tender. Today I hear about them from competitors.",
        },
        {
          by: 0,
          alignment: "NEUTRAL",
          body: "Good idea, but please keep a short summary in plain Romanian too. Most people will never open a CSV file.",
          replies: [
            { by: 2, alignment: "IN_FAVOUR", body: "Agreed. The dashboard would be exactly that summary, with charts per neighbourhood." },
          ],
        },
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Our student association could build the dashboard as a volunteer project once the data is out.",
        },
      ],
    },
    {
      by: 4,
      title: "Free public Wi-Fi in Mihai Eminescu Park and the pedestrian centre",
      summary:
        "Students and visitors spend hours in Mihai Eminescu Park and the old centre, but mobile data is patchy under the trees. A free Wi-Fi network without registration, with a live status page, would help studying, tourism and local events.",
      body: md`
        ## Problem

        - Coverage in the park is weak, especially under the trees and near the playgrounds.
        - Visitors from abroad pay roaming fees to look up museum hours or bus times.
        - Open-air events cannot stream or sell tickets online.

        ## Proposal

        1. Access points in Mihai Eminescu Park, the pedestrian centre and the bus station, funded through [WiFi4EU](https://wifi4eu.ec.europa.eu).
        2. No personal data needed to connect: just accept the terms of use.
        3. A public page showing which hotspots are online.
      `,
      category: "connectivity",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 5,
      comments: [
        { by: 1, alignment: "IN_FAVOUR", body: "Very useful for parents waiting at the playground too." },
        {
          by: 0,
          alignment: "AGAINST",
          body: "I would rather see the money go to broadband in the neighbourhoods that still have bad internet at home. Phones already have data.",
          replies: [
            {
              by: 4,
              alignment: "NEUTRAL",
              body: "WiFi4EU vouchers can only pay for hotspots in public spaces, so this would not take money from home broadband. But I agree both are needed.",
            },
          ],
        },
      ],
    },
    {
      by: 5,
      title: "Toate serviciile Primăriei exclusiv online, cu închiderea ghișeelor fizice",
      summary:
        "Ghișeele costă mult și sunt deschise doar dimineața. Propun ca, în doi ani, toate cererile către Primărie să se facă exclusiv online, iar personalul de la ghișee să fie mutat la procesarea lor.",
      body: md`
        ## Problema

        Ghișeele sunt deschise doar în zilele lucrătoare, până la ora 16:00. Pentru cine lucrează în ture sau în alt oraș, asta înseamnă o zi de concediu pentru o singură hârtie.

        ## Propunerea

        - Toate formularele disponibile online, cu semnătură electronică sau cu autentificare prin ROeID.
        - Plata taxelor exclusiv cu cardul sau prin Ghișeul.ro.
        - Închiderea treptată a ghișeelor fizice în doi ani.
      `,
      category: "e-government",
      language: "ro",
      status: "REJECTED",
      answer:
        "Mulțumim pentru propunere. Nu putem închide ghișeele fizice: o parte importantă a locuitorilor, mai ales vârstnicii și persoanele cu dizabilități, nu folosesc servicii online, iar legea ne obligă să primim cereri și pe hârtie. Extindem în schimb serviciile online și programările, iar de anul viitor ghișeul unic va avea program prelungit marțea și joia până la ora 18:00.",
      daysAgo: 95,
      comments: [
        { by: 0, alignment: "AGAINST", body: "Bunicii mei nu au smartphone. Online da, dar nu exclusiv online." },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Prima parte e foarte bună: toate formularele online. A doua parte, închiderea ghișeelor, nu mi se pare realistă.",
          replies: [
            {
              by: 5,
              alignment: "NEUTRAL",
              body: "Aveți dreptate, am fost prea categorică. Important e ca varianta online să devină cea obișnuită, nu excepția.",
            },
          ],
        },
        { by: 3, alignment: "IN_FAVOUR", body: "Măcar un program prelungit într-o zi pe săptămână ar rezolva mult." },
      ],
    },
    {
      by: "citizen",
      title: "Înscrierea la grădiniță online, cu locurile libere afișate",
      summary:
        "Părinții aleargă de la o grădiniță la alta ca să afle unde mai sunt locuri. O pagină unică cu locurile libere din fiecare grădiniță și înscrierea online ar scuti mult timp și ar face repartizarea mai transparentă.",
      body: md`
        ## Problema

        În fiecare primăvară, părinții depun dosare la mai multe grădinițe deodată, pentru că nu știu unde au șanse. Listele se afișează pe ușă, iar locurile eliberate pe parcursul anului nu le vede nimeni.

        ## Propunerea

        - O pagină cu toate grădinițele din municipiu și numărul de locuri libere, actualizat săptămânal.
        - Cerere de înscriere online, cu până la trei opțiuni în ordinea preferinței.
        - Criteriile de departajare publicate dinainte, iar fiecare părinte își vede poziția în listă.
        - Notificare atunci când se eliberează un loc.
      `,
      category: "education-skills",
      language: "ro",
      status: "SUBMITTED",
      daysAgo: 1,
      comments: [],
    },
  ],
};

const messina: DemoCity = {
  slug: "messina",
  official: { name: "Comune di Messina" },
  residents: [
    { name: "Giuseppe Romeo", kind: "CITIZEN" },
    { name: "Francesca Arena", kind: "CITIZEN" },
    { name: "Salvatore Bonanno", kind: "ENTREPRENEUR" },
    { name: "Chiara Lo Presti", kind: "CITIZEN" },
    { name: "Antonio Crisafulli", kind: "CITIZEN" },
    { name: "Martina Giordano", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 4,
      title: "Orari di traghetti, aliscafi, tram e bus dello Stretto in un'unica pagina",
      summary:
        "Chi attraversa lo Stretto ogni giorno deve consultare tre o quattro siti diversi per far combaciare traghetti, aliscafi, tram e autobus. Propongo una pagina unica con gli orari aggiornati e i ritardi, anche sui display della stazione marittima.",
      body: md`
        ## Il problema

        Ogni mattina migliaia di pendolari si spostano tra Messina, Villa San Giovanni e Reggio Calabria. Gli orari di traghetti e aliscafi sono sui siti delle singole compagnie, quelli di tram e autobus su un altro sito ancora, e le corse soppresse per maltempo si scoprono solo al molo.

        ## La proposta

        - Una pagina comunale (e un flusso di dati aperti) con tutte le partenze sullo Stretto, compagnia per compagnia.
        - Avvisi in tempo reale per ritardi e corse soppresse, anche su Telegram.
        - Coincidenze suggerite: "se prendo l'aliscafo delle 7:20, quale bus mi porta al Policlinico?"
        - Display alla stazione marittima e alle fermate principali del tram.
      `,
      category: "mobility",
      language: "it",
      status: "PUBLISHED",
      daysAgo: 8,
      comments: [
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "Da studentessa pendolare da Reggio la userei tutti i giorni. Adesso ho quattro app diverse sul telefono e nessuna mi dice se l'aliscafo è in ritardo.",
        },
        {
          by: 0,
          alignment: "NEUTRAL",
          body: "Le compagnie private condivideranno i loro dati? Serve un accordo, altrimenti la pagina resta vuota.",
          replies: [
            {
              by: 4,
              alignment: "NEUTRAL",
              body: "Gli orari sono già pubblici; per i ritardi in tempo reale sì, serve un accordo. Si potrebbe partire dagli orari e dalle corse del tram.",
              replies: [
                { by: 0, alignment: "IN_FAVOUR", body: "Partire dagli orari mi sembra ragionevole. Meglio qualcosa subito che tutto fra cinque anni." },
              ],
            },
          ],
        },
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "Anche i croceristi chiedono sempre come arrivare a Reggio o a Scilla. Una versione in inglese sarebbe utilissima.",
        },
        {
          by: 1,
          alignment: "AGAINST",
          body: "I display costano e si guastano. Investirei solo sul sito e su un buon servizio di avvisi.",
        },
      ],
    },
    {
      by: 1,
      title: "Segnalare i rifiuti abbandonati con una foto e seguirne la rimozione",
      summary:
        "Sacchi e ingombranti abbandonati ai bordi delle strade restano lì per settimane. Serve una segnalazione con foto e posizione, inviata direttamente a chi si occupa della raccolta, e la possibilità di vedere quando il rifiuto viene rimosso.",
      body: md`
        ## Il problema

        Nelle zone collinari e lungo i torrenti i rifiuti abbandonati si accumulano. Si telefona, si scrive sui social, ma non si sa mai se la segnalazione è arrivata a qualcuno.

        ## La proposta

        1. Segnalazione dal telefono: foto, posizione GPS, tipo di rifiuto (ingombranti, sacchi, materiali edili).
        2. La segnalazione arriva direttamente alla squadra di zona di MessinaServizi Bene Comune.
        3. Lo stato è pubblico: ricevuta, programmata, rimossa.
        4. Una mappa delle zone più colpite, utile anche per decidere dove installare le fototrappole.
      `,
      category: "environment-energy",
      language: "it",
      status: "PILOTING",
      answer:
        "La sperimentazione è partita nella III e nella IV Circoscrizione, in collaborazione con MessinaServizi Bene Comune: le segnalazioni arrivano direttamente alle squadre di zona, che le chiudono con una foto dopo la rimozione. Dopo tre mesi valuteremo i risultati e l'eventuale estensione a tutta la città.",
      daysAgo: 130,
      comments: [
        {
          by: 0,
          alignment: "IN_FAVOUR",
          body: "Finalmente. Sulla strada per i Colli San Rizzo c'è un divano abbandonato da prima dell'estate.",
        },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Attenzione alla privacy: le foto possono contenere targhe e volti. Vanno sfocate prima di essere pubblicate.",
          replies: [
            {
              by: 1,
              alignment: "IN_FAVOUR",
              body: "Giustissimo, l'ho aggiunto alla proposta: le foto pubbliche devono essere sfocate automaticamente.",
            },
          ],
        },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Sto provando la sperimentazione nella IV Circoscrizione: ho segnalato un cumulo di sacchi lunedì ed è stato rimosso giovedì. Funziona!",
        },
      ],
    },
    {
      by: 3,
      title: "Prenotare online un posto nelle biblioteche e nelle aule studio comunali",
      summary:
        "Durante la sessione d'esami le aule studio si riempiono alle otto del mattino e chi arriva dopo torna a casa. Una prenotazione online dei posti, con orari prolungati, renderebbe tutto più equo.",
      body: md`
        ## Il problema

        - Le aule studio e le biblioteche comunali hanno pochi posti e nessun sistema di prenotazione.
        - Molti tengono il posto con un libro e tornano dopo ore.
        - Gli orari di apertura cambiano spesso e vengono pubblicati solo sui social.

        ## La proposta

        - Prenotazione a fasce di mezza giornata, con conferma via e-mail e codice QR all'ingresso.
        - Posto liberato automaticamente dopo 30 minuti di assenza.
        - Orari e chiusure in un calendario unico sul sito del [Comune](https://www.comune.messina.it).
        - Apertura serale almeno nei periodi d'esame, d'accordo con l'Università.
      `,
      category: "education-skills",
      language: "it",
      status: "PUBLISHED",
      daysAgo: 3,
      comments: [
        { by: 4, alignment: "IN_FAVOUR", body: "Utile anche per chi lavora da remoto e a casa non ha spazio." },
        {
          by: 0,
          alignment: "AGAINST",
          body: "Le biblioteche sono anche per chi passa a leggere il giornale. Non trasformiamole tutte in aule da prenotare.",
          replies: [
            {
              by: 3,
              alignment: "NEUTRAL",
              body: "D'accordo: si potrebbe rendere prenotabile solo una parte dei posti e lasciare libera la sala di lettura.",
            },
          ],
        },
      ],
    },
    {
      by: 2,
      title: "A digital welcome guide for cruise passengers",
      summary:
        "Thousands of cruise passengers land with only a few hours in town and no idea where to start. A free multilingual web guide, opened from a QR code at the pier, would spread visitors beyond the cathedral square and help small local businesses.",
      body: md`
        ## Problem

        On cruise days most visitors see the Cathedral and its astronomical clock at noon and go straight back to the ship. Museums, the Norman churches and the Ganzirri lakes hardly see them, and guides and restaurants outside the centre miss out.

        ## Proposal

        - A lightweight web guide (no app to install) in English, Italian, German, Spanish and French.
        - Walking routes of 1, 2 and 4 hours from the cruise terminal, with accessibility notes.
        - Opening hours of museums and churches, and the next departures of the tram and the boats.
        - A section for licensed guides, bike rentals and family-run restaurants, free for local businesses.

        Open data from the city and the region can feed most of it: see [dati.gov.it](https://www.dati.gov.it).
      `,
      category: "culture-tourism",
      language: "en",
      status: "ACCEPTED",
      answer:
        "La proposta è stata accolta. La guida digitale sarà realizzata dall'Assessorato al Turismo insieme all'Autorità di Sistema Portuale dello Stretto, con contenuti in cinque lingue. La prima versione è prevista per l'inizio della stagione crocieristica, ad aprile; le imprese locali potranno iscriversi gratuitamente alla sezione servizi.",
      daysAgo: 70,
      comments: [
        {
          by: 5,
          alignment: "IN_FAVOUR",
          body: "We build websites for several B&Bs and restaurants here. Happy to help with the business listings in a simple open format.",
        },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Please include the practical things too: toilets, pharmacies, where to buy tram tickets.",
          replies: [{ by: 2, alignment: "IN_FAVOUR", body: "Yes! Tram tickets are the number one question I get from visitors." }],
        },
        {
          by: 0,
          alignment: "AGAINST",
          body: "Cruise tourism brings traffic and little money to the city. I would rather promote longer stays.",
        },
      ],
    },
    {
      by: 5,
      title: "Open real-time air quality data and heat-wave alerts",
      summary:
        "Heat waves are getting longer and the traffic heading to the ferries affects the air along the seafront. The city should publish its sensor data as open data and send heat alerts to people who sign up, especially older residents.",
      body: md`
        ## Problem

        Air quality measurements exist, but they are published late and in formats nobody can reuse. During heat waves, older people living alone are the most at risk and often the last to hear about cooled public spaces.

        ## Proposal

        1. Heat-wave alerts by text message or messaging app, with the list of air-conditioned public spaces open that day.
        2. Readings from the air quality stations published every hour as open data (CSV and API).
        3. A simple map with colour codes, readable on any phone.
        4. A small yearly challenge for schools and developers who build on the data.
      `,
      category: "open-data",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 26,
      comments: [
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "Our physics students' group has a few low-cost sensors we could add to the network.",
        },
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "The text alerts for elderly people matter most. Many of them will never look at a map.",
          replies: [{ by: 5, alignment: "IN_FAVOUR", body: "Good point, I have moved the alerts to the top of the proposal." }],
        },
      ],
    },
    {
      by: 0,
      title: "Pagare la sosta sulle strisce blu con lo smartphone",
      summary:
        "Per pagare la sosta servono monete e i parcometri sono spesso guasti. Propongo il pagamento da app, con la possibilità di prolungare la sosta a distanza e pagare solo i minuti effettivi.",
      body: md`
        ## Il problema

        I parcometri accettano solo monete e spesso sono fuori servizio. Si rischia la multa anche quando si vorrebbe pagare.

        ## La proposta

        - Pagamento della sosta da app o via SMS.
        - Prolungamento a distanza e pagamento dei soli minuti effettivi.
        - Parcometri con carta contactless.
      `,
      category: "mobility",
      language: "it",
      status: "WITHDRAWN",
      answer:
        "Ritiro la proposta: come mi hanno fatto notare nei commenti, il pagamento da app è già possibile con alcune app convenzionate. Il vero problema è che quasi nessuno lo sa; meglio proporre una campagna informativa.",
      daysAgo: 55,
      comments: [
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Ma si può già pagare con alcune app convenzionate: lo dice l'adesivo sui parcometri, anche se è piccolissimo.",
          replies: [
            { by: 0, alignment: "NEUTRAL", body: "Davvero? Non l'avevo mai notato. Allora il problema è l'informazione, non il servizio." },
          ],
        },
        { by: 5, alignment: "IN_FAVOUR", body: "Il pagamento a minuti resta comunque un'ottima idea." },
      ],
    },
  ],
};

const roquetas: DemoCity = {
  slug: "roquetas-de-mar",
  official: { name: "Ayuntamiento de Roquetas de Mar" },
  residents: [
    { name: "Carmen López", kind: "CITIZEN" },
    { name: "Juan Antonio Martínez", kind: "CITIZEN" },
    { name: "Lucía Fernández", kind: "CITIZEN" },
    { name: "Francisco Gómez", kind: "ENTREPRENEUR" },
    { name: "Sarah Whitfield", kind: "CITIZEN" },
    { name: "Rocío Sánchez", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 2,
      title: "Estado en tiempo real de los puntos accesibles de las playas",
      summary:
        "Las personas con movilidad reducida no saben antes de salir de casa si la silla anfibia está libre, si hay baño asistido o si la pasarela llega hasta el agua. Propongo publicarlo en una web sencilla, actualizada por el personal de cada punto accesible.",
      body: md`
        ## El problema

        Roquetas tiene puntos accesibles en Playa Serena, La Romanilla y Aguadulce, pero la información está dispersa. Muchas veces llegas, después de buscar aparcamiento adaptado, y la silla anfibia está ocupada o en reparación, o el baño asistido ya ha terminado.

        ## La propuesta

        - Una página por playa con el estado de la silla anfibia, el horario del baño asistido, el estado de la pasarela y las plazas de aparcamiento adaptado.
        - Actualización desde el móvil del personal del punto accesible, con un clic.
        - Reserva de turno para el baño asistido.
        - Color de la bandera y avisos de medusas.
      `,
      category: "health-care",
      language: "es",
      status: "LAUNCHED",
      answer:
        "La página «Playas accesibles» ya muestra en tiempo real el estado de los puntos accesibles de Playa Serena, La Romanilla, Las Salinas y Aguadulce, con reserva de turno para el baño asistido. Durante la prueba de este verano se hicieron 1.250 reservas. Seguiremos mejorando el servicio con las sugerencias de las asociaciones de personas con discapacidad.",
      daysAgo: 200,
      comments: [
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "¿Podría estar también en inglés? Muchos residentes extranjeros mayores también lo usarían.",
          replies: [{ by: 2, alignment: "IN_FAVOUR", body: "Buena idea, Sarah. Lo he pedido en la reunión con el Ayuntamiento." }],
        },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Sería útil añadir cuántas plazas de aparcamiento adaptado quedan libres cerca; en agosto es imposible encontrar una.",
          replies: [
            {
              by: 0,
              alignment: "IN_FAVOUR",
              body: "Totalmente. En agosto las plazas adaptadas siempre están ocupadas, y no siempre por quien tiene tarjeta.",
              replies: [
                {
                  by: 3,
                  alignment: "NEUTRAL",
                  body: "Eso ya es cosa de la Policía Local, pero con datos en tiempo real al menos se vería el problema.",
                },
              ],
            },
          ],
        },
        {
          by: 1,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Mi padre va en silla de ruedas y este verano ha podido bañarse en el mar por primera vez en años. Reservamos turno desde casa y todo funcionó. Gracias.",
        },
      ],
    },
    {
      by: 0,
      title: "Certificado de empadronamiento al momento, sin cita previa",
      summary:
        "Para matricular a los niños en el colegio, pedir ayudas o hacer trámites de extranjería hace falta el certificado de empadronamiento, y la cita previa tarda semanas. Propongo poder descargarlo al momento con Cl@ve, certificado digital o un código por SMS.",
      body: md`
        ## El problema

        - Las citas para el padrón se agotan, sobre todo en época de matrícula escolar.
        - Muchos vecinos no tienen certificado digital ni saben usar Cl@ve.
        - Es un documento con datos que el Ayuntamiento ya tiene: solo hay que emitirlo.

        ## La propuesta

        1. Descarga inmediata del volante y del certificado de empadronamiento en la sede electrónica.
        2. Identificación con Cl@ve, certificado digital o un código por SMS al móvil que consta en el padrón.
        3. Código seguro de verificación en el documento, para que colegios y otras administraciones lo comprueben en línea.
        4. Un punto de ayuda en la biblioteca para quien no se apañe con el ordenador.
      `,
      category: "e-government",
      language: "es",
      status: "PUBLISHED",
      daysAgo: 15,
      comments: [
        {
          by: 5,
          alignment: "IN_FAVOUR",
          body: "En la gestoría lo pedimos para clientes todas las semanas. Sería un ahorro de tiempo enorme.",
        },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Ojo con el SMS: hay pisos con muchas personas empadronadas y un solo móvil.",
          replies: [
            {
              by: 0,
              alignment: "NEUTRAL",
              body: "Cierto. Quizá el SMS solo para el volante individual, y para el colectivo, Cl@ve o certificado digital.",
            },
          ],
        },
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Para los residentes extranjeros es imprescindible: nos lo piden en casi todos los trámites.",
        },
      ],
    },
    {
      by: 1,
      title: "Avisos de recogida de muebles y restos de poda por WhatsApp o SMS",
      summary:
        "Para deshacerse de un colchón o de restos de poda hay que llamar, esperar y dejarlos en la calle sin saber cuándo pasarán. Propongo pedir la recogida en línea y recibir un aviso con el día y la franja horaria.",
      body: md`
        ## El problema

        Los muebles viejos y la poda se quedan días en la acera: afean la calle, molestan a los peatones y en verano hasta hay riesgo de incendio.

        ## La propuesta

        - Solicitud en línea con foto y dirección.
        - Aviso por WhatsApp o SMS con el día y la franja de recogida; solo entonces se saca a la calle.
        - Recordatorio la víspera.
        - Horarios del punto limpio en la misma página.
      `,
      category: "environment-energy",
      language: "es",
      status: "PUBLISHED",
      daysAgo: 30,
      comments: [
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "Los muebles en la acera son un obstáculo enorme para quien va en silla de ruedas. Que se saquen solo el día de la recogida ya sería un gran avance.",
        },
        {
          by: 3,
          alignment: "AGAINST",
          body: "WhatsApp no me parece un canal adecuado para una administración. Mejor SMS o correo electrónico.",
          replies: [
            { by: 1, alignment: "NEUTRAL", body: "Puede ser cualquiera de los tres; lo importante es saber el día y la hora." },
          ],
        },
      ],
    },
    {
      by: 4,
      title: "Key municipal information in English for foreign residents",
      summary:
        "Thousands of people in Roquetas and Aguadulce come from the UK, Germany, Morocco and elsewhere and struggle with municipal procedures in Spanish. An English version of the most used pages, and plain-language summaries of the forms, would reduce mistakes and queues.",
      body: md`
        ## Problem

        Registering on the padrón, paying the IBI, asking for a reduction of the rubbish tax or booking a sports court: the information is only in Spanish. Many of us rely on neighbours, social media groups or paid agents, and we often turn up with the wrong documents.

        ## Proposal

        - English versions of the 20 most visited pages of the [municipal website](https://www.roquetasdemar.es), starting with the padrón, local taxes and waste collection.
        - Plain-language summaries next to official forms (the form itself can stay in Spanish).
        - A monthly information morning at the town hall with bilingual staff.
        - Later: French, German and Arabic, depending on the number of residents.
      `,
      category: "e-government",
      language: "en",
      status: "UNDER_REVIEW",
      answer:
        "El área de Atención Ciudadana está revisando qué páginas se consultan más para priorizar su traducción. Estudiamos también reforzar la oficina de Aguadulce con personal bilingüe. Informaremos del resultado en este mismo espacio.",
      daysAgo: 40,
      comments: [
        {
          by: 1,
          alignment: "IN_FAVOUR",
          body: "As a Spaniard married to a German, I can confirm it: we translate letters from the town hall every month.",
        },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Good idea, but translation tools already do a decent job. Maybe focus on the forms and the information mornings.",
          replies: [
            {
              by: 4,
              alignment: "NEUTRAL",
              body: "Machine translation struggles with the legal terms, and many older residents don't know how to use it. But yes, the information mornings are key.",
            },
          ],
        },
        {
          by: 0,
          alignment: "IN_FAVOUR",
          body: "Arabic should not wait too long: many Moroccan families here have exactly the same problem.",
        },
      ],
    },
    {
      by: 3,
      title: "An online map of local shops with opening hours and delivery",
      summary:
        "Shopping centres and online giants are taking customers from the small shops in the town centre and around the port. A simple municipal map of local shops, with up-to-date opening hours and delivery options, would help residents and visitors buy local.",
      body: md`
        ## Problem

        Small shops cannot afford marketing, and visitors only find the big centres. Many residents don't know that the shop around the corner delivers, or opens on Sundays in summer.

        ## Proposal

        - A free map of local shops, bars and services, filtered by neighbourhood and type.
        - Each business updates its own hours, holidays and delivery options from a phone.
        - The weekly street markets and seasonal events on the same map.
        - The data published openly so others can reuse it.
      `,
      category: "local-economy",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 10,
      comments: [
        { by: 5, alignment: "IN_FAVOUR", body: "I'd add my business on day one. Please keep it free and easy to update from a phone." },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Could the map show which shops are wheelchair accessible? That would help a lot.",
          replies: [{ by: 3, alignment: "IN_FAVOUR", body: "Great idea, I've added an accessibility field to the proposal." }],
        },
      ],
    },
    {
      by: 5,
      title: "Drones con cámara para vigilar las playas y el paseo marítimo",
      summary:
        "En verano hay robos en la playa y aglomeraciones difíciles de controlar. Propongo que la Policía Local use drones con cámara para vigilar las playas y el paseo marítimo y detectar incidencias en tiempo real.",
      body: md`
        ## El problema

        - Robos de bolsos y móviles en la arena mientras la gente se baña.
        - Aglomeraciones en las fiestas y en los conciertos de verano.
        - Pocos agentes para muchos kilómetros de costa.

        ## La propuesta

        - Drones con cámara sobrevolando las playas en las horas de más afluencia.
        - Imágenes en directo en la central de la Policía Local.
        - Avisos por megafonía cuando se detecte una incidencia.
      `,
      category: "safety",
      language: "es",
      status: "REJECTED",
      answer:
        "Gracias por la propuesta. Tras consultar con la Delegación de Protección de Datos, no es posible llevarla a cabo: grabar de forma continuada a personas en bañador sería desproporcionado según el RGPD y la normativa de videovigilancia, y la normativa aérea limita mucho el vuelo de drones sobre zonas con público. En verano reforzaremos las patrullas a pie y en bicicleta y los puntos de información en las playas.",
      daysAgo: 90,
      comments: [
        { by: 2, alignment: "AGAINST", body: "No me gustaría que me grabaran en bañador. Hay otras formas de mejorar la seguridad." },
        { by: 1, alignment: "AGAINST", body: "Además, los drones hacen mucho ruido. Prefiero más policía a pie." },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "En mi calle han robado a varios turistas este verano. Algo hay que hacer.",
          replies: [
            {
              by: 5,
              alignment: "NEUTRAL",
              body: "Por eso lo propuse. Si los drones no son posibles, que al menos haya más patrullas en agosto.",
            },
          ],
        },
      ],
    },
  ],
};

const oulu: DemoCity = {
  slug: "oulu",
  official: { name: "Oulun kaupunki" },
  residents: [
    { name: "Aino Heikkinen", kind: "CITIZEN" },
    { name: "Juha Korhonen", kind: "CITIZEN" },
    { name: "Sanna Mäkelä", kind: "CITIZEN" },
    { name: "Eero Nieminen", kind: "ENTREPRENEUR" },
    { name: "Priya Raman", kind: "CITIZEN" },
    { name: "Liisa Järvinen", kind: "CITIZEN" },
  ],
  ideas: [
    {
      by: 1,
      title: "Aurauskartta: näe reaaliajassa, milloin oma katu on aurattu",
      summary:
        "Lumisina aamuina kukaan ei tiedä, onko oma katu, pyörätie tai koulumatka jo aurattu. Aurauskaluston GPS-tiedot kartalle, niin jokainen näkee, missä on aurattu ja milloin.",
      body: md`
        ## Ongelma

        Talvella kaupungin palautekanava täyttyy kysymyksistä siitä, milloin katu aurataan. Pyöräilijät ja koululaisten vanhemmat eivät tiedä, mikä reitti on kulkukelpoinen, ja aurausjärjestys on vain kaupungin sisäistä tietoa.

        ## Ehdotus

        - Kartta, joka näyttää jokaisen katuosuuden viimeisimmän aurauksen ja hiekoituksen ajankohdan.
        - Kunnossapitoluokat näkyviin: pääväylät ja pyöräilyn laatukäytävät ensin, tonttikadut myöhemmin.
        - Avoin rajapinta, jotta tiedot saadaan myös reittisovelluksiin.
        - Palautteen voi antaa suoraan kartalta tietystä katuosuudesta.

        Muutama suomalainen kaupunki on jo avannut vastaavaa dataa, joten mallia ei tarvitse keksiä alusta. Lisätietoa kunnossapidosta: [ouka.fi](https://www.ouka.fi).
      `,
      category: "mobility",
      language: "fi",
      status: "PILOTING",
      answer:
        "Aurauskartan pilotti on käynnissä tänä talvena keskustan, Tuiran ja Kaukovainion alueilla. Kartalla näkyvät pääväylien ja pyöräilyn laatukäytävien auraus- ja hiekoitusajat noin 15 minuutin viiveellä. Keräämme palautetta maaliskuun loppuun asti, minkä jälkeen päätämme laajentamisesta koko kaupunkiin.",
      daysAgo: 110,
      comments: [
        {
          by: 0,
          alignment: "IN_FAVOUR",
          body: "Loistava idea! Pyöräilen joka aamu Kaukovainiolta keskustaan, ja olisi kiva tietää etukäteen, kumpi reitti on aurattu.",
        },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Urakoitsijoilla on GPS-data jo olemassa. Avoin rajapinta kannattaa kirjata seuraaviin urakkasopimuksiin.",
          replies: [{ by: 1, alignment: "IN_FAVOUR", body: "Hyvä pointti, lisäsin tämän ehdotukseen." }],
        },
        {
          by: 5,
          alignment: "AGAINST",
          body: "Pelkään, että kartta vain lisää valituksia eikä nopeuta aurausta yhtään. Rahat mieluummin lisäaurauksiin.",
          replies: [
            {
              by: 2,
              alignment: "NEUTRAL",
              body: "Ymmärrän huolen, mutta kun aurausjärjestys näkyy, ei tarvitse soitella turhaan. Se säästää myös kaupungin aikaa.",
              replies: [
                { by: 5, alignment: "NEUTRAL", body: "No, katsotaan miten pilotti onnistuu. Olen valmis muuttamaan mieltäni." },
              ],
            },
          ],
        },
        {
          by: 4,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Toimii hyvin Tuirassa! Tänä aamuna näin kartalta, että pyörätie oli aurattu jo kello 5.40.",
        },
      ],
    },
    {
      by: 2,
      title: "Kirjaston bändikämppien ja studioiden varaus verkossa",
      summary:
        "Kirjastojen bändikämppää, äänitysstudiota, pelihuonetta ja ryhmätyötiloja varataan yhä puhelimella tai paikan päällä. Verkkovaraus, josta näkee vapaat ajat, helpottaisi etenkin nuorten harrastamista.",
      body: md`
        ## Ongelma

        Nuoret bändit joutuvat soittamaan kirjastoon aukioloaikana kysyäkseen vapaita vuoroja. Samaan aikaan moni tila on iltaisin tyhjillään, koska kukaan ei tiedä, että sen voisi varata.

        ## Ehdotus

        1. Kaikki varattavat tilat yhteen kalenteriin: bändikämppä, studio, pelihuone ja ryhmätyötilat.
        2. Varaus kirjastokortilla ja PIN-koodilla, ilman erillistä tunnusta.
        3. Muistutus tekstiviestillä ja peruutus yhdellä klikkauksella, jotta vapautuneet ajat eivät mene hukkaan.
        4. Käyttötilastot avoimena datana.
      `,
      category: "culture-tourism",
      language: "fi",
      status: "PUBLISHED",
      daysAgo: 18,
      comments: [
        {
          by: 0,
          alignment: "IN_FAVOUR",
          body: "Tyttäreni bändi harjoittelee kirjastolla. Tämä säästäisi monta turhaa käyntiä ja puhelua.",
        },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Pitäisikö varauksia rajoittaa, ettei yksi porukka vie kaikkia iltavuoroja?",
          replies: [
            { by: 2, alignment: "IN_FAVOUR", body: "Kyllä, esimerkiksi kaksi vuoroa viikossa yhtä korttia kohden. Lisään sen ehdotukseen." },
          ],
        },
      ],
    },
    {
      by: 5,
      title: "Varhaiskasvatushakemuksen tilanne näkyviin verkossa",
      summary:
        "Päiväkotipaikkaa haetaan verkossa, mutta sen jälkeen perhe odottaa viikkoja tietämättä, missä vaiheessa hakemus on. Hakemuksen tila ja arvioitu päätösaika pitäisi näkyä samassa palvelussa.",
      body: md`
        ## Ongelma

        Vanhemman töihin paluu riippuu päiväkotipaikasta. Nyt ainoa tapa saada tietoa hakemuksen tilanteesta on soittaa palveluohjaukseen, jonka puhelinajat ovat lyhyet ja jonot pitkät.

        ## Ehdotus

        - Hakemuksen tila näkyviin: vastaanotettu, käsittelyssä, paikka tarjottu.
        - Arvio päätöksen ajankohdasta ja tieto siitä, missä päiväkodeissa on parhaiten tilaa.
        - Ilmoitus tekstiviestillä ja sähköpostilla, kun tila muuttuu.
        - Palvelu myös ruotsiksi ja englanniksi.
      `,
      category: "education-skills",
      language: "fi",
      status: "PUBLISHED",
      daysAgo: 6,
      comments: [
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Englanninkielinen versio olisi meille todella tärkeä. Haimme paikkaa viime keväänä, emmekä ymmärtäneet päätöskirjettä.",
        },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Laissa on neljän kuukauden hakuaika, mutta moni ei tiedä sitä. Senkin voisi kertoa palvelussa selvästi.",
          replies: [{ by: 5, alignment: "IN_FAVOUR", body: "Totta, lisään sen. Moni hakee liian myöhään." }],
        },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "Yrittäjänä tiedän, miten vaikeaa on sopia töiden aloituksesta, kun hoitopaikasta ei ole tietoa. Kannatan.",
        },
      ],
    },
    {
      by: 3,
      title: "Open energy data for the city's public buildings",
      summary:
        "Oulu owns hundreds of schools, day-care centres and sports halls heated by district heating. Publishing their hourly energy and water use as open data would help spot waste, teach pupils about energy and let local start-ups build savings tools.",
      body: md`
        ## Problem

        The energy use of public buildings is followed internally, but residents and companies cannot see it. Schools that want to run energy-saving projects with pupils have to ask for the figures by email, and local companies cannot test their analytics on real buildings.

        ## Proposal

        - Hourly district heating, electricity and water consumption per public building, published on [avoindata.fi](https://www.avoindata.fi) with a one-day delay.
        - Basic building data: floor area, year of construction, last renovation.
        - A simple dashboard ranking buildings by consumption per square metre.
        - A yearly energy challenge for schools, using their own building's data.
      `,
      category: "open-data",
      language: "en",
      status: "ACCEPTED",
      answer:
        "Ehdotus on hyväksytty. Tilapalvelut julkaisee ensimmäisessä vaiheessa 40 koulun ja päiväkodin tuntikohtaiset kaukolämpö- ja sähkötiedot avoimena datana kevään aikana. Kouluille suunnattu energiahaaste järjestetään syksyllä yhdessä opetuspalvelujen kanssa.",
      daysAgo: 60,
      comments: [
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Our research group at the university would love to use this data for our building energy models.",
        },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Is there a privacy issue with hourly data? You could see when a building is empty.",
          replies: [
            {
              by: 3,
              alignment: "NEUTRAL",
              body: "The opening hours of public buildings are public anyway, and the one-day delay rules out real-time tracking. I think that's enough.",
            },
          ],
        },
      ],
    },
    {
      by: 4,
      title: "One English service guide for international newcomers",
      summary:
        "International students, researchers and their families moving to Oulu collect information from the city, the university, Kela, the tax office and the Digital and Population Data Services Agency. One step-by-step English guide for the first month would save everyone time.",
      body: md`
        ## Problem

        When I arrived, it took me weeks to work out in which order to register my address, get a Finnish personal identity code, open a bank account and apply for a day-care place. Much of the city's information exists only in Finnish, and the English pages are scattered.

        ## Proposal

        1. A "first 30 days in Oulu" checklist in English, in the order things have to be done.
        2. For each step: where to go, what to bring and how long it takes.
        3. Day care, schools, health centres and libraries explained for newcomers.
        4. A monthly drop-in session at the main library with English-speaking staff from the city.
      `,
      category: "e-government",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 28,
      comments: [
        {
          by: 0,
          alignment: "IN_FAVOUR",
          body: "A Spanish family moved in next door last year and I helped them with exactly these things. A guide would have helped a lot.",
        },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Good idea. It should also come in Swedish and maybe Ukrainian, there are many newcomers from Ukraine as well.",
          replies: [{ by: 4, alignment: "IN_FAVOUR", body: "Absolutely: English first, then other languages based on need." }],
        },
        { by: 3, alignment: "IN_FAVOUR", body: "Companies recruiting from abroad would link to this guide immediately. Mine would." },
      ],
    },
    {
      by: 0,
      title: "Ilmainen wifi kaikille bussipysäkeille",
      summary:
        "Bussia odottaessa voisi tarkistaa aikataulut ja hoitaa asioita ilman mobiilidataa. Ehdotan ilmaista wifi-yhteyttä kaikille kaupungin bussipysäkeille.",
      body: md`
        ## Ongelma

        Kaikilla ei ole rajatonta mobiilidataa, esimerkiksi lapsilla, ikäihmisillä ja matkailijoilla. Talvella pysäkillä voi joutua odottamaan pitkäänkin.

        ## Ehdotus

        - Wifi-tukiasema jokaiselle katokselliselle pysäkille.
        - Ilmainen yhteys ilman kirjautumista.
        - Pysäkin näytölle tieto seuraavista busseista.
      `,
      category: "connectivity",
      language: "fi",
      status: "REJECTED",
      answer:
        "Kiitos ehdotuksesta. Emme toteuta wifiä kaikille pysäkeille: Oulun mobiiliverkkojen kattavuus on erittäin hyvä, ja satojen pysäkkien varustaminen tukiasemilla ja sähköliittymillä tulisi kalliiksi ylläpitää. Kaupungin avoin panOULU-verkko kattaa jo keskustan ja tärkeimmät vaihtopysäkit, ja laajennamme sitä ensi vuonna Linnanmaalle.",
      daysAgo: 85,
      comments: [
        { by: 1, alignment: "AGAINST", body: "panOULU toimii jo keskustassa, ja mobiilidata on halpaa. Tämä olisi rahan haaskausta." },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Reaaliaikaiset aikataulunäytöt olisivat tärkeämpiä kuin wifi.",
          replies: [
            {
              by: 0,
              alignment: "NEUTRAL",
              body: "Ehkä olet oikeassa. Näytöt auttaisivat myös niitä, joilla ei ole puhelinta ollenkaan.",
            },
          ],
        },
      ],
    },
  ],
};

const saintQuentin: DemoCity = {
  slug: "saint-quentin",
  official: { name: "Ville de Saint-Quentin" },
  residents: [
    { name: "Sophie Lefèvre", kind: "CITIZEN" },
    { name: "Julien Dupuis", kind: "CITIZEN" },
    { name: "Nadia Benali", kind: "CITIZEN" },
    { name: "Thomas Caron", kind: "ENTREPRENEUR" },
    { name: "Emily Hart", kind: "CITIZEN" },
    { name: "Marc Vasseur", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 2,
      title: "Inscriptions à la cantine et au périscolaire en ligne, avec paiement",
      summary:
        "À chaque rentrée, il faut remplir les mêmes fiches papier pour la cantine, la garderie et le centre de loisirs, puis payer au guichet. Un espace famille en ligne unique simplifierait la vie des parents comme celle des services.",
      body: md`
        ## Le problème

        - Les mêmes informations (adresse, allergies, personnes autorisées à récupérer l'enfant) sont demandées sur trois formulaires différents.
        - Les inscriptions au centre de loisirs pour les vacances se font sur place, aux horaires de bureau.
        - Les factures arrivent par courrier et se paient au guichet ou par chèque.

        ## La proposition

        1. Un espace famille unique : la fiche de l'enfant est saisie une fois et mise à jour chaque année.
        2. Réservation des repas et de la garderie à la semaine, annulable jusqu'à la veille.
        3. Inscription aux vacances en ligne, avec liste d'attente.
        4. Paiement en ligne ou prélèvement automatique.
      `,
      category: "education-skills",
      language: "fr",
      status: "PUBLISHED",
      daysAgo: 9,
      comments: [
        { by: 0, alignment: "IN_FAVOUR", body: "Avec trois enfants dans deux écoles différentes, je signe tout de suite." },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Attention aux familles sans ordinateur : il faut garder un accueil sur place pour les aider.",
          replies: [
            { by: 2, alignment: "IN_FAVOUR", body: "Bien sûr, l'accueil doit rester. L'idée, c'est que le numérique soit un choix, pas une obligation." },
          ],
        },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Beaucoup de villes utilisent déjà des logiciels du marché pour ça. Il faudrait exiger l'export des données et le respect du RGAA pour l'accessibilité.",
        },
        {
          by: 5,
          alignment: "AGAINST",
          body: "Encore un compte et un mot de passe de plus… Pourquoi pas FranceConnect ?",
          replies: [
            {
              by: 3,
              alignment: "IN_FAVOUR",
              body: "FranceConnect serait l'idéal, et c'est tout à fait possible pour ce genre de service.",
              replies: [{ by: 5, alignment: "IN_FAVOUR", body: "Dans ce cas, je suis pour." }],
            },
          ],
        },
      ],
    },
    {
      by: 1,
      title: "Horaires des bus en temps réel aux arrêts et sur mobile",
      summary:
        "Les horaires des bus sont affichés sur papier aux arrêts, mais les retards ne sont signalés nulle part. Des passages en temps réel, sur mobile et sur quelques écrans aux arrêts principaux, rendraient le bus plus fiable au quotidien.",
      body: md`
        ## Le problème

        En hiver, attendre vingt minutes à un arrêt sans savoir si le bus est déjà passé décourage beaucoup d'usagers, surtout les personnes âgées et les lycéens.

        ## La proposition

        - Position des bus en temps réel, publiée en format ouvert (GTFS-RT) sur [transport.data.gouv.fr](https://transport.data.gouv.fr).
        - Prochains passages consultables par SMS avec le numéro de l'arrêt.
        - Écrans aux arrêts les plus fréquentés : gare, hôtel de ville, hôpital.
        - Alertes en cas de déviation ou de travaux.
      `,
      category: "mobility",
      language: "fr",
      status: "UNDER_REVIEW",
      answer:
        "La proposition est à l'étude avec l'Agglomération du Saint-Quentinois, compétente en matière de transports. Les bus sont déjà géolocalisés par le système d'aide à l'exploitation ; nous vérifions les conditions techniques et financières de l'ouverture des données en temps réel. Réponse attendue au premier trimestre.",
      daysAgo: 35,
      comments: [
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Mes élèves attendent souvent le bus devant le lycée sans savoir s'il va passer. Très bonne idée.",
        },
        { by: 0, alignment: "IN_FAVOUR", body: "Le SMS est important pour ceux qui n'ont pas de smartphone." },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Si les données sont ouvertes, des développeurs locaux pourront créer les applis sans que ça coûte un centime à la Ville. Les écrans, eux, coûtent cher.",
          replies: [
            { by: 1, alignment: "NEUTRAL", body: "D'accord : les données ouvertes d'abord, et des écrans seulement aux trois arrêts principaux." },
          ],
        },
      ],
    },
    {
      by: 0,
      title: "Calendrier de collecte des déchets personnalisé, avec rappels",
      summary:
        "Les jours de collecte changent selon les quartiers et les jours fériés, et le calendrier papier se perd. Un calendrier en ligne établi à partir de son adresse, avec un rappel la veille, éviterait les bacs oubliés et les trottoirs encombrés.",
      body: md`
        ## Le problème

        Entre les ordures ménagères, le tri, le verre et les déchets verts, chaque rue a son propre calendrier. Après un jour férié, personne ne sait si la collecte est décalée.

        ## La proposition

        - Saisir son adresse et obtenir son calendrier de collecte, à ajouter à son agenda.
        - Un rappel la veille par e-mail, SMS ou notification.
        - Les horaires des déchèteries et leur affluence en temps réel.
        - Des consignes de tri claires, avec un moteur de recherche « dans quelle poubelle ? ».
      `,
      category: "environment-energy",
      language: "fr",
      status: "PUBLISHED",
      daysAgo: 21,
      comments: [
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "Le moteur de recherche pour le tri serait génial, on hésite toujours pour certains emballages.",
        },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Pour les artisans, il faudrait aussi les horaires et les conditions d'accès des professionnels à la déchèterie.",
          replies: [{ by: 0, alignment: "IN_FAVOUR", body: "Bonne remarque, je l'ajoute à la proposition." }],
        },
      ],
    },
    {
      by: 4,
      title: "A self-guided Art Deco trail on your phone",
      summary:
        "Saint-Quentin was largely rebuilt in the 1920s and has one of the finest Art Deco ensembles in France, yet visitors walk past it without noticing. A free mobile trail with short texts, audio and archive photos would bring the facades to life.",
      body: md`
        ## Problem

        The tourist office's guided Art Deco tours are excellent but only run a few times a month. Visitors arriving by train on a weekday, and many residents, never hear the story of the reconstruction.

        ## Proposal

        - A web-based trail (nothing to download) of 15 to 20 buildings, starting at the railway station.
        - Short texts in French and English, and audio for each stop recorded by local students.
        - Before-and-after photos from the municipal archives.
        - Small plaques with a QR code on the facades, agreed with the owners.
        - A step-free version of the route.
      `,
      category: "culture-tourism",
      language: "en",
      status: "LAUNCHED",
      answer:
        "Le parcours numérique « Saint-Quentin Art déco » est en ligne depuis les Journées européennes du patrimoine : 18 étapes, des textes et des commentaires audio en français et en anglais, des photos d'archives. Plus de 6 000 visites ont déjà été enregistrées. Merci aux lycéens qui ont enregistré les commentaires et à l'autrice de la proposition pour sa relecture de la version anglaise.",
      daysAgo: 180,
      comments: [
        { by: 3, alignment: "IN_FAVOUR", body: "Happy to help with the website, I've built similar guides for two museums." },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Some of these buildings badly need restoration. Maybe the trail could also point owners to heritage grants.",
          replies: [{ by: 4, alignment: "IN_FAVOUR", body: "That's a great idea for the next version: a page on restoration help." }],
        },
        {
          by: 1,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Did the trail last Sunday with my kids. The photos of the ruined streets in 1918 next to today's facades are striking.",
        },
      ],
    },
    {
      by: 3,
      title: "A directory of local freelancers and small firms for city contracts",
      summary:
        "Small local businesses rarely answer the city's calls for tender because they never hear about them, and buyers say they cannot find local suppliers. A public directory of local skills, linked to simple alerts, would connect the two.",
      body: md`
        ## Problem

        Procurement notices are published on national platforms that small firms don't follow. Meanwhile, for small purchases (a website, a video, a repair, a training session) buyers at the town hall don't know who is available locally.

        ## Proposal

        1. A free directory where local freelancers and small firms describe their skills, certifications and references.
        2. Email alerts for new calls for tender and small purchases, by category.
        3. A yearly "meet the buyers" morning at the town hall.
        4. Simplified documents for contracts below the legal thresholds.
      `,
      category: "local-economy",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 4,
      comments: [
        { by: 5, alignment: "IN_FAVOUR", body: "As a craftsman I've never answered a city tender. I didn't even know where to look." },
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "It has to stay open to everyone, not become a list of the town hall's friends.",
          replies: [
            { by: 3, alignment: "IN_FAVOUR", body: "Agreed: open registration, public criteria, and the directory itself published as open data." },
          ],
        },
      ],
    },
    {
      by: 5,
      title: "Signaler les nids-de-poule et les trottoirs abîmés depuis son téléphone",
      summary:
        "Les trottoirs abîmés et les nids-de-poule sont dangereux pour les piétons, les poussettes et les cyclistes. Je propose de pouvoir les signaler avec une photo et de suivre la réparation.",
      body: md`
        ## Le problème

        Les trottoirs défoncés et les nids-de-poule sont dangereux pour les piétons, les poussettes et les cyclistes, et on ne sait jamais à qui les signaler.

        ## La proposition

        - Un signalement avec photo et position GPS.
        - Un suivi de la réparation, étape par étape.
      `,
      category: "safety",
      language: "fr",
      status: "WITHDRAWN",
      answer:
        "Je retire ma proposition : la Ville dispose déjà d'un formulaire de signalement en ligne que je ne connaissais pas. Je soutiendrai plutôt une idée pour le rendre plus visible.",
      daysAgo: 50,
      comments: [
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Il existe déjà un formulaire « signaler un problème » sur le site de la Ville, non ?",
          replies: [{ by: 5, alignment: "NEUTRAL", body: "Vous avez raison, je viens de le trouver. Il est juste très bien caché !" }],
        },
        { by: 0, alignment: "IN_FAVOUR", body: "Un vrai suivi de la réparation manque quand même. On signale, et puis plus rien." },
      ],
    },
  ],
};

const limerick: DemoCity = {
  slug: "limerick",
  official: { name: "Limerick City and County Council" },
  residents: [
    { name: "Siobhán Byrne", kind: "CITIZEN" },
    { name: "Ciarán O'Donnell", kind: "CITIZEN" },
    { name: "Aoife Kennedy", kind: "CITIZEN" },
    { name: "Declan Walsh", kind: "ENTREPRENEUR" },
    { name: "Tomasz Nowak", kind: "CITIZEN" },
    { name: "Grace Moloney", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 3,
      title: "Live space availability for city-centre car parks",
      summary:
        "Drivers circle the city centre looking for a space while multi-storey car parks have free floors. Showing live availability online and on signs at the main approach roads would cut traffic and emissions.",
      body: md`
        ## Problem

        On Saturdays and on match days at Thomond Park, traffic backs up along O'Connell Street and the quays as drivers hunt for parking. Most car parks already count cars in and out, but nobody outside can see the numbers.

        ## Proposal

        - A web page and an open data feed with live free spaces in every council car park and in participating private ones.
        - Electronic signs on the main approach roads (Dublin Road, Ennis Road, Childers Road).
        - Park-and-ride options shown prominently when the centre is full.
        - The data shared with navigation apps.
      `,
      category: "mobility",
      language: "en",
      status: "PILOTING",
      answer:
        "A six-month pilot is running with four council car parks and two private operators. Live availability is shown on limerick.ie and published as open data every minute, together with park-and-ride information; two approach-road signs go live in January. We will report on traffic and usage before deciding on a city-wide roll-out.",
      daysAgo: 90,
      comments: [
        { by: 0, alignment: "IN_FAVOUR", body: "Match days are a nightmare. Anything that stops people circling the Crescent is welcome." },
        {
          by: 4,
          alignment: "AGAINST",
          body: "Why make driving easier? I'd rather the money went to buses and cycle lanes.",
          replies: [
            {
              by: 3,
              alignment: "NEUTRAL",
              body: "Fair point, but fewer cars circling means less congestion for the buses too. And the park-and-ride part is there to get people out of their cars.",
              replies: [{ by: 4, alignment: "NEUTRAL", body: "If park-and-ride is front and centre, I can live with it." }],
            },
          ],
        },
        {
          by: 5,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Used the pilot page on Saturday: it showed 40 free spaces in Arthur's Quay and it was spot on.",
        },
      ],
    },
    {
      by: 2,
      title: "Book study rooms and the makerspace at the city library online",
      summary:
        "The library's study rooms, 3D printers and recording booth are brilliant, but you can only book them at the desk or by phone. An online booking calendar would help students and remote workers make the most of them.",
      body: md`
        ## Problem

        - Rooms are booked on paper at the desk.
        - You can't see what's free before you travel in.
        - No-shows leave rooms empty while other people are turned away.

        ## Proposal

        1. One online calendar for the study rooms, the makerspace and the recording booth.
        2. Log in with your library card number and PIN.
        3. A reminder the day before, and automatic release after 15 minutes.
        4. A few slots always kept for walk-ins.
      `,
      category: "education-skills",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 14,
      comments: [
        {
          by: 1,
          alignment: "IN_FAVOUR",
          body: "Would love this. I record a small Irish-language podcast and the booth is always gone by the time I get there.",
        },
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "Please keep the walk-in slots. Not everyone plans ahead.",
          replies: [{ by: 2, alignment: "IN_FAVOUR", body: "Definitely, it's already in the proposal." }],
        },
      ],
    },
    {
      by: 0,
      title: "Flood alerts for the Shannon and the Abbey River by text",
      summary:
        "When high tides meet heavy rain, the quays, King's Island and other parts of the city flood. Residents should get a text alert, based on river gauges and tide forecasts, before the water reaches their street.",
      body: md`
        ## Problem

        In past winters, people on King's Island and along the quays found out about flooding when the water was at their door. River level data exists, but it isn't turned into local warnings.

        ## Proposal

        - Text and email alerts by area, triggered by river levels and tide forecasts.
        - A live map of river levels and sandbag collection points.
        - Alerts in English and Irish, plus Polish and other languages spoken in the city.
        - Thresholds and data published openly on [data.gov.ie](https://data.gov.ie).
      `,
      category: "safety",
      language: "en",
      status: "LAUNCHED",
      answer:
        "Flood alerts by text and email are now live for King's Island, the city quays and Corbally, and more than 2,100 households have signed up. Alerts use OPW river gauges and Met Éireann tide and rainfall forecasts, and the thresholds are published on our open data page. Thanks to everyone who tested the service last winter.",
      daysAgo: 240,
      comments: [
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Please make sure older people without mobiles can register a landline for a voice call.",
          replies: [
            { by: 0, alignment: "IN_FAVOUR", body: "Yes, the council told us voice calls to landlines are coming in the next phase." },
          ],
        },
        {
          by: 1,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Got an alert last month two hours before the tide peaked. Enough time to move the car and put up the flood barrier.",
        },
        {
          by: 4,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Thank you for the Polish version. My parents live on the island and don't read English well.",
        },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Businesses on the quays can register too. Done for my shop, works well.",
        },
      ],
    },
    {
      by: 1,
      title: "Seirbhísí ar líne na Comhairle ar fáil as Gaeilge",
      summary:
        "Tá go leor de sheirbhísí ar líne na Comhairle ar fáil i mBéarla amháin. Ba cheart na seirbhísí is mó a úsáidtear a chur ar fáil as Gaeilge freisin.",
      body: md`
        ## An fhadhb

        Is féidir le muintir Luimnigh íoc as páirceáil, iarratas ar chead pleanála a sheoladh agus bruscar a thuairisciú ar líne, ach is i mBéarla amháin atá na foirmeacha. Bíonn ar dhaoine ar mian leo a ngnó a dhéanamh as Gaeilge glaoch ar an gComhairle nó litir a scríobh.

        ## An moladh

        - Leaganacha Gaeilge de na deich bhfoirm is coitianta.
        - Cnaipe teanga ar gach leathanach, ní ar an leathanach baile amháin.
        - Téarmaí caighdeánacha ó [tearma.ie](https://www.tearma.ie) a úsáid.
        - Na foirmeacha a thástáil le Gaelscoileanna agus le grúpaí Gaeilge na cathrach.
      `,
      category: "e-government",
      language: "ga",
      status: "PUBLISHED",
      daysAgo: 24,
      comments: [
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "Smaoineamh iontach. Ba bhreá liom féin mo ghnó leis an gComhairle a dhéanamh as Gaeilge.",
        },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Aontaím, ach b'fhearr tosú le líon beag foirmeacha agus iad a dhéanamh i gceart.",
          replies: [{ by: 1, alignment: "IN_FAVOUR", body: "Sin é go díreach an plean: deich bhfoirm ar dtús." }],
        },
      ],
    },
    {
      by: 5,
      title: "Free Wi-Fi at the Milk Market and along the riverside walk",
      summary:
        "Traders at the Milk Market take more and more card payments and customers look things up on their phones, but the signal under the canopy is poor. Free public Wi-Fi there and along the riverside would help traders, visitors and events.",
      body: md`
        ## Problem

        - Card terminals at the stalls drop out on busy Saturday mornings.
        - Visitors and students sit by the river without a usable connection.
        - Festivals and markets can't offer online programmes or ticketing.

        ## Proposal

        1. Extend the council's public Wi-Fi to the Milk Market and the riverside walk between the Hunt Museum and King John's Castle.
        2. No personal data needed to connect, and simple terms of use.
        3. A separate, more reliable network for traders' card terminals.
        4. A public page showing whether each hotspot is up.
      `,
      category: "connectivity",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 7,
      comments: [
        { by: 3, alignment: "IN_FAVOUR", body: "As a trader, the separate network for payments is the most important part for me." },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Is this really the council's job? The mobile operators should fix their coverage.",
          replies: [
            {
              by: 5,
              alignment: "NEUTRAL",
              body: "Ideally yes, but the canopy blocks the signal and no operator has fixed it in years.",
            },
          ],
        },
      ],
    },
    {
      by: 4,
      title: "A single council app to replace the website",
      summary:
        "Instead of a website full of PDFs, the council should build one mobile app for everything: payments, reports, bin days, the library and events, with notifications.",
      body: md`
        ## Problem

        The website is hard to use on a phone, and many forms are PDFs you have to print, fill in and post.

        ## Proposal

        - One app for iOS and Android with every council service.
        - Push notifications for bin collection, road works and events.
        - Log in once with MyGovID.
      `,
      category: "e-government",
      language: "en",
      status: "REJECTED",
      answer:
        "Thank you for the proposal. We will not build a separate app: apps are expensive to maintain on two platforms, and many residents never install them. Instead, we are rebuilding limerick.ie as a mobile-first, accessible website, replacing PDF forms with online forms, and adding optional email and text notifications for bin days and road works. MyGovID sign-in is being tested for payments.",
      daysAgo: 75,
      comments: [
        { by: 2, alignment: "AGAINST", body: "I already have too many apps. A good mobile website does the job." },
        {
          by: 0,
          alignment: "NEUTRAL",
          body: "The PDF forms are the real problem. Fix those first.",
          replies: [
            {
              by: 4,
              alignment: "IN_FAVOUR",
              body: "Fair enough. If the forms go online and the site works on a phone, that solves most of it.",
            },
          ],
        },
        { by: 5, alignment: "IN_FAVOUR", body: "Bin day reminders would be great, whatever the format." },
      ],
    },
  ],
};

const ventspils: DemoCity = {
  slug: "ventspils",
  official: { name: "Ventspils valstspilsētas pašvaldība" },
  residents: [
    { name: "Anna Kalniņa", kind: "CITIZEN" },
    { name: "Jānis Bērziņš", kind: "CITIZEN" },
    { name: "Līga Ozola", kind: "CITIZEN" },
    { name: "Mārtiņš Liepiņš", kind: "ENTREPRENEUR" },
    { name: "Elīna Krūmiņa", kind: "CITIZEN" },
    { name: "Andris Zariņš", kind: "ENTREPRENEUR" },
  ],
  ideas: [
    {
      by: 1,
      title: "Autobusu kustība reāllaikā pieturās un telefonā",
      summary:
        "Pilsētas autobusu saraksti ir pieejami, bet neviens nezina, vai autobuss kavējas. Autobusu atrašanās vieta reāllaikā un elektroniskie tablo lielākajās pieturās padarītu sabiedrisko transportu ērtāku.",
      body: md`
        ## Problēma

        Ziemā un tumšajos vakaros cilvēki pieturā gaida, nezinot, vai autobuss jau ir aizbraucis vai kavējas. Īpaši grūti tas ir skolēniem un senioriem.

        ## Priekšlikums

        - Autobusu atrašanās vieta kartē reāllaikā.
        - Tuvākie atiešanas laiki pēc pieturas numura, arī ar īsziņu.
        - Elektroniskie tablo pie autoostas, slimnīcas un lielākajām Pārventas pieturām.
        - Dati atvērtā formātā portālā [data.gov.lv](https://data.gov.lv).
      `,
      category: "mobility",
      language: "lv",
      status: "PUBLISHED",
      daysAgo: 11,
      comments: [
        { by: 4, alignment: "IN_FAVOUR", body: "Mans dēls katru rītu brauc uz skolu ar autobusu. Tas būtu ļoti noderīgi." },
        {
          by: 0,
          alignment: "NEUTRAL",
          body: "Vai nevarētu sākt ar datiem un lietotni, bet tablo uzstādīt vēlāk? Tablo ir dārgi.",
          replies: [{ by: 1, alignment: "IN_FAVOUR", body: "Piekrītu, vispirms dati. Tablo tikai dažās lielākajās pieturās." }],
        },
        {
          by: 5,
          alignment: "IN_FAVOUR",
          body: "Ja dati būs atvērti, mūsu uzņēmums var izveidot lietotni, pilsētai par to nemaksājot.",
        },
      ],
    },
    {
      by: 2,
      title: "Bērnudārza rindas statuss tiešsaistē",
      summary:
        "Vecāki var pieteikt bērnu bērnudārzā, bet pēc tam nezina, kurā vietā rindā viņi ir un kad varētu saņemt vietu. Rindas statuss tiešsaistē ļautu plānot atgriešanos darbā.",
      body: md`
        ## Problēma

        Lai uzzinātu savu vietu rindā, jāzvana vai jāiet uz pašvaldību. Vecāki nevar plānot, kad atsākt darbu, un daļa piesaka bērnu vairākos bērnudārzos "drošības pēc".

        ## Priekšlikums

        - Sava vieta rindā katrā izvēlētajā bērnudārzā, pieejama ar eParakstu vai internetbanku.
        - Aptuvenais laiks, kad vieta varētu tikt piešķirta.
        - Paziņojums e-pastā, kad vieta ir piedāvāta.
        - Anonimizēta rindas statistika publiski.
      `,
      category: "education-skills",
      language: "lv",
      status: "LAUNCHED",
      answer:
        "Tagad vecāki savu vietu bērnudārzu rindā var redzēt pašvaldības e-pakalpojumu portālā, autorizējoties ar eParakstu vai internetbanku. Izmēģinājuma mēnesī pakalpojumu izmantoja vairāk nekā 600 ģimeņu, un zvanu skaits par rindas jautājumiem samazinājās gandrīz uz pusi. Paldies par ierosinājumu!",
      daysAgo: 220,
      comments: [
        { by: 0, alignment: "IN_FAVOUR", body: "Beidzot! Pērn zvanīju katru mēnesi." },
        {
          by: 3,
          alignment: "NEUTRAL",
          body: "Svarīgi, lai statistika būtu pa mikrorajoniem, tad varēs redzēt, kur trūkst vietu.",
          replies: [{ by: 2, alignment: "IN_FAVOUR", body: "Jā, un tas palīdzētu arī pašvaldībai plānot jaunas grupas." }],
        },
        {
          by: 4,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "Izmēģināju šodien: redzu, ka esam četrpadsmitajā vietā. Tik vienkārši!",
        },
      ],
    },
    {
      by: 4,
      title: "Pludmales ūdens kvalitāte un glābēju informācija vienuviet",
      summary:
        "Ventspils pludmalei ir Zilais karogs, bet informācija par ūdens kvalitāti, ūdens temperatūru un glābēju darba laiku ir izkaisīta. Viena lapa ar aktuāliem datiem palīdzētu gan iedzīvotājiem, gan tūristiem.",
      body: md`
        ## Problēma

        Ūdens kvalitātes analīžu rezultāti tiek publicēti ar nokavēšanos un grūti atrodamā vietā. Peldētāji nezina, vai glābēju postenis strādā un kāds karogs ir pacelts.

        ## Priekšlikums

        - Viena lapa par pludmali: ūdens un gaisa temperatūra, vējš, karoga krāsa, glābēju darba laiks.
        - Jaunākie ūdens kvalitātes rezultāti ar datumu.
        - Informācija par piekļuvi jūrai cilvēkiem ratiņkrēslā un ģimenēm ar bērnu ratiņiem.
        - Latviešu, angļu, vācu un lietuviešu valodā.
      `,
      category: "health-care",
      language: "lv",
      status: "UNDER_REVIEW",
      answer:
        "Priekšlikumu izskata Tūrisma informācijas centrs kopā ar pludmales apsaimniekotājiem. Pārbaudām, vai glābēju posteņu dati un laikapstākļu sensori var automātiski atjaunināt informāciju lapā. Lēmumu pieņemsim pirms nākamās peldsezonas.",
      daysAgo: 33,
      comments: [
        { by: 1, alignment: "IN_FAVOUR", body: "Vasarā ir daudz tūristu no Lietuvas un Vācijas. Valodas ir svarīgas." },
        {
          by: 5,
          alignment: "NEUTRAL",
          body: "Laikapstākļu datus var ņemt no LVĢMC, nav jāpērk jauni sensori.",
          replies: [{ by: 4, alignment: "IN_FAVOUR", body: "Paldies, laba doma! Pievienoju to priekšlikumam." }],
        },
      ],
    },
    {
      by: 5,
      title: "Open data on ferry, cruise and port events",
      summary:
        "Ventspils is a port city, yet ferry arrivals, cruise calls and port events that affect traffic and tourism are hard to find in one place. Publishing them as open data would help taxis, shops, guides and residents plan ahead.",
      body: md`
        ## Problem

        When the ferry from Nynäshamn arrives or a cruise ship calls, traffic near the port and the old town changes, and shops, guides and taxis could prepare. Today the information is spread across operators' websites and social media.

        ## Proposal

        - A public calendar of ferry arrivals and departures, cruise calls and large port events.
        - An open data feed (iCal and JSON) that anyone can reuse.
        - Weekly traffic notes for the streets around the port.
        - A simple widget for hotels and the tourist information centre.
      `,
      category: "open-data",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 19,
      comments: [
        { by: 3, alignment: "IN_FAVOUR", body: "Our guesthouse would put this calendar on its website right away." },
        {
          by: 0,
          alignment: "NEUTRAL",
          body: "Are the operators willing to share their schedules? They might see it as commercial data.",
          replies: [
            {
              by: 5,
              alignment: "NEUTRAL",
              body: "The timetables are already public; it's mostly about collecting them in one feed. The port authority could help with the cruise calls.",
            },
          ],
        },
      ],
    },
    {
      by: 3,
      title: "Digital skills drop-in hours for seniors at the libraries",
      summary:
        "Many older residents struggle with e-services, online banking and video calls with grandchildren abroad. Weekly drop-in hours at the libraries, run with volunteers and the Digital Centre, would help them stay connected and safe online.",
      body: md`
        ## Problem

        More and more services move online: e-prescriptions, municipal e-services, letters from the bank. Older people without family nearby often give up, or ask strangers for help with their passwords.

        ## Proposal

        1. A weekly drop-in hour at the main library and in Pārventa, with volunteers and staff from the Digital Centre.
        2. Short themed sessions: e-prescriptions, online banking safety, video calls, spotting scams.
        3. Printed step-by-step guides in Latvian and Russian, in large print.
        4. Secondary school students earning volunteering hours as helpers.
      `,
      category: "education-skills",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 2,
      comments: [
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "My mother would go every week. She calls me each time her bank app asks for something new.",
        },
        {
          by: 1,
          alignment: "IN_FAVOUR",
          body: "Scam awareness is the most important topic. Several of my neighbours got fake calls from their 'bank' this year.",
          replies: [{ by: 3, alignment: "NEUTRAL", body: "Agreed, I'll put it first in the list of sessions." }],
        },
      ],
    },
    {
      by: 0,
      title: "Stāvvietu apmaksa tikai ar lietotni, noņemot stāvvietu automātus",
      summary:
        "Stāvvietu automāti ir dārgi uzturēšanā un bieži nepieņem kartes. Ierosinu pāriet uz apmaksu tikai ar mobilo lietotni vai īsziņu un automātus noņemt.",
      body: md`
        ## Problēma

        Automāti ziemā salst, nepieņem kartes, un to apkope maksā naudu.

        ## Priekšlikums

        - Apmaksa tikai ar lietotni vai īsziņu.
        - Automātu noņemšana divu gadu laikā.
        - Ietaupītos līdzekļus novirzīt ielu remontam.
      `,
      category: "mobility",
      language: "lv",
      status: "REJECTED",
      answer:
        "Paldies par priekšlikumu. Automātus nenoņemsim, jo ne visiem autovadītājiem ir viedtālrunis, un tas īpaši skartu seniorus un pilsētas viesus no ārvalstīm. Līdz nākamā gada vasarai visi automāti tiks nomainīti pret jauniem, kas pieņem bankas kartes, un apmaksa ar lietotni paliks pieejama kā papildu iespēja.",
      daysAgo: 80,
      comments: [
        { by: 2, alignment: "AGAINST", body: "Mans tētis nelieto viedtālruni. Viņš vairs nevarētu novietot auto centrā." },
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "Lietotne ir ērta, bet automātiem jāpieņem kartes. Tā būtu labākā izeja.",
          replies: [{ by: 0, alignment: "NEUTRAL", body: "Piekrītu, varbūt biju pārāk radikāla. Galvenais, lai var samaksāt ar karti." }],
        },
        { by: 5, alignment: "IN_FAVOUR", body: "Es maksāju tikai ar lietotni, bet saprotu, ka ne visi to var." },
      ],
    },
  ],
};

const portalegre: DemoCity = {
  slug: "portalegre",
  official: { name: "Câmara Municipal de Portalegre" },
  residents: [
    { name: "Maria João Carvalho", kind: "CITIZEN" },
    { name: "Rui Mourato", kind: "CITIZEN" },
    { name: "Inês Cardoso", kind: "CITIZEN" },
    { name: "Pedro Tavares", kind: "ENTREPRENEUR" },
    { name: "Ana Rita Fonseca", kind: "ENTREPRENEUR" },
    { name: "Joaquim Belo", kind: "CITIZEN" },
  ],
  ideas: [
    {
      by: 0,
      title: "Marcação online para o atendimento da Câmara, com senha digital",
      summary:
        "Para tratar de um assunto na Câmara é preciso ir cedo, tirar senha e esperar sem saber quanto tempo. A marcação online e uma senha digital no telemóvel poupariam tempo a quem trabalha e a quem vem das freguesias rurais.",
      body: md`
        ## O problema

        - Quem vem de Alegrete ou da Urra perde meio dia para tratar de um documento.
        - Não se sabe quantas pessoas estão à nossa frente.
        - Muitas vezes falta um papel e é preciso voltar outro dia.

        ## A proposta

        1. Marcação online ou por telefone para o atendimento municipal, por tipo de assunto.
        2. Lista dos documentos necessários enviada com a confirmação.
        3. Senha digital: tirar a vez pelo telemóvel e receber uma SMS quando estiver quase a chegar a nossa vez.
        4. Manter sempre o atendimento sem marcação para quem precisar.

        Mais informação sobre os serviços municipais em [cm-portalegre.pt](https://www.cm-portalegre.pt).
      `,
      category: "e-government",
      language: "pt",
      status: "PUBLISHED",
      daysAgo: 13,
      comments: [
        {
          by: 5,
          alignment: "AGAINST",
          body: "Eu não mexo nessas coisas dos telemóveis. Espero que não acabem com as senhas de papel.",
          replies: [
            {
              by: 0,
              alignment: "NEUTRAL",
              body: "Não, Sr. Joaquim, a ideia é manter as duas formas. Quem quiser continua a tirar senha ao balcão.",
            },
          ],
        },
        {
          by: 3,
          alignment: "IN_FAVOUR",
          body: "A SMS quando está quase a chegar a nossa vez é ótima ideia. Podia ir tomar um café em vez de estar ali sentado uma hora.",
        },
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "E que a lista de documentos venha mesmo com a marcação! Já tive de voltar duas vezes por causa de uma fotocópia.",
        },
      ],
    },
    {
      by: 1,
      title: "Transporte a pedido para as freguesias rurais",
      summary:
        "Nas freguesias rurais os autocarros passam poucas vezes por dia, muitas vezes vazios, e quem não conduz fica isolado. Um transporte a pedido, marcado por telefone ou online até à véspera, levaria as pessoas ao centro de saúde, ao mercado e aos serviços.",
      body: md`
        ## O problema

        Muitos idosos das freguesias rurais dependem de vizinhos ou de táxi para ir ao centro de saúde ou ao mercado. As carreiras regulares passam a horas que não servem e circulam quase vazias.

        ## A proposta

        - Transporte a pedido em carrinhas de oito lugares, com horários e paragens fixos, que só se realiza se houver reserva.
        - Marcação até às 18h da véspera, por linha telefónica gratuita ou online.
        - Bilhete ao preço do autocarro; gratuito para maiores de 65 anos com baixos rendimentos.
        - Horários pensados para as consultas e para os dias de mercado.
      `,
      category: "mobility",
      language: "pt",
      status: "ACCEPTED",
      answer:
        "A proposta foi aceite. O transporte a pedido arranca no primeiro trimestre do próximo ano em quatro freguesias rurais, em articulação com a Comunidade Intermunicipal do Alto Alentejo e com as juntas de freguesia. As marcações poderão ser feitas por linha gratuita e online. Contamos com os comentários desta página para afinar os horários.",
      daysAgo: 65,
      comments: [
        {
          by: 5,
          alignment: "IN_FAVOUR",
          body: "Isto sim. A minha vizinha paga quinze euros de táxi para ir ao centro de saúde.",
        },
        {
          by: 4,
          alignment: "NEUTRAL",
          body: "Os horários têm de coincidir com os dias de mercado e com as consultas, senão ninguém usa.",
          replies: [
            {
              by: 1,
              alignment: "IN_FAVOUR",
              body: "Exatamente, está na proposta. E pedimos às juntas que recolham os horários das consultas.",
            },
          ],
        },
        {
          by: 2,
          alignment: "IN_FAVOUR",
          body: "Muito importante também para os jovens, para virem à cidade à noite ou ao fim de semana.",
          replies: [
            {
              by: 5,
              alignment: "NEUTRAL",
              body: "À noite não sei se dá, mas ao sábado de manhã já era uma grande ajuda.",
              replies: [{ by: 2, alignment: "NEUTRAL", body: "Começar pelo sábado já era bom, sim." }],
            },
          ],
        },
      ],
    },
    {
      by: 3,
      title: "Mapa digital dos percursos pedestres da Serra de São Mamede",
      summary:
        "Os percursos pedestres à volta de Portalegre são uma riqueza, mas os mapas estão em PDF desatualizados e a sinalização desapareceu em alguns troços. Um mapa digital, com o estado dos trilhos e os pontos de água, traria mais caminhantes, e em segurança.",
      body: md`
        ## O problema

        - Os mapas dos percursos estão espalhados por vários sites, muitos desatualizados.
        - Não há informação sobre troços fechados, obras ou risco de incêndio.
        - Os visitantes estrangeiros não encontram informação em inglês nem em espanhol.

        ## A proposta

        1. Um mapa digital com todos os percursos e traçados GPX para descarregar.
        2. O estado de cada trilho (aberto, condicionado, fechado) e os avisos de risco de incêndio.
        3. Fontes, miradouros, restaurantes e alojamentos locais ao longo do caminho.
        4. Versões em português, inglês e espanhol.

        Mais informação sobre o Parque Natural em [icnf.pt](https://www.icnf.pt).
      `,
      category: "culture-tourism",
      language: "pt",
      status: "PUBLISHED",
      daysAgo: 22,
      comments: [
        {
          by: 4,
          alignment: "IN_FAVOUR",
          body: "Tenho um alojamento local em Alegrete e os hóspedes perguntam sempre pelos trilhos. Apoio totalmente.",
        },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Os traçados GPX são ótimos, mas não se esqueçam da sinalização no terreno: na serra a rede de telemóvel falha muito.",
          replies: [{ by: 3, alignment: "IN_FAVOUR", body: "Boa observação. Acrescentei a revisão da sinalização à proposta." }],
        },
      ],
    },
    {
      by: 4,
      title: "Free Wi-Fi in the historic centre and the municipal market",
      summary:
        "Visitors to the historic centre and traders at the municipal market had almost no free internet access. Public Wi-Fi in the main squares, the market and the library would help tourism, small businesses and students.",
      body: md`
        ## Problem

        - Tourists look up the cathedral, the castle and the Tapestry Museum on expensive roaming data.
        - Market stallholders can't reliably take card payments.
        - Students meet in the squares but have no connection for group work.

        ## Proposal

        1. Free Wi-Fi in Praça da República, the Rossio, the municipal market and the library.
        2. Funding through the EU's [WiFi4EU](https://wifi4eu.ec.europa.eu) programme.
        3. Access without registration, and a privacy-friendly welcome page with local information.
      `,
      category: "connectivity",
      language: "en",
      status: "LAUNCHED",
      answer:
        "A rede Wi-Fi municipal gratuita já está em funcionamento na Praça da República, no Rossio, no Mercado Municipal e na Biblioteca Municipal, com financiamento do programa WiFi4EU. Nas primeiras semanas registámos em média 900 ligações por dia. No próximo ano a rede será alargada a outros jardins públicos e à zona da central de camionagem.",
      daysAgo: 190,
      comments: [
        { by: 1, alignment: "IN_FAVOUR", body: "Great for tourism. Visitors keep asking in the shops for a Wi-Fi password." },
        {
          by: 2,
          alignment: "IN_FAVOUR",
          afterDecision: true,
          body: "I use it at the library every week. Works well, even in the reading room upstairs.",
        },
        {
          by: 3,
          alignment: "NEUTRAL",
          afterDecision: true,
          body: "The signal is still weak at the stalls at the back of the market on Saturday mornings.",
          replies: [
            { by: 4, alignment: "NEUTRAL", body: "I reported it to the council: they're adding an access point near the fish section." },
          ],
        },
      ],
    },
    {
      by: 2,
      title: "Teleconsultation points in the parish councils",
      summary:
        "Many older people in rural parishes travel a long way for short follow-up appointments. A private room with a computer, a camera and a trained staff member in each parish council would let them have video consultations close to home.",
      body: md`
        ## Problem

        A ten-minute follow-up at the hospital can mean a whole day out, a taxi fare and a relative taking time off work. Video consultations exist in the national health service, but many older patients have no computer or don't know how to use one.

        ## Proposal

        - A quiet room in each parish council (junta de freguesia) with a computer, camera, headset and a blood pressure monitor.
        - A trained staff member who sets up the call and then leaves the room.
        - Appointments scheduled together with the health centre and the hospital.
        - A pilot in three parishes, then an evaluation with patients and doctors.
      `,
      category: "health-care",
      language: "en",
      status: "PUBLISHED",
      daysAgo: 6,
      comments: [
        { by: 0, alignment: "IN_FAVOUR", body: "My father would save a whole day for each appointment. Great idea." },
        {
          by: 1,
          alignment: "NEUTRAL",
          body: "Privacy is essential: the room must really be private and the staff member must leave.",
          replies: [
            {
              by: 2,
              alignment: "IN_FAVOUR",
              body: "Absolutely, it's in the proposal, and the doctor can check at the start of the call that the patient is alone.",
            },
          ],
        },
      ],
    },
    {
      by: 5,
      title: "Recolha de monos com dia marcado",
      summary:
        "Móveis velhos e eletrodomésticos ficam dias na rua à espera de recolha. Proponho que se possa marcar a recolha, por telefone ou pela internet, com dia certo e aviso na véspera.",
      body: md`
        ## O problema

        Os monos ficam encostados aos contentores durante dias, tiram espaço no passeio e dão mau aspeto à cidade.

        ## A proposta

        - Marcar a recolha por telefone ou pela internet.
        - Dia certo para pôr os monos na rua.
        - Aviso por SMS na véspera.
      `,
      category: "environment-energy",
      language: "pt",
      status: "WITHDRAWN",
      answer:
        "Retiro a proposta: afinal a Câmara já faz a recolha de monos por marcação telefónica, e é gratuita. Obrigado a quem me explicou nos comentários.",
      daysAgo: 48,
      comments: [
        {
          by: 2,
          alignment: "NEUTRAL",
          body: "Sr. Joaquim, a Câmara já faz isso: liga-se para a linha gratuita e eles marcam o dia.",
          replies: [{ by: 5, alignment: "NEUTRAL", body: "Não sabia! Vou experimentar já esta semana. Obrigado, menina." }],
        },
        { by: 0, alignment: "IN_FAVOUR", body: "Mas o aviso por SMS na véspera fazia falta. Podia ficar como sugestão." },
      ],
    },
  ],
};

/** Every demo city, in the order of the network (see cities.seed.ts). */
export const demoCities: DemoCity[] = [botosani, messina, roquetas, oulu, saintQuentin, limerick, ventspils, portalegre];

/** Email of a demo resident: resident<n>.<city slug>@civicloop.example (n from 1). */
export function residentEmail(citySlug: string, index: number): string {
  return `resident${index + 1}.${citySlug}@civicloop.example`;
}

/** Email of a city's official demo account (city admin). */
export function officialEmail(citySlug: string): string {
  return `city.${citySlug}@civicloop.example`;
}
