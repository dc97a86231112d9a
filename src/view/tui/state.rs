//! The reader's view state and its one mutator, [`State::update`].
//!
//! Everything the reader can do is an [`Action`]; `update` applies it and returns an
//! [`Effect`] for the terminal layer (quit, copy, mouse, suspend). This module knows no
//! terminal, no ratatui and does no I/O, so every behaviour is unit-tested without a screen.
//!
//! Rules:
//! - Four lists of sentence indices, in article order: side A's claims, side B's claims, the
//!   joint statements and the narration/context. The two side lists are shown in
//!   [`State::order`]: A on the left, B on the right, the order of `--plain` and `--json`
//!   (one order everywhere; `s` swaps).
//! - `h`/`l` land on the claim nearest in the article to the current one (binary search in
//!   the other list), not at the top; Tab and Shift-Tab keep each pane's own position.
//! - Overlays close first: Esc and `q` close the help, Esc the search, the filter and the
//!   widened paragraph. Esc never quits; `q` quits from the main view, Ctrl-C from anywhere.
//! - Every key costs the same on 20 and on 100 000 sentences, except the ones that must look
//!   at every claim once (typing a search, filtering): no per-frame or per-key full scans.
//! - Nothing here may panic on an empty list, an empty analysis or a missing party.
//! - One side only ([`State::single_side`]): the missing side has no pane, so focus never
//!   goes there (Tab skips it, h/l stay on the one side and say why).

use crate::model::{Analysis, PartyId, Side};
use crate::view::sanitize::escape_controls;
use std::borrow::Cow;

/// What the reader says when asked for the side that was not found.
pub const ONE_SIDE_NOTE: &str = "only one side found: name the other with --party NAME";

/// The four lists, by what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Party(PartyId),
    Joint,
    Context,
}

impl List {
    pub const ALL: [List; 4] = [
        List::Party(PartyId::A),
        List::Party(PartyId::B),
        List::Joint,
        List::Context,
    ];
    pub fn index(self) -> usize {
        match self {
            List::Party(p) => p.index(),
            List::Joint => 2,
            List::Context => 3,
        }
    }
}

/// Where the focus is, by position on screen (the sides behind Left/Right follow `order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Left,
    Right,
    Joint,
    Context,
}

/// Everything a key (or the mouse) can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    PaneLeft,
    PaneRight,
    NextPane,
    PrevPane,
    NextEvent,
    PrevEvent,
    Counterpart,
    Expand,
    ToggleLower,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    SearchNext,
    SearchPrev,
    FilterEvent,
    Copy,
    ToggleMouse,
    Swap,
    Help,
    /// Esc: closes what is open (help, search, filter, expanded paragraph); never quits.
    Back,
    /// `q`: closes the help, else quits.
    Quit,
    /// `p`: opens (or closes) the chooser of the two sides.
    ChooseSides,
    /// Ctrl-C: quits from anywhere.
    ForceQuit,
    Suspend,
    /// Mouse wheel over a pane: move that pane's selection without moving the focus.
    Scroll(Pane, isize),
    /// Mouse click on a claim.
    Click(Pane, usize),
}

/// What the terminal layer must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Turn mouse capture on or off.
    Mouse(bool),
    Suspend,
    /// Analyse the article again with these two sides (`--party`), in this order.
    Reanalyze(Vec<String>),
}

/// The chooser of the two sides (`p`): the parties found, two to pick.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chooser {
    /// The two sides, then the other parties that speak.
    pub names: Vec<String>,
    pub cursor: usize,
    /// Picked entries of `names`, in the order picked (the first becomes side A).
    pub picked: Vec<usize>,
}

/// The incremental search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Matching sentences, in article order.
    pub matches: Vec<usize>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// The compiled query (case-insensitive, literal); `None` when the query is empty.
    pub regex: Option<regex::Regex>,
}

impl PartialEq for Search {
    fn eq(&self, other: &Search) -> bool {
        self.query == other.query
            && self.editing == other.editing
            && self.matches == other.matches
            && self.current == other.current
            && self.regex.as_ref().map(|r| r.as_str()) == other.regex.as_ref().map(|r| r.as_str())
    }
}

/// The reader's state. Borrowed from the analysis; never changes it.
pub struct State<'a> {
    pub analysis: &'a Analysis,
    /// Sentence texts with terminal controls made visible; the only article text views print.
    pub texts: Vec<Cow<'a, str>>,
    /// The shown lists (filtered when a filter is on), by [`List::index`].
    pub lists: [Vec<usize>; 4],
    full: [Vec<usize>; 4],
    /// For each event, the position of its first claim in each full list (built once, so
    /// `]`/`[` cost the same whatever the size of the event).
    event_first: Vec<[Option<usize>; 4]>,
    /// Selected position in each list.
    pub sel: [usize; 4],
    pub focus: Pane,
    /// The side pane last focused (shown when the panes are stacked).
    pub side_pane: Pane,
    /// The lower list last focused (shown when joint/context are stacked).
    pub lower_pane: Pane,
    /// Which party is on the left and which on the right.
    pub order: [PartyId; 2],
    /// The event under the timeline cursor.
    pub event: Option<usize>,
    /// The event the lists are filtered on.
    pub filter: Option<usize>,
    pub search: Search,
    pub help: bool,
    /// The detail shows the whole source paragraph.
    pub expanded: bool,
    /// Joint and context lists folded to one line.
    pub lower_collapsed: bool,
    pub mouse: bool,
    /// One-shot message for the status bar (cleared by the next action).
    pub message: Option<String>,
    /// Claims that fit in one page of the focused pane, told by the view after each frame.
    pub page: usize,
    /// The pair last followed with `c`: (from, to), so the view marks `from` with `↔`.
    pub followed: Option<(usize, usize)>,
    /// Display columns of each list's text, summed once (the layout's estimate of how many
    /// rows a list could use, without wrapping it).
    pub text_columns: [usize; 4],
    /// Parties that speak in the article besides the two sides (third-party speakers), for
    /// the note on `--party`; found once.
    pub others: Vec<String>,
    /// What the reader must know about the analysis (no publication date, sides not found,
    /// more parties than two), shown on a line of their own for as long as the reader is open.
    pub notes: Vec<String>,
    /// The chooser of the two sides, when open.
    pub chooser: Option<Chooser>,
}

impl<'a> State<'a> {
    pub fn new(analysis: &'a Analysis) -> State<'a> {
        let texts = analysis
            .sentences
            .iter()
            .map(|s| reflow(escape_controls(s.text(&analysis.source))))
            .collect();
        let mut full: [Vec<usize>; 4] = Default::default();
        let mut first: [Option<usize>; 2] = [None, None];
        // Positions, not `Sentence::index`: the two agree in any analysis, and positions can
        // never index out of bounds.
        for (at, s) in analysis.sentences.iter().enumerate() {
            let list = match s.side {
                Side::A => List::Party(PartyId::A),
                Side::B => List::Party(PartyId::B),
                Side::Both => List::Joint,
                Side::Neither => List::Context,
            };
            if let List::Party(p) = list {
                first[p.index()].get_or_insert(at);
            }
            full[list.index()].push(at);
        }
        // A on the left, as `--plain` and `--json` list it; only B found: B's pane first.
        let order = match first {
            [None, Some(_)] => [PartyId::B, PartyId::A],
            _ => [PartyId::A, PartyId::B],
        };
        let mut event_first = vec![[None; 4]; analysis.events.len()];
        for (l, list) in full.iter().enumerate() {
            for (pos, &s) in list.iter().enumerate() {
                let event = analysis.sentences.get(s).and_then(|x| x.event);
                if let Some(first) = event.and_then(|e| event_first.get_mut(e)) {
                    first[l].get_or_insert(pos);
                }
            }
        }
        let text_columns = std::array::from_fn(|l| {
            full[l]
                .iter()
                .map(|&s: &usize| {
                    analysis
                        .sentences
                        .get(s)
                        .map_or(0, |x| x.end.saturating_sub(x.start))
                })
                .sum()
        });
        let others = crate::view::other_parties(analysis);
        let mut state = State {
            analysis,
            texts,
            lists: full.clone(),
            full,
            event_first,
            sel: [0; 4],
            focus: Pane::Left,
            side_pane: Pane::Left,
            lower_pane: Pane::Joint,
            order,
            event: None,
            filter: None,
            search: Search::default(),
            help: false,
            expanded: false,
            lower_collapsed: false,
            mouse: false,
            message: None,
            page: 5,
            followed: None,
            text_columns,
            notes: Vec::new(),
            others,
            chooser: None,
        };
        state.notes = analysis
            .notes
            .iter()
            .map(|n| escape_controls(n).into_owned())
            .collect();
        state
            .notes
            .extend(crate::view::others_note(&state.others, true));
        // With no claim on either side, start where the text is.
        if state.lists[List::Party(order[0]).index()].is_empty()
            && state.lists[List::Party(order[1]).index()].is_empty()
        {
            state.focus = if state.lists[2].is_empty() {
                Pane::Context
            } else {
                Pane::Joint
            };
            state.lower_pane = state.focus;
        }
        if let Some(pane) = state.single_side()
            && matches!(state.focus, Pane::Left | Pane::Right)
        {
            state.focus = pane;
            state.side_pane = pane;
        }
        state.event = state.current_sentence().and_then(|s| state.event_of(s));
        if state.event.is_none() && !analysis.events.is_empty() {
            state.event = analysis.events.iter().position(|e| e.main).or(Some(0));
        }
        state
    }

    /// The list shown in a pane.
    pub fn list_of(&self, pane: Pane) -> List {
        match pane {
            Pane::Left => List::Party(self.order[0]),
            Pane::Right => List::Party(self.order[1]),
            Pane::Joint => List::Joint,
            Pane::Context => List::Context,
        }
    }

    /// The pane that shows a list.
    pub fn pane_of(&self, list: List) -> Pane {
        match list {
            List::Party(p) if p == self.order[0] => Pane::Left,
            List::Party(_) => Pane::Right,
            List::Joint => Pane::Joint,
            List::Context => Pane::Context,
        }
    }

    pub fn items(&self, pane: Pane) -> &[usize] {
        &self.lists[self.list_of(pane).index()]
    }

    pub fn selected(&self, pane: Pane) -> usize {
        self.sel[self.list_of(pane).index()]
    }

    /// The selected sentence of a pane, if the pane has any.
    pub fn selected_sentence(&self, pane: Pane) -> Option<usize> {
        self.items(pane).get(self.selected(pane)).copied()
    }

    /// The sentence the detail shows: the focused pane's selection.
    pub fn current_sentence(&self) -> Option<usize> {
        self.selected_sentence(self.focus)
    }

    /// The display name of a party ("side A" when the analysis found none).
    pub fn party_name(&self, party: PartyId) -> Cow<'a, str> {
        match self.analysis.parties.iter().find(|p| p.id == party) {
            Some(p) => escape_controls(&p.name),
            None => Cow::Owned(format!("side {party:?}")),
        }
    }

    pub fn has_party(&self, party: PartyId) -> bool {
        self.analysis.parties.iter().any(|p| p.id == party)
    }

    /// With exactly one side found, the pane that shows it (the other side gets no pane).
    pub fn single_side(&self) -> Option<Pane> {
        let found = |pane| matches!(self.list_of(pane), List::Party(p) if self.has_party(p));
        match (found(Pane::Left), found(Pane::Right)) {
            (true, false) => Some(Pane::Left),
            (false, true) => Some(Pane::Right),
            _ => None,
        }
    }

    /// False for the missing side's pane when only one side was found.
    fn shown(&self, pane: Pane) -> bool {
        match (self.single_side(), pane) {
            (Some(only), Pane::Left | Pane::Right) => pane == only,
            _ => true,
        }
    }

    fn event_of(&self, sentence: usize) -> Option<usize> {
        self.analysis
            .sentences
            .get(sentence)
            .and_then(|s| s.event)
            .filter(|&e| e < self.analysis.events.len())
    }

    fn set_sel(&mut self, pane: Pane, pos: usize) {
        let list = self.list_of(pane).index();
        let len = self.lists[list].len();
        self.sel[list] = pos.min(len.saturating_sub(1));
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        match pane {
            Pane::Left | Pane::Right => self.side_pane = pane,
            Pane::Joint | Pane::Context => {
                self.lower_pane = pane;
                self.lower_collapsed = false;
            }
        }
    }

    /// Moves the selection of `pane` by `delta` claims, clamped to the list.
    fn step(&mut self, pane: Pane, delta: isize) {
        let pos = self.selected(pane);
        let next = if delta < 0 {
            pos.saturating_sub(delta.unsigned_abs())
        } else {
            pos.saturating_add(delta as usize)
        };
        self.set_sel(pane, next);
    }

    /// Focuses `to`, landing on its claim nearest in the article to the current one.
    fn switch_to(&mut self, to: Pane) {
        if to == self.focus {
            return;
        }
        if let Some(here) = self.current_sentence() {
            let pos = nearest(self.items(to), here);
            self.set_sel(to, pos);
        }
        self.focus_pane(to);
    }

    fn panes_in_cycle(&self) -> Vec<Pane> {
        let panes = if self.lower_collapsed {
            vec![Pane::Left, Pane::Right]
        } else {
            vec![Pane::Left, Pane::Right, Pane::Joint, Pane::Context]
        };
        panes.into_iter().filter(|&p| self.shown(p)).collect()
    }

    fn cycle(&mut self, forward: bool) {
        let panes = self.panes_in_cycle();
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        let n = panes.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        // Each pane keeps its own position (h/l are the keys that land nearby).
        self.focus_pane(panes[next]);
    }

    fn horizontal(&mut self, right: bool) {
        let to = match (self.focus, right) {
            (Pane::Left | Pane::Right, false) => Pane::Left,
            (Pane::Left | Pane::Right, true) => Pane::Right,
            (Pane::Joint | Pane::Context, false) => Pane::Joint,
            (Pane::Joint | Pane::Context, true) => Pane::Context,
        };
        if to == self.focus {
            // Already there: in a stacked layout h/l still flips between the two.
            let other = match to {
                Pane::Left => Pane::Right,
                Pane::Right => Pane::Left,
                Pane::Joint => Pane::Context,
                Pane::Context => Pane::Joint,
            };
            if self.shown(other) {
                self.switch_to(other);
            } else {
                self.message = Some(ONE_SIDE_NOTE.into());
            }
        } else if self.shown(to) {
            self.switch_to(to);
        } else {
            self.message = Some(ONE_SIDE_NOTE.into());
        }
    }

    /// Moves every list to the first claim of `event`; the timeline cursor follows.
    fn goto_event(&mut self, event: usize) {
        self.event = Some(event);
        if self.filter.is_some() {
            self.set_filter(Some(event));
        }
        let mut moved = [false; 4];
        for (l, moved) in moved.iter_mut().enumerate() {
            let pos = if self.filter.is_some() {
                // Filtered: the lists hold this event's claims only.
                (!self.lists[l].is_empty()).then_some(0)
            } else {
                self.event_first.get(event).and_then(|first| first[l])
            };
            if let Some(pos) = pos {
                self.sel[l] = pos;
                *moved = true;
            }
        }
        let here = self.list_of(self.focus).index();
        if !moved[here] {
            let name = match self.list_of(self.focus) {
                List::Party(p) => self.party_name(p).into_owned(),
                List::Joint => "the joint statements".into(),
                List::Context => "the context".into(),
            };
            self.message = Some(format!(
                "nothing from {name} on {}",
                self.event_label(event)
            ));
        }
    }

    /// "Dec 10 call" for an event, for messages.
    pub fn event_label(&self, event: usize) -> String {
        match self.analysis.events.get(event) {
            Some(e) => format!(
                "{} {}",
                super::dates::short_date(&e.date, e.granularity),
                escape_controls(&e.label)
            )
            .trim()
            .to_string(),
            None => String::new(),
        }
    }

    fn set_filter(&mut self, filter: Option<usize>) {
        let keep: Vec<Option<usize>> = (0..4)
            .map(|l| self.lists[l].get(self.sel[l]).copied())
            .collect();
        self.filter = filter;
        for (l, keep) in keep.into_iter().enumerate() {
            self.lists[l] = match filter {
                None => self.full[l].clone(),
                Some(e) => {
                    let mut v: Vec<usize> = self
                        .analysis
                        .events
                        .get(e)
                        .map(|ev| ev.sentences.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|s| self.full[l].binary_search(s).is_ok())
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                }
            };
            self.sel[l] = keep.map_or(0, |s| nearest(&self.lists[l], s));
        }
        self.refresh_search();
    }

    fn refresh_search(&mut self) {
        self.search.matches.clear();
        self.search.current = None;
        let Some(re) = &self.search.regex else {
            return;
        };
        let mut matches = Vec::new();
        for list in &self.lists {
            for &s in list {
                if self.texts.get(s).is_some_and(|t| re.is_match(t)) {
                    matches.push(s);
                }
            }
        }
        matches.sort_unstable();
        self.search.matches = matches;
    }

    fn search_changed(&mut self) {
        self.search.regex = if self.search.query.is_empty() {
            None
        } else {
            regex::RegexBuilder::new(&regex::escape(&self.search.query))
                .case_insensitive(true)
                .build()
                .ok()
        };
        self.refresh_search();
        // Incremental: jump to the first match at or after the current sentence.
        let here = self.current_sentence().unwrap_or(0);
        let at = self.search.matches.partition_point(|&s| s < here);
        if !self.search.matches.is_empty() {
            self.goto_match(at % self.search.matches.len());
        }
    }

    fn goto_match(&mut self, index: usize) {
        let Some(&s) = self.search.matches.get(index) else {
            return;
        };
        self.search.current = Some(index);
        self.reveal(s);
    }

    /// Focuses the list holding sentence `s` and selects it.
    fn reveal(&mut self, s: usize) -> bool {
        for list in List::ALL {
            if let Ok(pos) = self.lists[list.index()].binary_search(&s) {
                let pane = self.pane_of(list);
                self.focus_pane(pane);
                self.sel[list.index()] = pos;
                return true;
            }
        }
        false
    }

    fn search_step(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("no match for “{}”", escape_controls(&self.search.query))
            });
            return;
        }
        let here = self.current_sentence().unwrap_or(0);
        let next = match self.search.current {
            Some(i) if self.search.matches.get(i) == Some(&here) => {
                if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }
            }
            _ if forward => self.search.matches.partition_point(|&s| s <= here) % n,
            _ => (self.search.matches.partition_point(|&s| s < here) + n - 1) % n,
        };
        self.goto_match(next);
    }

    fn counterpart(&mut self) {
        let List::Party(party) = self.list_of(self.focus) else {
            self.message = Some("counterparts link the two sides' claims: focus a side".into());
            return;
        };
        let Some(here) = self.current_sentence() else {
            self.message = Some(format!("no claim from {}", self.party_name(party)));
            return;
        };
        let other = party.other();
        let target = self
            .analysis
            .sentences
            .get(here)
            .and_then(|s| s.counterpart);
        let target = target.filter(|&t| {
            self.analysis
                .sentences
                .get(t)
                .is_some_and(|s| s.side == Side::of(other))
        });
        match target {
            Some(t) => {
                let list = List::Party(other).index();
                match self.lists[list].binary_search(&t) {
                    Ok(pos) => {
                        self.sel[list] = pos;
                        let pane = self.pane_of(List::Party(other));
                        self.focus_pane(pane);
                        self.followed = Some((here, t));
                    }
                    Err(_) => {
                        self.message =
                            Some("the counterpart is hidden by the filter (f to clear)".into())
                    }
                }
            }
            // No link is no proof of silence: the other side may answer in words the
            // alignment did not pair.
            None => {
                self.message = Some(format!(
                    "no counterpart found among {}'s claims",
                    self.party_name(other)
                ))
            }
        }
    }

    /// The text `y` copies: "claim — speaker (side), source, date, URL" (the parts known).
    pub fn copy_text(&self) -> Option<String> {
        let s = self.analysis.sentences.get(self.current_sentence()?)?;
        let side = match s.side {
            Side::A | Side::B => s.side.party().map(|p| self.party_name(p).into_owned()),
            Side::Both => Some("both sides".into()),
            Side::Neither => Some("narration".into()),
        };
        let src: &str = &self.analysis.source;
        let mut out = escape_controls(s.text(src)).into_owned();
        out = reflow(out.into()).into_owned();
        let speaker = crate::view::claim_source(self.analysis, s)
            .map(|sp| escape_controls(sp.text(src)).into_owned());
        let who = match (speaker, side) {
            (Some(sp), Some(side)) => format!("{sp} ({side})"),
            (None, Some(side)) => side,
            (Some(sp), None) => sp,
            (None, None) => String::new(),
        };
        let meta = &self.analysis.meta;
        let mut cite = vec![who];
        for part in [&meta.source, &meta.published, &meta.url]
            .into_iter()
            .flatten()
        {
            cite.push(escape_controls(part).into_owned());
        }
        if meta.source.is_none()
            && let Some(title) = &meta.title
        {
            cite.insert(1, format!("“{}”", escape_controls(title)));
        }
        cite.retain(|c| !c.is_empty());
        if !cite.is_empty() {
            out.push_str(" — ");
            out.push_str(&cite.join(", "));
        }
        Some(out)
    }

    fn open_chooser(&mut self) {
        let mut names: Vec<String> = self
            .analysis
            .parties
            .iter()
            .map(|p| escape_controls(&p.name).into_owned())
            .collect();
        for o in &self.others {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(o)) {
                names.push(o.clone());
            }
        }
        if names.len() < 2 {
            self.message = Some("fewer than two parties found: name them with --party NAME".into());
            return;
        }
        self.chooser = Some(Chooser {
            names,
            cursor: 0,
            picked: Vec::new(),
        });
    }

    /// An action while the chooser is open: j/k move, Enter picks (the second pick re-reads
    /// the article with those two sides), Esc, q or p close it.
    fn choose(&mut self, action: Action) -> Effect {
        let Some(ch) = self.chooser.as_mut() else {
            return Effect::None;
        };
        let n = ch.names.len();
        match action {
            Action::Down => ch.cursor = (ch.cursor + 1).min(n.saturating_sub(1)),
            Action::Up => ch.cursor = ch.cursor.saturating_sub(1),
            Action::Top => ch.cursor = 0,
            Action::Bottom => ch.cursor = n.saturating_sub(1),
            Action::Expand => {
                let at = ch.cursor;
                if let Some(k) = ch.picked.iter().position(|&p| p == at) {
                    ch.picked.remove(k);
                } else {
                    ch.picked.push(at);
                }
                if ch.picked.len() == 2 {
                    let names = ch.picked.iter().map(|&i| ch.names[i].clone()).collect();
                    self.chooser = None;
                    return Effect::Reanalyze(names);
                }
            }
            Action::Back | Action::Quit | Action::ChooseSides | Action::Help => {
                self.chooser = None;
            }
            Action::ForceQuit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            _ => {}
        }
        Effect::None
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Effect {
        self.message = None;
        if self.search.editing {
            match action {
                Action::SearchInput(c) => {
                    self.search.query.push(c);
                    self.search_changed();
                    return Effect::None;
                }
                Action::SearchBackspace => {
                    self.search.query.pop();
                    self.search_changed();
                    return Effect::None;
                }
                Action::SearchConfirm => {
                    self.search.editing = false;
                    if self.search.query.is_empty() {
                        self.search = Search::default();
                    }
                    return Effect::None;
                }
                Action::Back => {
                    self.search = Search::default();
                    return Effect::None;
                }
                Action::ForceQuit | Action::Suspend | Action::Scroll(..) | Action::Click(..) => {}
                _ => return Effect::None,
            }
        }
        if self.chooser.is_some() {
            return self.choose(action);
        }
        if self.help && !matches!(action, Action::ForceQuit | Action::Suspend) {
            // Any key closes the help; `?`, Esc and q only close it.
            self.help = false;
            if matches!(action, Action::Help | Action::Back | Action::Quit) {
                return Effect::None;
            }
        }
        let focus = self.focus;
        let page = self.page.max(1) as isize;
        match action {
            Action::Down => self.step(focus, 1),
            Action::Up => self.step(focus, -1),
            Action::Top => self.set_sel(focus, 0),
            Action::Bottom => self.set_sel(focus, usize::MAX),
            Action::PageDown => self.step(focus, page),
            Action::PageUp => self.step(focus, -page),
            Action::HalfDown => self.step(focus, (page / 2).max(1)),
            Action::HalfUp => self.step(focus, -(page / 2).max(1)),
            Action::PaneLeft => self.horizontal(false),
            Action::PaneRight => self.horizontal(true),
            Action::NextPane => self.cycle(true),
            Action::PrevPane => self.cycle(false),
            Action::NextEvent | Action::PrevEvent => {
                let n = self.analysis.events.len();
                if n == 0 {
                    self.message = Some("no dated events in this article".into());
                } else {
                    let next = match (self.event, action == Action::NextEvent) {
                        (None, true) => 0,
                        (None, false) => n - 1,
                        (Some(e), true) => (e + 1).min(n - 1),
                        (Some(e), false) => e.saturating_sub(1),
                    };
                    if self.event == Some(next) {
                        let end = if action == Action::NextEvent {
                            "last"
                        } else {
                            "first"
                        };
                        self.message =
                            Some(format!("{} is the {end} event", self.event_label(next)));
                    } else {
                        self.goto_event(next);
                    }
                }
            }
            Action::Counterpart => self.counterpart(),
            Action::Expand => self.expanded = !self.expanded,
            Action::ToggleLower => {
                self.lower_collapsed = !self.lower_collapsed;
                if self.lower_collapsed && matches!(focus, Pane::Joint | Pane::Context) {
                    let to = self.side_pane;
                    self.switch_to(to);
                }
            }
            Action::SearchStart => {
                self.search = Search {
                    editing: true,
                    ..Search::default()
                };
            }
            Action::SearchInput(_) | Action::SearchBackspace | Action::SearchConfirm => {}
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::FilterEvent => {
                if self.filter.is_some() {
                    self.set_filter(None);
                    self.message = Some("filter off: all claims".into());
                } else {
                    let event = self.current_sentence().and_then(|s| self.event_of(s));
                    match event.or(self.event) {
                        Some(e) => {
                            self.event = Some(e);
                            self.set_filter(Some(e));
                            self.message =
                                Some(format!("showing only {} (f: all)", self.event_label(e)));
                        }
                        None => self.message = Some("no event to filter on".into()),
                    }
                }
            }
            Action::Copy => match self.copy_text() {
                Some(text) => {
                    self.message = Some("copied the claim with its citation (OSC 52)".into());
                    return Effect::Copy(text);
                }
                None => self.message = Some("nothing selected to copy".into()),
            },
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on: wheel scrolls, click selects (m: off, for text selection)".into()
                } else {
                    "mouse off: the terminal selects text again".into()
                });
                return Effect::Mouse(self.mouse);
            }
            Action::Swap => {
                self.order.swap(0, 1);
                self.focus = match focus {
                    Pane::Left => Pane::Right,
                    Pane::Right => Pane::Left,
                    other => other,
                };
                self.side_pane = match self.side_pane {
                    Pane::Left => Pane::Right,
                    _ => Pane::Left,
                };
            }
            Action::Help => self.help = true,
            Action::ChooseSides => self.open_chooser(),
            Action::Back => {
                if self.search.regex.is_some() || !self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.filter.is_some() {
                    self.set_filter(None);
                } else if self.expanded {
                    self.expanded = false;
                } else {
                    self.message = Some("nothing to close · q quits".into());
                }
            }
            Action::Quit | Action::ForceQuit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Scroll(pane, delta) => self.step(pane, delta),
            Action::Click(pane, pos) => {
                self.focus_pane(pane);
                self.set_sel(pane, pos);
            }
        }
        // The timeline cursor follows the selected claim when it has an event.
        if !matches!(
            action,
            Action::NextEvent | Action::PrevEvent | Action::FilterEvent
        ) && let Some(e) = self.current_sentence().and_then(|s| self.event_of(s))
        {
            self.event = Some(e);
        }
        Effect::None
    }
}

/// A claim's text with the article's hard line breaks reflowed: a line break and the spaces
/// around it become one space, so claims wrap evenly to the pane.
pub fn reflow(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\n') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches(['\r', '␍']);
        if i > 0 {
            let trimmed = out.trim_end_matches([' ', '\t']).len();
            out.truncate(trimmed);
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line.trim_start_matches([' ', '\t']));
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Position in `list` (sorted) of the sentence nearest to `sentence` in the article.
pub fn nearest(list: &[usize], sentence: usize) -> usize {
    match list.binary_search(&sentence) {
        Ok(pos) => pos,
        Err(0) => 0,
        Err(pos) if pos >= list.len() => list.len().saturating_sub(1),
        Err(pos) => {
            if sentence - list[pos - 1] <= list[pos] - sentence {
                pos - 1
            } else {
                pos
            }
        }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
