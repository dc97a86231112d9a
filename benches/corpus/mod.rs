//! A deterministic generator of news-like articles about invented two-party interactions,
//! for benchmarks (`benches/`) and for `examples/gen_corpus.rs`.
//!
//! [`generate`]`(seed, size)` writes one document of about `size` bytes: TOML front matter,
//! then story after story about the same two invented parties — headlines, datelines, bylines,
//! direct and indirect quotes with attributions ("said", "according to"), hedges, dates in
//! many forms (absolute, weekday, relative, ISO), abbreviations that are not sentence ends
//! ("Mr.", "U.N.", "p.m."), joint statements, narration and "Source:" lines. The same seed
//! and size give the same bytes on every machine (a fixed PRNG, no outside text, no clock).
//!
//! Every name here is invented. It must never read a file or the network.

#![allow(dead_code)]

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_b11a_7e4a_1000)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One invented side.
struct Side {
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
    seat: &'static str,
    leader_title: &'static str,
    leader: &'static str,
    leader_surname: &'static str,
    minister: &'static str,
    ministry: &'static str,
}

const SIDES: &[Side] = &[
    Side {
        name: "Freedonia",
        demonym: "Freedonian",
        capital: "Fredville",
        seat: "the Palace of Accord",
        leader_title: "President",
        leader: "Rufus Firefly",
        leader_surname: "Firefly",
        minister: "Foreign Minister Ilse Varga",
        ministry: "the Freedonian Foreign Ministry",
    },
    Side {
        name: "Sylvania",
        demonym: "Sylvanian",
        capital: "Sylvan City",
        seat: "the Amber House",
        leader_title: "Prime Minister",
        leader: "Nadia Trentino",
        leader_surname: "Trentino",
        minister: "Defence Minister Otto Brandl",
        ministry: "the Sylvanian government",
    },
    Side {
        name: "Veloria",
        demonym: "Veloran",
        capital: "Port Amsel",
        seat: "the Lantern Hall",
        leader_title: "Chancellor",
        leader: "Mirela Oskarsen",
        leader_surname: "Oskarsen",
        minister: "Trade Minister Paulo Ekwueme",
        ministry: "the Veloran cabinet office",
    },
    Side {
        name: "Osterra",
        demonym: "Osterran",
        capital: "Kellmark",
        seat: "the Grey Citadel",
        leader_title: "President",
        leader: "Anton Keszler",
        leader_surname: "Keszler",
        minister: "Foreign Minister Dana Lyssenko",
        ministry: "the Osterran presidency",
    },
    Side {
        name: "the Harbour Workers' Union",
        demonym: "union",
        capital: "Dock Nine",
        seat: "the union hall",
        leader_title: "General Secretary",
        leader: "Tomasz Reilly",
        leader_surname: "Reilly",
        minister: "negotiator Ama Owusu",
        ministry: "the union's executive",
    },
    Side {
        name: "Calder Logistics",
        demonym: "company",
        capital: "Calder Point",
        seat: "the company's head office",
        leader_title: "Chief Executive",
        leader: "Helen Marchetti",
        leader_surname: "Marchetti",
        minister: "spokesperson Ravi Sandoval",
        ministry: "the company's board",
    },
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const SAID: &[&str] = &[
    "said",
    "told reporters",
    "stressed",
    "added",
    "noted",
    "insisted",
    "warned",
    "claimed",
    "argued",
    "announced",
    "wrote",
    "underlined",
];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "it was understood,",
];
const TOPICS: &[&str] = &[
    "the border crossings",
    "grain shipments",
    "the prisoner exchange",
    "the fishing quota",
    "the energy contract",
    "the ceasefire line",
    "wages for night shifts",
    "the port tariffs",
    "the humanitarian corridor",
    "the joint commission",
    "the pipeline repairs",
    "the pension fund",
    "the disputed islands",
    "visa rules for students",
];
const STANCES: &[&str] = &[
    "remained committed to dialogue",
    "would not accept any preconditions",
    "expected concrete steps within weeks",
    "saw no reason for alarm",
    "was ready to resume talks",
    "rejected the proposal as unbalanced",
    "welcomed the progress made so far",
    "demanded guarantees in writing",
    "considered the matter closed",
    "hoped for a breakthrough before winter",
];
const EVENTS: &[&str] = &[
    "phone call",
    "meeting",
    "round of talks",
    "video conference",
    "summit",
    "vote",
    "exchange of letters",
];
const AGENCIES: &[&str] = &[
    "Example Wire",
    "the Daily Ledger",
    "North Star News",
    "Coastline Press",
    "Meridian Agency",
];

/// A date expression in one of many forms.
fn date(rng: &mut Rng) -> String {
    let day = 1 + rng.below(28);
    let month = rng.below(12);
    let year = 2019 + rng.below(7);
    match rng.below(9) {
        0 => format!("on {day} {} {year}", MONTHS[month]),
        1 => format!("on {} {day}, {year}", MONTHS_SHORT[month]),
        2 => format!("on {}", rng.pick(WEEKDAYS)),
        3 => format!("last {}", rng.pick(WEEKDAYS)),
        4 => format!("on {year}-{:02}-{day:02}", month + 1),
        5 => format!("in {} {year}", MONTHS[month]),
        6 => rng
            .pick(&[
                "yesterday",
                "earlier this week",
                "last month",
                "two days later",
            ])
            .to_string(),
        7 => format!("on {} {day}", MONTHS[month]),
        _ => format!("at {} p.m. on {}", 1 + rng.below(11), rng.pick(WEEKDAYS)),
    }
}

/// A way to refer to a side: its name, leader, capital, seat, ministry, minister.
fn mention(rng: &mut Rng, side: &Side) -> String {
    match rng.below(8) {
        0 | 1 => side.name.to_string(),
        2 => format!("{} {}", side.leader_title, side.leader),
        3 => format!("{} {}", side.leader_title, side.leader_surname),
        4 => side.seat.to_string(),
        5 => side.ministry.to_string(),
        6 => side.minister.to_string(),
        _ => format!("officials in {}", side.capital),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One body sentence about `a` (speaking) and `b` (the other side).
fn sentence(rng: &mut Rng, a: &Side, b: &Side) -> String {
    let who = mention(rng, a);
    let other = mention(rng, b);
    let topic = rng.pick(TOPICS);
    let stance = rng.pick(STANCES);
    let said = rng.pick(SAID);
    let when = date(rng);
    match rng.below(12) {
        0 => format!(
            "{} {said} {when} that {} {stance}.",
            capitalise(&who),
            a.name
        ),
        1 => format!(
            "“We {} on {topic},” {who} {said}, adding that {other} had been informed.",
            rng.pick(&[
                "will not back down",
                "are open to compromise",
                "want results",
                "have done our part"
            ])
        ),
        2 => format!(
            "According to {}, the two sides discussed {topic} during a {} {when}.",
            a.ministry,
            rng.pick(EVENTS)
        ),
        3 => format!(
            "{} {} {} in a statement, describing the talks as “{}”.",
            capitalise(&who),
            rng.pick(HEDGES),
            said,
            rng.pick(&[
                "frank and useful",
                "difficult",
                "a step forward",
                "premature"
            ])
        ),
        4 => format!(
            "The {} between {} and {} {} lasted about {} minutes.",
            rng.pick(EVENTS),
            a.leader_surname,
            b.leader_surname,
            when,
            10 + rng.below(80)
        ),
        5 => format!(
            "Both leaders agreed {when} to keep in contact on {topic}, the joint statement said."
        ),
        6 => format!(
            "{} denied the report, saying {} had “never asked” for talks on {topic}.",
            capitalise(&other),
            a.name
        ),
        7 => format!(
            "In {}, {} {said} the U.N. envoy would arrive {when}.",
            a.capital, who
        ),
        8 => format!(
            "Asked whether {} {stance}, {} replied: “{}”",
            b.name,
            who,
            rng.pick(&[
                "No comment.",
                "That is for them to say.",
                "Time will tell.",
                "Of course!"
            ])
        ),
        9 => format!(
            "It was the {} such contact since {}, when {} {} first met {} Dr. {} in {}.",
            rng.pick(&["second", "third", "first", "fourth"]),
            MONTHS[rng.below(12)],
            a.leader_title,
            a.leader_surname,
            b.leader_title.to_lowercase(),
            b.leader_surname,
            b.capital
        ),
        10 => format!(
            "Prices for {topic} rose by {}.{}% {when}, figures showed.",
            rng.below(9),
            rng.below(10)
        ),
        _ => format!(
            "{} said {topic} “will be resolved {}” and that {} {stance}?",
            capitalise(&who),
            rng.pick(&["soon", "in good faith", "by spring", "one way or another"]),
            b.name
        ),
    }
}

/// Appends one story (headline to source line) to `out`.
fn story(rng: &mut Rng, a: &Side, b: &Side, out: &mut String) {
    let (first, second) = if rng.chance(50) { (a, b) } else { (b, a) };
    // Headline: no full stop, sometimes a colon quote.
    match rng.below(3) {
        0 => out.push_str(&format!(
            "{} and {} hold {} on {}\n\n",
            capitalise(first.name),
            second.name,
            rng.pick(EVENTS),
            rng.pick(TOPICS)
        )),
        1 => out.push_str(&format!(
            "{}: ‘{}’\n\n",
            first.leader_surname,
            rng.pick(&[
                "We are ready",
                "No deal without guarantees",
                "The door is open"
            ])
        )),
        _ => out.push_str(&format!(
            "{} rejects {} offer as talks stall\n\n",
            capitalise(second.name),
            first.demonym
        )),
    }
    // Dateline and byline.
    out.push_str(&format!(
        "{}, {} {} ({}) -\n\nBy {} {}\n\n",
        first.capital.to_uppercase(),
        MONTHS_SHORT[rng.below(12)],
        1 + rng.below(28),
        rng.pick(AGENCIES),
        rng.pick(&["Lena", "Marco", "Priya", "Jonas", "Aiko", "Samuel"]),
        rng.pick(&[
            "Halvorsen",
            "Obi",
            "Castellano",
            "Nakamura",
            "Dubois",
            "Mensah"
        ])
    ));
    let paragraphs = 3 + rng.below(6);
    for _ in 0..paragraphs {
        let sentences = 1 + rng.below(4);
        for k in 0..sentences {
            if k > 0 {
                out.push(' ');
            }
            let (speaker, other) = if rng.chance(50) {
                (first, second)
            } else {
                (second, first)
            };
            out.push_str(&sentence(rng, speaker, other));
        }
        out.push_str("\n\n");
    }
    if rng.chance(50) {
        out.push_str(&format!(
            "Reporting by {}; editing by {}\n\n",
            rng.pick(&["Lena Halvorsen", "Marco Obi", "Priya Castellano"]),
            rng.pick(&["Jonas Nakamura", "Aiko Dubois"])
        ));
    }
    out.push_str(&format!("Source: {}\n\n", rng.pick(AGENCIES)));
}

/// A document of about `size` bytes (at least `size`, at most one story more), the same for
/// the same `seed` and `size`.
pub fn generate(seed: u64, size: usize) -> String {
    let mut rng = Rng::new(seed);
    let a_index = rng.below(SIDES.len());
    let b_index = (a_index + 1 + rng.below(SIDES.len() - 1)) % SIDES.len();
    let (a, b) = (&SIDES[a_index], &SIDES[b_index]);
    let mut out = String::with_capacity(size + 4096);
    out.push_str(&format!(
        "+++\ntitle = \"{} and {}: a chronicle\"\nsource = \"{}\"\npublished = 2024-0{}-1{}\n+++\n",
        capitalise(a.name),
        b.name,
        rng.pick(AGENCIES),
        1 + rng.below(9),
        rng.below(10)
    ));
    while out.len() < size {
        story(&mut rng, a, b, &mut out);
    }
    out
}

/// Parses sizes like `100M`, `1.5MB`, `64k`, `1048576` (K/M/G are powers of 1024).
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text
        .trim()
        .trim_end_matches(['b', 'B'])
        .trim_end_matches('i');
    let (number, unit) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let scale: f64 = match unit.to_ascii_lowercase().as_str() {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let value: f64 = number.trim().parse().ok()?;
    (value >= 0.0).then_some((value * scale) as usize)
}
