import Foundation
import Scheduling

/// The demo data's names, cities, streets and area codes (named apart from the message `Catalog`).
enum DemoNames {
    /// Code, city, state, zone. Every center is named "<city> ASC"; the addresses are fictitious.
    static let cities: [(String, String, String, String)] = {
        let ny = "America/New_York", chi = "America/Chicago", den = "America/Denver", la = "America/Los_Angeles"
        return [
            ("BOS", "Boston", "MA", ny), ("LWL", "Lawrence", "MA", ny), ("WOR", "Worcester", "MA", ny),
            ("SPFD", "Springfield", "MA", ny), ("PVD", "Providence", "RI", ny), ("HFD", "Hartford", "CT", ny),
            ("NHV", "New Haven", "CT", ny), ("STM", "Stamford", "CT", ny), ("MHT", "Manchester", "NH", ny),
            ("PWM", "Portland", "ME", ny), ("BTV", "Burlington", "VT", ny), ("NYC", "New York", "NY", ny),
            ("BKN", "Brooklyn", "NY", ny), ("QNS", "Queens", "NY", ny), ("BRX", "Bronx", "NY", ny),
            ("HEMP", "Hempstead", "NY", ny), ("BUF", "Buffalo", "NY", ny), ("ALB", "Albany", "NY", ny),
            ("SYR", "Syracuse", "NY", ny), ("ROC", "Rochester", "NY", ny), ("NWK", "Newark", "NJ", ny),
            ("ELZ", "Elizabeth", "NJ", ny), ("HKS", "Hackensack", "NJ", ny), ("PAT", "Paterson", "NJ", ny),
            ("MTL", "Mount Laurel", "NJ", ny), ("PHL", "Philadelphia", "PA", ny), ("PIT", "Pittsburgh", "PA", ny),
            ("HBG", "Harrisburg", "PA", ny), ("ABE", "Allentown", "PA", ny), ("BAL", "Baltimore", "MD", ny),
            ("WHN", "Wheaton", "MD", ny), ("DCA", "Washington", "DC", ny), ("ALX", "Alexandria", "VA", ny),
            ("FFX", "Fairfax", "VA", ny), ("NFK", "Norfolk", "VA", ny), ("RIC", "Richmond", "VA", ny),
            ("WIL", "Wilmington", "DE", ny), ("CRW", "Charleston", "WV", ny), ("CLT", "Charlotte", "NC", ny),
            ("RDU", "Raleigh", "NC", ny), ("GSO", "Greensboro", "NC", ny), ("CAE", "Columbia", "SC", ny),
            ("CHS", "Charleston", "SC", ny), ("GSP", "Greenville", "SC", ny), ("ATL", "Atlanta", "GA", ny),
            ("SAV", "Savannah", "GA", ny), ("JAX", "Jacksonville", "FL", ny), ("MIA", "Miami", "FL", ny),
            ("HIA", "Hialeah", "FL", ny), ("KEN", "Kendall", "FL", ny), ("FLL", "Fort Lauderdale", "FL", ny),
            ("WPB", "West Palm Beach", "FL", ny), ("ORL", "Orlando", "FL", ny), ("TPA", "Tampa", "FL", ny),
            ("FMY", "Fort Myers", "FL", ny), ("TLH", "Tallahassee", "FL", ny), ("CLE", "Cleveland", "OH", ny),
            ("CMH", "Columbus", "OH", ny), ("CVG", "Cincinnati", "OH", ny), ("KNX", "Knoxville", "TN", ny),
            ("LEX", "Lexington", "KY", ny),
            ("DTW", "Detroit", "MI", "America/Detroit"), ("GRR", "Grand Rapids", "MI", "America/Detroit"),
            ("IND", "Indianapolis", "IN", "America/Indiana/Indianapolis"),
            ("SDF", "Louisville", "KY", "America/Kentucky/Louisville"),
            ("CHI", "Chicago", "IL", chi), ("AUR", "Aurora", "IL", chi), ("MKE", "Milwaukee", "WI", chi),
            ("MSN", "Madison", "WI", chi), ("MSP", "Minneapolis", "MN", chi), ("STP", "St. Paul", "MN", chi),
            ("DSM", "Des Moines", "IA", chi), ("CID", "Cedar Rapids", "IA", chi), ("OMA", "Omaha", "NE", chi),
            ("LNK", "Lincoln", "NE", chi), ("MCI", "Kansas City", "MO", chi), ("STL", "St. Louis", "MO", chi),
            ("ICT", "Wichita", "KS", chi), ("OKC", "Oklahoma City", "OK", chi), ("TUL", "Tulsa", "OK", chi),
            ("DAL", "Dallas", "TX", chi), ("IRV", "Irving", "TX", chi), ("FTW", "Fort Worth", "TX", chi),
            ("HOU", "Houston", "TX", chi), ("HUM", "Humble", "TX", chi), ("SAT", "San Antonio", "TX", chi),
            ("AUS", "Austin", "TX", chi), ("HRL", "Harlingen", "TX", chi), ("BRO", "Brownsville", "TX", chi),
            ("LRD", "Laredo", "TX", chi), ("MFE", "McAllen", "TX", chi), ("CRP", "Corpus Christi", "TX", chi),
            ("MSY", "New Orleans", "LA", chi), ("BTR", "Baton Rouge", "LA", chi), ("JAN", "Jackson", "MS", chi),
            ("MEM", "Memphis", "TN", chi), ("BNA", "Nashville", "TN", chi), ("BHM", "Birmingham", "AL", chi),
            ("HSV", "Huntsville", "AL", chi), ("MOB", "Mobile", "AL", chi), ("LIT", "Little Rock", "AR", chi),
            ("FSM", "Fort Smith", "AR", chi), ("FAR", "Fargo", "ND", chi), ("FSD", "Sioux Falls", "SD", chi),
            ("PNS", "Pensacola", "FL", chi),
            ("DEN", "Denver", "CO", den), ("COS", "Colorado Springs", "CO", den), ("ABQ", "Albuquerque", "NM", den),
            ("SLC", "Salt Lake City", "UT", den), ("WVC", "West Valley City", "UT", den), ("CYS", "Cheyenne", "WY", den),
            ("HLN", "Helena", "MT", den), ("ELP", "El Paso", "TX", den),
            ("BOI", "Boise", "ID", "America/Boise"),
            ("PHX", "Phoenix", "AZ", "America/Phoenix"), ("GLN", "Glendale", "AZ", "America/Phoenix"),
            ("TUS", "Tucson", "AZ", "America/Phoenix"), ("YUM", "Yuma", "AZ", "America/Phoenix"),
            ("LAX", "Los Angeles", "CA", la), ("LGB", "Long Beach", "CA", la), ("SNA", "Santa Ana", "CA", la),
            ("SBD", "San Bernardino", "CA", la), ("SAN", "San Diego", "CA", la), ("CHV", "Chula Vista", "CA", la),
            ("ELC", "El Centro", "CA", la), ("SFO", "San Francisco", "CA", la), ("OAK", "Oakland", "CA", la),
            ("SJC", "San Jose", "CA", la), ("SAC", "Sacramento", "CA", la), ("FAT", "Fresno", "CA", la),
            ("BFL", "Bakersfield", "CA", la), ("OXR", "Oxnard", "CA", la), ("PDX", "Portland", "OR", la),
            ("SEA", "Seattle", "WA", la), ("TAC", "Tacoma", "WA", la), ("YKM", "Yakima", "WA", la),
            ("GEG", "Spokane", "WA", la), ("LAS", "Las Vegas", "NV", la), ("RNO", "Reno", "NV", la),
            ("ANC", "Anchorage", "AK", "America/Anchorage"), ("FAI", "Fairbanks", "AK", "America/Anchorage"),
            ("HNL", "Honolulu", "HI", "Pacific/Honolulu"), ("ITO", "Hilo", "HI", "Pacific/Honolulu"),
            ("SJU", "San Juan", "PR", "America/Puerto_Rico"), ("PSE", "Ponce", "PR", "America/Puerto_Rico"),
            ("MAZ", "Mayagüez", "PR", "America/Puerto_Rico"),
            ("STT", "Charlotte Amalie", "VI", "America/St_Thomas"),
            ("GUM", "Hagåtña", "GU", "Pacific/Guam"),
            ("SPN", "Saipan", "MP", "Pacific/Saipan")
        ]
    }()

    static let streets = [
        "Federal Plaza", "Commerce Way", "Liberty Avenue", "Independence Drive", "Constitution Boulevard",
        "Union Street", "Freedom Parkway", "Harbor View Road", "Meridian Court", "Civic Center Drive",
        "Heritage Lane", "Gateway Boulevard", "Pioneer Way", "Riverside Avenue", "Lakeshore Drive",
        "Founders Square", "Eagle Crest Road", "Summit Avenue", "Capitol Street", "Magnolia Plaza"
    ]

    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
        "Matthew", "Lisa", "Anthony", "Margaret", "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Sebastián",
        "Lucía", "Diego", "Ximena", "Alejandro", "José", "María", "Juan", "Guadalupe", "Ángel", "Rocío",
        "Raúl", "Inés", "Wei", "Fang", "Min-jun", "Seo-yeon", "Hiroshi", "Yuki", "Aarav", "Priya",
        "Ananya", "Rohan", "Mohammed", "Fatima", "Omar", "Aisha", "Yusuf", "Layla", "Chinedu", "Ngozi",
        "Kwame", "Ama", "Dmitri", "Olga", "Oksana", "Bohdan", "Zoë", "François", "Chloé", "Björn",
        "Søren", "Łukasz", "Małgorzata", "Minh", "Anh", "Tuấn", "Renée", "Nadia", "Tariq", "Esperanza",
        "Joaquín", "Gabriel", "Isabela", "João", "Conceição", "Mihai", "Ștefan", "Thanh", "Jesús", "Ramón",
        "Beatriz", "Kateryna", "Aleksandr", "Giulia", "Marco", "Amara", "Tenzin", "Nour", "Emeka", "Leilani"
    ]

    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Rodríguez", "Martínez",
        "Hernández", "López", "González", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark", "Ramírez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyễn", "Trần", "Lê",
        "Phạm", "Kim", "Park", "Choi", "Chen", "Wang", "Li", "Zhang", "Liu", "Patel",
        "Shah", "Singh", "Kumar", "Okafor", "Adeyemi", "Mensah", "Haile", "Tesfaye", "Kowalski", "Nowak",
        "Wiśniewski", "Ivanov", "Petrova", "Shevchenko", "Müller", "Schröder", "O'Brien", "Murphy", "Dubois", "Lefèvre",
        "Rossi", "Esposito", "Silva", "Santos", "Oliveira", "Gonçalves", "Cohen", "Haddad", "Khoury", "Abdullah",
        "Rahman", "Hossain", "Yılmaz", "Öztürk", "Castillo", "Núñez", "Peña", "Ortiz", "Cruz", "Reyes",
        "Flores", "Morales", "Gutiérrez", "Jiménez", "Álvarez", "Tanaka", "Suzuki", "Sato", "Nakamura", "Camacho"
    ]

    /// Names written in their own script or with their own order, used now and then as they are.
    static let wholeNames = [
        "李小龙", "王芳", "张伟", "陈静", "Nguyễn Văn An", "Trần Thị Mai", "Lê Hoàng Nam", "김민준", "이서연", "박지훈",
        "山田太郎", "佐藤花子", "Δημήτρης Παπαδόπουλος", "Олена Коваленко", "Мария Иванова", "محمد الأحمد",
        "José Núñez", "François Lefèvre", "Zoë Ångström", "Siobhán Ó Briain", "Nguyễn Thị Hồng", "Ahmad Karimi"
    ]

    static let areaCodes = [212, 617, 312, 713, 305, 213, 206, 602, 303, 404, 215, 702, 808, 907, 787, 671, 415, 512, 214, 571]

    /// Lower-case ASCII of a name part for an email address; empty when nothing Latin remains.
    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for u in folded.lowercased().unicodeScalars {
            switch u {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(u)
            case "ł": out += "l"
            case "ø": out += "o"
            case "ß": out += "ss"
            case "ı": out += "i"
            default: break
            }
        }
        return out
    }
}
