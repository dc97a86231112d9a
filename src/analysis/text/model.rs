//! The binary model: its format, how it is written, and how it is read in place.
//!
//! The model is compiled into the binary (`include_bytes!`), so loading it must cost nothing
//! that grows with its size: no hash map is built and no weight copied. The file is a
//! sequence of sections read by one pass over a few headers; everything big is used where it
//! lies, through byte slices and `from_le_bytes` (`include_bytes!` data is only 1-aligned, so
//! nothing is reinterpreted as `&[u32]`).
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic  "BLSYN008"
//! tags   u32 n, then n × (u8 upos, u8 len, xpos bytes)       joint UPOS+XPOS classes
//! labels u32 n, then n × (u8 len, bytes)                      dependency relations
//! tagger tables (first and second pass), parser table:
//!        u32 capacity, u32 entry bytes, 256 × i32 weight of each code,
//!        zero bytes up to a multiple of 8 bytes into the file,
//!        capacity × slot (u16 key, 4 bytes),                  open addressing, linear probing
//!          1 or 2 weights: 2 × (u8 class, u8 code)            the weights in the slot itself
//!                                                             (a lone weight: then 0, 0)
//!          more: u8 255, u24 offset                           into the entries
//!        2 zero bytes                                         (so a slot reads as 8 bytes)
//!        entries: per longer feature, u8 count, count × (u8 class, u8 code)
//! lemma exceptions, lemma rules:
//!        u32 n, u32 blob length, (n + 1) × u32 offsets, blob  sorted records `key \0 value`
//! clusters:
//!        u32 n, n × u64 word hash (sorted), n × u16 cluster     the parser's word clusters
//! ```
//!
//! A feature's slot is found from its 64-bit hash: the low 32 bits pick the first slot
//! (scaled to the capacity by a multiply and shift, so the table can be 75 % full whatever
//! its size), the next 16 bits are the stored key (0 marks an empty slot, so a key of 0 is
//! stored as 1); an unknown feature is mistaken for a known one about once in 20 000
//! look-ups, a noise the model shrugs off. Weights are the averaged perceptron's, scaled to
//! `i16` by the training program and stored as one-byte codes on a geometric scale (see
//! `codebook`): together this is about a third of the size of plain keys and `i16` weights,
//! which lets the model keep three times as many features in its size budget. A feature with
//! at most two weights (most of them: a perceptron's first update of a feature gives it two)
//! keeps them in its 6-byte slot, so looking it up costs one cache miss instead of two; the
//! slots are 6 bytes rather than 8 because the slots are most of a table (a quarter more
//! features in the same bytes), at the price of a slot straddling two cache lines now and
//! then. Class 255 marks a slot whose weights are in the entries, so a table has at most
//! 255 classes.
//!
//! Speed: tagging and parsing spend most of their time adding weights ([`Table::add_scores`]:
//! look-ups batched behind prefetches, so that their cache misses overlap). The few features
//! that are in nearly every look-up and weigh most classes (a tag, a label, the bias) are not
//! looked up at all: the tagger and the parser keep their rows decoded ([`Dense`], built from
//! the table on first use, the same sums) and add them with vector instructions.
//!
//! Control bytes: a probe that reads the slots themselves reads about 4 of them for a known
//! feature and 8 for an unknown one (linear probing at 75 % load), often across two cache
//! lines of a table too big for the core's cache (the parser's slots are 9 MB). So each table
//! also has one control byte per slot, 0 for an empty slot, else a fingerprint of its key (its
//! low byte, 1 for 0), followed by a copy of the first 16 bytes so that 16 can be read at any
//! slot. A probe compares 16 control bytes at a time with the feature's fingerprint and with
//! 0 (SSE2 on x86-64), and reads a slot only where the fingerprint matches before the first
//! empty slot: the same slot as the plain probe, which the key then confirms (a fingerprint
//! matches a wrong key now and then, and the probe goes on). An unknown feature (about a
//! quarter of the parser's look-ups) then usually touches only the control bytes, a sixth of
//! the slots' size (1.5 MB for the parser: it mostly stays in the core's cache), and a known
//! one a single slot. This cuts the CPU of `--json` on a 1 MB text by about 14 %. The control
//! bytes are not in the file (the binary's size budget is spent on features): they are built
//! from the slots on first use, which for the parser's table means reading all 9 MB, about
//! 6 ms on a cold cache (but a parse of more than a few thousand words reads most of them
//! anyway), more than a short text's parse saves, so a table builds them only once the
//! process has made a quarter as many look-ups without control bytes as it has slots (about
//! 60 000 look-ups for the tagger's tables, 380 000 for the parser's: a text of a dozen
//! kilobytes); until then look-ups probe the slots, and so do the other threads while one
//! builds them (a reader's first frame would otherwise wait for it on every core).

use super::Upos;
use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

const MAGIC: &[u8; 8] = b"BLSYN008";

/// A model that cannot be read: why [`Model::parse`] gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The bytes end before a header, name or section does.
    #[error("syntax model: truncated")]
    Truncated,
    /// The file does not start with the format's magic (not a model, or another version).
    #[error("syntax model: not a bilateral syntax model (bad magic)")]
    BadMagic,
    /// A tag or label name is not UTF-8.
    #[error("syntax model: a name is not UTF-8")]
    NameNotUtf8,
    /// A table or record section's size overflows `usize`.
    #[error("syntax model: too big")]
    TooBig,
    /// A tag's UPOS index is not one of the 17 tags.
    #[error("syntax model: bad UPOS")]
    BadUpos,
    /// No tags or labels, or more than the tagger and parser can index.
    #[error("syntax model: bad tag or label count")]
    BadCount,
}

/// A feature → weights table, read in place.
#[derive(Debug)]
pub struct Table<'a> {
    slots: &'a [u8],
    entries: &'a [u8],
    capacity: usize,
    /// Weight of each one-byte weight code.
    lut: [i32; 256],
    /// One control byte per slot ([`Table::control`]), built on first use.
    control: OnceLock<Box<[u8]>>,
    /// Whether a thread has started building `control` (the others go on without it
    /// meanwhile rather than wait).
    building: AtomicBool,
}

impl Clone for Table<'_> {
    fn clone(&self) -> Self {
        let control = self.control.clone();
        Table {
            slots: self.slots,
            entries: self.entries,
            capacity: self.capacity,
            lut: self.lut,
            building: AtomicBool::new(control.get().is_some()),
            control,
        }
    }
}

/// Look-ups made in tables without control bytes ([`Table::add_scores`]), by all threads:
/// each thread adds its count here every [`FLUSH`] look-ups (the threads that annotate
/// sentences are short-lived, and sharing one counter for every call would have them fight
/// over its cache line).
static LOOKUPS: AtomicUsize = AtomicUsize::new(0);
/// Look-ups a thread counts on its own before it adds them to [`LOOKUPS`].
const FLUSH: usize = 1 << 14;

thread_local! {
    /// This thread's look-ups not yet added to [`LOOKUPS`].
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

/// Counts `n` look-ups made without control bytes; returns about how many have been made.
fn count_lookups(n: usize) -> usize {
    PENDING.with(|pending| {
        let p = pending.get() + n;
        if p >= FLUSH {
            pending.set(0);
            LOOKUPS.fetch_add(p, Ordering::Relaxed) + p
        } else {
            pending.set(p);
            LOOKUPS.load(Ordering::Relaxed)
        }
    })
}

/// Bytes of one slot: key, then two weights or a marker and an offset.
const SLOT: usize = 6;
/// Zero bytes after the slots, so the last slot can be read as a `u64`.
const TAIL: usize = 2;
/// Most weights kept in the slot itself.
const INLINE: usize = 2;
/// The class byte that marks a slot whose weights are in the entries.
const LONG: u8 = 255;
/// A table's slots start at a multiple of this many bytes into the file.
const ALIGN: usize = 8;

/// Zero bytes before a table's slots at `at` bytes into the file.
fn padding(at: usize) -> usize {
    (ALIGN - at % ALIGN) % ALIGN
}

/// The home slot of a hash in a table of `capacity` slots.
#[inline]
fn home(hash: u64, capacity: usize) -> usize {
    (((hash & 0xffff_ffff) * capacity as u64) >> 32) as usize
}

/// The key stored for a hash (never 0, which marks an empty slot).
#[inline]
fn key_of(hash: u64) -> u16 {
    match (hash >> 32) as u16 {
        0 => 1,
        k => k,
    }
}

/// Control bytes read at a time, and the copy of the first ones kept after the last slot's.
const GROUP: usize = 16;
/// Marks a feature whose first candidate slot is not in its first control group.
const FAR: u32 = u32::MAX - 1;
/// Marks a feature without a candidate slot: not in the table.
const ABSENT: u32 = u32::MAX;

/// A slot's control byte for a stored key: 0 marks an empty slot, so a key whose low byte is
/// 0 shares 1 with those whose low byte is 1.
#[inline]
fn fingerprint(key: u16) -> u8 {
    match key as u8 {
        0 => 1,
        b => b,
    }
}

/// Bit masks of the control bytes `control[at..at + GROUP]` equal to `fingerprint` (first)
/// and to 0 (empty slots, second); bit `k` is byte `at + k`.
#[inline]
fn group_masks(control: &[u8], at: usize, fingerprint: u8) -> (u32, u32) {
    let Some(group) = control.get(at..at + GROUP) else {
        return (0, 1);
    };
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8, _mm_setzero_si128,
        };
        // SAFETY: `group` is GROUP = 16 readable bytes, what an unaligned 16-byte load reads;
        // the other intrinsics only compute on registers. They need SSE2, which is part of
        // every x86-64 CPU.
        let (hits, empty) = unsafe {
            let bytes = _mm_loadu_si128(group.as_ptr().cast());
            (
                _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(fingerprint as i8))),
                _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_setzero_si128())),
            )
        };
        (hits as u32, empty as u32)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let (mut hits, mut empty) = (0u32, 0u32);
        for (k, &b) in group.iter().enumerate() {
            hits |= u32::from(b == fingerprint) << k;
            empty |= u32::from(b == 0) << k;
        }
        (hits, empty)
    }
}

/// The bits of `mask` below the lowest bit of `empty` (all of them when `empty` is 0): the
/// slots a probe reaches before it stops at an empty one.
#[inline]
fn before_empty(mask: u32, empty: u32) -> u32 {
    mask & (empty & empty.wrapping_neg()).wrapping_sub(1)
}

/// The slot after `idx`, wrapping.
#[inline]
fn next(idx: usize, capacity: usize) -> usize {
    if idx + 1 >= capacity { 0 } else { idx + 1 }
}

/// One slot as a little-endian `u64` (bits 48–63 zero): key in bits 0–15, then either the
/// weights' two `(class, code)` pairs (bits 16–47) or [`LONG`] (bits 16–23) and the entries'
/// offset (bits 24–47).
#[inline]
fn read_slot(slots: &[u8], idx: usize) -> u64 {
    let at = idx * SLOT;
    match slots.get(at..at + 8) {
        Some(s) => {
            u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]) & 0xffff_ffff_ffff
        }
        None => 0,
    }
}

#[inline]
fn slot_key(slot: u64) -> u16 {
    slot as u16
}

/// Whether the slot's weights are in the entries.
#[inline]
fn slot_long(slot: u64) -> bool {
    (slot >> 16) as u8 == LONG
}

#[inline]
fn slot_offset(slot: u64) -> usize {
    ((slot >> 24) & 0xff_ffff) as usize
}

impl<'a> Table<'a> {
    /// The slot of a feature, if it has weights.
    #[inline]
    fn find(&self, hash: u64) -> Option<u64> {
        if self.capacity == 0 {
            return None;
        }
        let key = key_of(hash);
        let mut idx = home(hash, self.capacity);
        for _ in 0..self.capacity {
            let slot = read_slot(self.slots, idx);
            match slot_key(slot) {
                0 => return None,
                k if k == key => return Some(slot),
                _ => idx = next(idx, self.capacity),
            }
        }
        None
    }

    /// The table's control bytes: byte `i` is 0 for an empty slot `i`, else the
    /// [`fingerprint`] of its key; then a copy of the first [`GROUP`] bytes (wrapping as
    /// often as needed in a smaller table), so a group read at any slot stays in bounds.
    /// Built from the slots on first use.
    fn control(&self) -> &[u8] {
        self.control.get_or_init(|| {
            let mut control = vec![0u8; self.capacity + GROUP];
            for (c, s) in control.iter_mut().zip(self.slots.chunks_exact(SLOT)) {
                let key = u16::from_le_bytes([s[0], s[1]]);
                *c = if key == 0 { 0 } else { fingerprint(key) };
            }
            for i in self.capacity..self.capacity + GROUP {
                control[i] = control[i % self.capacity.max(1)];
            }
            control.into_boxed_slice()
        })
    }

    /// [`Table::find`] through the control bytes: the probe reads them [`GROUP`] at a time
    /// and reads a slot only where its fingerprint matches, until the first empty slot.
    /// Returns the same slot as `find` (a slot with the key has the key's fingerprint).
    #[inline]
    fn find_controlled(&self, control: &[u8], hash: u64) -> Option<u64> {
        if self.capacity == 0 {
            return None;
        }
        let key = key_of(hash);
        let fingerprint = fingerprint(key);
        let mut idx = home(hash, self.capacity);
        // every slot once (the last group may see the first ones again: no key there)
        for _ in 0..self.capacity.div_ceil(GROUP) {
            let (hits, empty) = group_masks(control, idx, fingerprint);
            let mut hits = before_empty(hits, empty);
            while hits != 0 {
                let at = self.wrap(idx + hits.trailing_zeros() as usize);
                let slot = read_slot(self.slots, at);
                if slot_key(slot) == key {
                    return Some(slot);
                }
                hits &= hits - 1;
            }
            if empty != 0 {
                return None;
            }
            idx = self.wrap(idx + GROUP);
        }
        None
    }

    /// Slot `at` of the probe sequence, which may have run past the last slot.
    #[inline]
    fn wrap(&self, at: usize) -> usize {
        if at < self.capacity {
            at
        } else {
            at % self.capacity
        }
    }

    /// Adds the weights kept in the slot itself to `acc` (a missing second weight is code 0,
    /// which weighs 0).
    #[inline]
    fn add_inline(&self, slot: u64, acc: &mut [i32; 256]) {
        let mut pairs = slot >> 16;
        for _ in 0..INLINE {
            acc[(pairs & 0xff) as usize] += self.lut[((pairs >> 8) & 0xff) as usize];
            pairs >>= 16;
        }
    }

    /// The `(class, code)` pairs of a slot whose weights are not inline.
    #[inline]
    fn pairs(&self, slot: u64) -> &'a [u8] {
        let start = slot_offset(slot);
        let count = self.entries.get(start).map_or(0, |&c| usize::from(c));
        self.entries
            .get(start + 1..start + 1 + count * 2)
            .unwrap_or(&[])
    }

    /// The weights of one feature as `(class, weight)` pairs, if it has any.
    pub fn lookup(&self, hash: u64) -> Option<Vec<(u8, i32)>> {
        let slot = self.find(hash)?;
        if !slot_long(slot) {
            let mut pairs = slot >> 16;
            let mut out = Vec::with_capacity(INLINE);
            for k in 0..INLINE {
                let (class, code) = (pairs as u8, (pairs >> 8) as u8);
                if k == 0 || code != 0 {
                    out.push((class, self.lut[usize::from(code)]));
                }
                pairs >>= 16;
            }
            return Some(out);
        }
        Some(
            self.pairs(slot)
                .chunks_exact(2)
                .map(|p| (p[0], self.lut[usize::from(p[1])]))
                .collect(),
        )
    }

    /// Adds the weights of every feature to `scores` (indexed by class).
    ///
    /// Most of a tagger's or parser's time is spent here, so it is written for the memory
    /// system. The features are looked up in batches: first the cache is asked for every
    /// feature's home slot (prefetches, which do not wait; the second line covers a slot that
    /// straddles two and the probes after it), so that their cache misses overlap instead of
    /// following one another; then each feature's slot is read, its inline weights added at
    /// once and the cache asked for the entries of a longer list (the first two lines: the
    /// most frequent features, a tag or a label, have dozens of weights); those lists are
    /// added last, when their lines have had time to arrive. The sums are kept in a
    /// 256-class array, which any class byte indexes without a bounds check, and added to
    /// `scores` at the end.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        if self.capacity == 0 {
            return;
        }
        let control = match self.control.get() {
            Some(control) => Some(&control[..]),
            None => {
                let seen = count_lookups(features.len());
                let build = seen >= self.capacity / 4
                    && self.capacity < FAR as usize
                    && !self.building.swap(true, Ordering::Relaxed);
                build.then(|| self.control())
            }
        };
        match control {
            Some(control) => self.add_scores_controlled(control, features, scores),
            None => self.add_scores_probing(features, scores),
        }
    }

    /// [`Table::add_scores`] through the control bytes ([`Table::find_controlled`]), in
    /// stages over each batch: the cache is asked for each feature's first control group;
    /// then each group is scanned for the first slot with the feature's fingerprint before
    /// an empty one, and the cache asked for that slot (an unknown feature usually has none:
    /// it never touches the slots); then each candidate slot is read, its key checked (a
    /// fingerprint matches a wrong key now and then: the probe goes on from there) and its
    /// weights added as in [`Table::add_scores_probing`].
    #[inline]
    fn add_scores_controlled(&self, control: &[u8], features: &[u64], scores: &mut [i32]) {
        const BATCH: usize = 128;
        let mut acc = [0i32; 256];
        let mut long = [0u64; BATCH];
        let mut first = [ABSENT; BATCH];
        for chunk in features.chunks(BATCH) {
            for &f in chunk {
                let at = home(f, self.capacity);
                prefetch(control, at);
                prefetch(control, at + GROUP - 1);
            }
            for (c, &f) in first.iter_mut().zip(chunk) {
                let at = home(f, self.capacity);
                let (hits, empty) = group_masks(control, at, fingerprint(key_of(f)));
                let hits = before_empty(hits, empty);
                *c = if hits != 0 {
                    let slot = self.wrap(at + hits.trailing_zeros() as usize);
                    prefetch(self.slots, slot * SLOT);
                    prefetch(self.slots, slot * SLOT + SLOT - 1);
                    slot as u32
                } else if empty != 0 {
                    ABSENT
                } else {
                    FAR
                };
            }
            let mut count = 0;
            for (&c, &f) in first.iter().zip(chunk) {
                let found = match c {
                    ABSENT => continue,
                    FAR => self.find_controlled(control, f),
                    at => {
                        let slot = read_slot(self.slots, at as usize);
                        if slot_key(slot) == key_of(f) {
                            Some(slot)
                        } else {
                            self.find_controlled(control, f)
                        }
                    }
                };
                if let Some(slot) = found {
                    self.add_or_queue(slot, &mut acc, &mut long, &mut count);
                }
            }
            self.add_long(&long[..count], &mut acc);
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a;
        }
    }

    /// A found slot: its inline weights added now, or its weight list prefetched and queued
    /// in `long` (at `count`) for [`Table::add_long`].
    #[inline]
    fn add_or_queue(&self, slot: u64, acc: &mut [i32; 256], long: &mut [u64], count: &mut usize) {
        if !slot_long(slot) {
            self.add_inline(slot, acc);
        } else {
            prefetch(self.entries, slot_offset(slot));
            prefetch(self.entries, slot_offset(slot) + 64);
            long[*count] = slot;
            *count += 1;
        }
    }

    /// Adds the weight lists of the queued slots.
    #[inline]
    fn add_long(&self, long: &[u64], acc: &mut [i32; 256]) {
        for &slot in long {
            for pair in self.pairs(slot).chunks_exact(2) {
                acc[usize::from(pair[0])] += self.lut[usize::from(pair[1])];
            }
        }
    }

    /// [`Table::add_scores`] by probing the slots themselves.
    #[inline]
    fn add_scores_probing(&self, features: &[u64], scores: &mut [i32]) {
        const BATCH: usize = 128;
        let mut acc = [0i32; 256];
        let mut long = [0u64; BATCH];
        for chunk in features.chunks(BATCH) {
            for &f in chunk {
                let at = home(f, self.capacity) * SLOT;
                prefetch(self.slots, at);
                prefetch(self.slots, at + 56);
            }
            let mut count = 0;
            for &f in chunk {
                if let Some(slot) = self.find(f) {
                    self.add_or_queue(slot, &mut acc, &mut long, &mut count);
                }
            }
            self.add_long(&long[..count], &mut acc);
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a;
        }
    }

    /// Number of slots (for size reports).
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The weights of `features` decoded into rows of one weight per class (0 for a class or
    /// feature without one), in order; `None` when a weight does not fit an `i16` (only a
    /// malformed model has one: the training program scales them to ±32 000).
    pub fn dense(&self, features: impl IntoIterator<Item = u64>, classes: usize) -> Option<Dense> {
        let chunks = classes.div_ceil(LANES);
        let mut rows = Vec::new();
        let mut row = vec![0i32; chunks * LANES];
        for f in features {
            row.iter_mut().for_each(|w| *w = 0);
            for (class, w) in self.lookup(f).unwrap_or_default() {
                if let Some(slot) = row
                    .get_mut(usize::from(class))
                    .filter(|_| usize::from(class) < classes)
                {
                    *slot = slot.checked_add(w)?;
                }
            }
            for chunk in row.chunks_exact(LANES) {
                let mut lanes = [0i16; LANES];
                for (l, &w) in lanes.iter_mut().zip(chunk) {
                    *l = i16::try_from(w).ok()?;
                }
                rows.push(lanes);
            }
        }
        Some(Dense { chunks, rows })
    }
}

/// Classes a [`Dense`] row adds at a time.
const LANES: usize = 8;

/// Some features' weights decoded into one `i16` per class ([`Table::dense`]).
///
/// For the few features that occur in almost every look-up and carry a weight for most
/// classes (a tag, a label: `parser.rs` and `tagger.rs` say which), adding whole rows with
/// vector instructions is several times cheaper than finding each feature and adding its
/// `(class, code)` pairs one by one, and gives the same sums. A row is padded with zeros to
/// a multiple of [`LANES`] classes, a length the compiler's vector loops like. (A hand-made
/// SSE2 loop that sums all of a state's rows in registers runs fewer instructions but no
/// faster: the look-ups, not these additions, are what is left of the time.)
#[derive(Debug, Clone)]
pub struct Dense {
    /// [`LANES`]-class chunks per row.
    chunks: usize,
    rows: Vec<[i16; LANES]>,
}

impl Dense {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len() / self.chunks.max(1)
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds rows `rows` to `scores` (a row past the end adds nothing).
    #[inline]
    pub fn add(&self, rows: &[usize], scores: &mut [i32]) {
        for &r in rows {
            let Some(row) = self.rows.get(r * self.chunks..(r + 1) * self.chunks) else {
                continue;
            };
            for (s, &w) in scores.iter_mut().zip(row.as_flattened()) {
                *s += i32::from(w);
            }
        }
    }
}

/// Most small templates [`score`] takes from dense rows (more are looked up).
const MAX_SMALL: usize = 32;

/// Scores one decision of the tagger or the parser into `scores` (zeroed first): the atom
/// `small[k]` of each small template `templates[k]` from its dense row `k * atoms + atom`
/// when `rows` holds it (an atom below `atoms`), every other feature — `feats`, and the small
/// ones without a row, pushed onto it as `f1(template, atom)` — looked up in `table`.
#[inline]
pub fn score(
    table: &Table<'_>,
    rows: Option<&Dense>,
    templates: &[u64],
    small: &[u64],
    atoms: u64,
    feats: &mut Vec<u64>,
    scores: &mut [i32],
) {
    scores.iter_mut().for_each(|s| *s = 0);
    let mut in_rows = [0usize; MAX_SMALL];
    let mut dense = 0;
    for (k, (&template, &atom)) in templates.iter().zip(small).enumerate() {
        if rows.is_some() && atom < atoms && dense < MAX_SMALL {
            in_rows[dense] = k * atoms as usize + atom as usize;
            dense += 1;
        } else {
            feats.push(super::hash::f1(template, atom));
        }
    }
    if let Some(rows) = rows {
        rows.add(&in_rows[..dense], scores);
    }
    table.add_scores(feats, scores);
}

/// Asks the cache for the line holding `bytes[at]` without waiting for it.
#[inline]
fn prefetch(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch is only a hint to the cache: it never faults, whatever the
        // address, and changes nothing the program can read (SSE, which it needs, is part of
        // every x86-64 CPU).
        unsafe { _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().wrapping_add(at).cast()) };
    }
}

/// Sorted `key \0 value` records, searched in place.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    offsets: &'a [u8],
    blob: &'a [u8],
    len: usize,
}

impl<'a> Records<'a> {
    /// Where the table lies in memory: tells two models' tables apart.
    pub fn address(&self) -> usize {
        self.blob.as_ptr() as usize
    }

    fn record(&self, i: usize) -> &'a [u8] {
        let at = |j: usize| {
            self.offsets
                .get(j * 4..j * 4 + 4)
                .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (start, end) = (at(i), at(i + 1));
        self.blob.get(start..end.max(start)).unwrap_or(&[])
    }

    fn split(record: &[u8]) -> (&[u8], &[u8]) {
        match record.iter().position(|&b| b == 0) {
            Some(p) => (&record[..p], &record[p + 1..]),
            None => (record, &[]),
        }
    }

    /// The value stored under `key`.
    pub fn get(&self, key: &[u8]) -> Option<&'a [u8]> {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (k, v) = Self::split(self.record(mid));
            match k.cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(v),
            }
        }
        None
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Word hash → distributional cluster, searched in place (binary search over sorted hashes).
#[derive(Debug, Clone, Copy)]
pub struct Clusters<'a> {
    hashes: &'a [u8],
    ids: &'a [u8],
    len: usize,
}

impl Clusters<'_> {
    fn hash_at(&self, i: usize) -> u64 {
        self.hashes.get(i * 8..i * 8 + 8).map_or(0, |b| {
            u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        })
    }

    /// The cluster of a word (by its `WordInfo::norm` hash).
    pub fn get(&self, hash: u64) -> Option<u16> {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.hash_at(mid).cmp(&hash) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return self
                        .ids
                        .get(mid * 2..mid * 2 + 2)
                        .map(|b| u16::from_le_bytes([b[0], b[1]]));
                }
            }
        }
        None
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The whole model, borrowed from its bytes.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    /// Joint tag classes: UPOS and XPOS.
    pub tags: Vec<(Upos, &'a str)>,
    /// Dependency relations, by label number.
    pub labels: Vec<&'a str>,
    /// The tagger's first and second pass.
    pub tagger: Table<'a>,
    pub tagger2: Table<'a>,
    pub parser: Table<'a>,
    /// `tag byte + lower-case form` → lemma, where the rules would be wrong.
    pub lemmas: Records<'a>,
    /// `tag byte + reversed suffix` → `strip count byte + appended text`.
    pub rules: Records<'a>,
    /// The parser's word clusters.
    pub clusters: Clusters<'a>,
    /// Which tag classes are finite verbs (the second tagger pass's verb context).
    pub finite: [bool; 256],
    /// The dense rows ([`Dense`]) of the tagger's two passes and of the parser, decoded on
    /// first use (`tagger::first_rows`, `tagger::second_rows`, `parser::rows`): a few
    /// thousand look-ups, a few milliseconds whatever the model's size.
    pub(super) tagger_rows: OnceLock<Option<Dense>>,
    pub(super) tagger2_rows: OnceLock<Option<Dense>>,
    pub(super) parser_rows: OnceLock<Option<Dense>>,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    /// Bytes read so far.
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if n > self.bytes.len() {
            return Err(ModelError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        self.at += n;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<usize, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    fn str(&mut self, n: usize) -> Result<&'a str, ModelError> {
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError::NameNotUtf8)
    }
    fn table(&mut self) -> Result<Table<'a>, ModelError> {
        let capacity = self.u32()?;
        let entries = self.u32()?;
        let mut lut = [0i32; 256];
        for w in lut.iter_mut() {
            let b = self.take(4)?;
            *w = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        self.take(padding(self.at))?;
        let slots = self.take(
            capacity
                .checked_mul(SLOT)
                .and_then(|n| n.checked_add(TAIL))
                .ok_or(ModelError::TooBig)?,
        )?;
        let entries = self.take(entries)?;
        Ok(Table {
            slots,
            entries,
            capacity,
            lut,
            control: OnceLock::new(),
            building: AtomicBool::new(false),
        })
    }
    fn records(&mut self) -> Result<Records<'a>, ModelError> {
        let len = self.u32()?;
        let blob_len = self.u32()?;
        let offsets = self.take(
            len.checked_add(1)
                .and_then(|n| n.checked_mul(4))
                .ok_or(ModelError::TooBig)?,
        )?;
        let blob = self.take(blob_len)?;
        Ok(Records { offsets, blob, len })
    }
    fn clusters(&mut self) -> Result<Clusters<'a>, ModelError> {
        let len = self.u32()?;
        let hashes = self.take(len.checked_mul(8).ok_or(ModelError::TooBig)?)?;
        let ids = self.take(len * 2)?;
        Ok(Clusters { hashes, ids, len })
    }
}

impl<'a> Model<'a> {
    /// Reads a model from its bytes; only the small headers and names are parsed.
    pub fn parse(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        let mut c = Cursor { bytes, at: 0 };
        if c.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let n = c.u32()?;
        let mut tags = Vec::with_capacity(n.min(256));
        for _ in 0..n {
            let upos = Upos::from_index(c.u8()?).ok_or(ModelError::BadUpos)?;
            let len = usize::from(c.u8()?);
            tags.push((upos, c.str(len)?));
        }
        let n = c.u32()?;
        let mut labels = Vec::with_capacity(n.min(256));
        for _ in 0..n {
            let len = usize::from(c.u8()?);
            labels.push(c.str(len)?);
        }
        if tags.is_empty() || tags.len() > 250 || labels.is_empty() || labels.len() > 127 {
            return Err(ModelError::BadCount);
        }
        let tagger = c.table()?;
        let tagger2 = c.table()?;
        let parser = c.table()?;
        let lemmas = c.records()?;
        let rules = c.records()?;
        let clusters = c.clusters()?;
        let finite = finite_classes(tags.iter().map(|t| t.1));
        Ok(Model {
            finite,
            tagger_rows: OnceLock::new(),
            tagger2_rows: OnceLock::new(),
            parser_rows: OnceLock::new(),
            tags,
            labels,
            tagger,
            tagger2,
            parser,
            lemmas,
            rules,
            clusters,
        })
    }
}

/// One feature's weights for writing: its hash and `(class, weight)` pairs.
pub type Row = (u64, Vec<(u8, i16)>);

/// Everything the writer needs.
pub struct ModelParts {
    pub tags: Vec<(Upos, String)>,
    pub labels: Vec<String>,
    pub tagger: Vec<Row>,
    pub tagger2: Vec<Row>,
    pub parser: Vec<Row>,
    pub lemmas: Vec<(Vec<u8>, Vec<u8>)>,
    pub rules: Vec<(Vec<u8>, Vec<u8>)>,
    /// Word hash → cluster.
    pub clusters: Vec<(u64, u16)>,
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

/// Slots for `features` features: 75 % full, at least one slot empty.
pub fn table_capacity(features: usize) -> usize {
    if features == 0 {
        0
    } else {
        features * 4 / 3 + 1
    }
}

/// Bytes a table of these rows takes in the model.
pub fn table_bytes(rows: &[Row]) -> usize {
    let rows = rows.iter().filter(|r| !r.1.is_empty());
    let (mut n, mut outside) = (0, 0);
    for r in rows {
        n += 1;
        outside += entry_bytes(r.1.len());
    }
    table_bytes_for(n, outside)
}

/// Bytes a feature with `weights` weights takes outside its slot.
pub fn entry_bytes(weights: usize) -> usize {
    if weights <= INLINE {
        0
    } else {
        1 + 2 * weights.min(255)
    }
}

/// Bytes a table of `features` features takes in the model, `outside` bytes of them outside
/// the slots (the sum of [`entry_bytes`]).
pub fn table_bytes_for(features: usize, outside: usize) -> usize {
    8 + 1024 + ALIGN + table_capacity(features) * SLOT + TAIL + outside
}

/// The weight codes: 0 is 0; 1..=127 are positive magnitudes growing geometrically from the
/// smallest to the largest weight of the table, 129..=255 the same negated. A weight is off by
/// at most half a step (about 4 % for weights spanning four orders of magnitude), which an
/// arg-max over sums of dozens of weights does not notice, and it halves the table.
fn codebook(rows: &[Row]) -> (f64, f64, [i32; 256]) {
    let mags = rows
        .iter()
        .flat_map(|r| &r.1)
        .map(|&(_, w)| f64::from(w.unsigned_abs()))
        .filter(|&m| m > 0.0);
    let (mut lo, mut hi) = (f64::MAX, 0.0f64);
    for m in mags {
        lo = lo.min(m);
        hi = hi.max(m);
    }
    if hi == 0.0 {
        return (1.0, 1.0, [0; 256]);
    }
    let step = if hi > lo { (hi / lo).ln() / 126.0 } else { 1.0 };
    let mut lut = [0i32; 256];
    for k in 1..=127usize {
        let m = (lo * ((k - 1) as f64 * step).exp()).round() as i32;
        lut[k] = m;
        lut[k + 128] = -m;
    }
    (lo, step, lut)
}

fn encode(w: i16, lo: f64, step: f64) -> u8 {
    if w == 0 {
        return 0;
    }
    let m = f64::from(w.unsigned_abs()).max(lo);
    let k = (((m / lo).ln() / step).round() as usize).min(126) + 1;
    if w > 0 { k as u8 } else { (k + 128) as u8 }
}

fn write_table(out: &mut Vec<u8>, rows: &[Row]) {
    let mut rows: Vec<&Row> = rows.iter().filter(|r| !r.1.is_empty()).collect();
    rows.sort_by_key(|r| r.0);
    let capacity = table_capacity(rows.len());
    let (lo, step, lut) = codebook(&rows.iter().map(|r| (*r).clone()).collect::<Vec<_>>());
    let mut slots = vec![0u8; capacity * SLOT + TAIL];
    let mut entries = Vec::new();
    for (hash, weights) in rows {
        let weights = &weights[..weights.len().min(255)];
        if weights.len() > INLINE && entries.len() + 1 + weights.len() * 2 > 1 << 24 {
            continue; // offsets are 24 bits
        }
        if weights.iter().any(|&(class, _)| class == LONG) {
            continue; // class 255 is the marker of a long slot
        }
        let key = key_of(*hash);
        let mut idx = home(*hash, capacity);
        loop {
            let k = slot_key(read_slot(&slots, idx));
            if k == 0 || k == key {
                break;
            }
            idx = next(idx, capacity);
        }
        let at = idx * SLOT;
        if slots[at..at + 2] != [0, 0] {
            continue; // the same home and key: the first feature keeps the slot
        }
        slots[at..at + 2].copy_from_slice(&key.to_le_bytes());
        if weights.len() <= INLINE {
            for (k, &(class, w)) in weights.iter().enumerate() {
                slots[at + 2 + 2 * k] = class;
                slots[at + 3 + 2 * k] = encode(w, lo, step);
            }
        } else {
            let offset = entries.len() as u32;
            slots[at + 2] = LONG;
            slots[at + 3..at + 6].copy_from_slice(&offset.to_le_bytes()[..3]);
            entries.push(weights.len() as u8);
            for &(class, w) in weights {
                entries.push(class);
                entries.push(encode(w, lo, step));
            }
        }
    }
    put_u32(out, capacity);
    put_u32(out, entries.len());
    for w in lut {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out.resize(out.len() + padding(out.len()), 0);
    out.extend_from_slice(&slots);
    out.extend_from_slice(&entries);
}

fn write_records(out: &mut Vec<u8>, records: &[(Vec<u8>, Vec<u8>)]) {
    let mut records: Vec<&(Vec<u8>, Vec<u8>)> = records.iter().collect();
    records.sort();
    records.dedup_by(|a, b| a.0 == b.0);
    let mut blob = Vec::new();
    let mut offsets = vec![0usize];
    for (k, v) in &records {
        blob.extend_from_slice(k);
        blob.push(0);
        blob.extend_from_slice(v);
        offsets.push(blob.len());
    }
    put_u32(out, records.len());
    put_u32(out, blob.len());
    for o in offsets {
        put_u32(out, o);
    }
    out.extend_from_slice(&blob);
}

/// Serialises a model (the training program's last step).
pub fn write(parts: &ModelParts) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_u32(&mut out, parts.tags.len());
    for (upos, xpos) in &parts.tags {
        out.push(*upos as u8);
        out.push(xpos.len() as u8);
        out.extend_from_slice(xpos.as_bytes());
    }
    put_u32(&mut out, parts.labels.len());
    for label in &parts.labels {
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    write_table(&mut out, &parts.tagger);
    write_table(&mut out, &parts.tagger2);
    write_table(&mut out, &parts.parser);
    write_records(&mut out, &parts.lemmas);
    write_records(&mut out, &parts.rules);
    let mut clusters = parts.clusters.clone();
    clusters.sort_unstable();
    clusters.dedup_by_key(|c| c.0);
    put_u32(&mut out, clusters.len());
    for (h, _) in &clusters {
        out.extend_from_slice(&h.to_le_bytes());
    }
    for (_, c) in &clusters {
        out.extend_from_slice(&c.to_le_bytes());
    }
    out
}

/// Which joint tag classes are finite verbs (Penn VBD, VBZ, VBP, MD), by class number.
pub fn finite_classes<'a>(xpos: impl IntoIterator<Item = &'a str>) -> [bool; 256] {
    let mut out = [false; 256];
    for (slot, x) in out.iter_mut().zip(xpos) {
        *slot = matches!(x, "VBD" | "VBZ" | "VBP" | "MD");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_clone(p: &ModelParts) -> ModelParts {
        ModelParts {
            tags: p.tags.clone(),
            labels: p.labels.clone(),
            tagger: p.tagger.clone(),
            tagger2: p.tagger2.clone(),
            parser: p.parser.clone(),
            lemmas: p.lemmas.clone(),
            rules: p.rules.clone(),
            clusters: p.clusters.clone(),
        }
    }

    /// A model of one tag and one label whose only table is the parser's `rows`.
    fn parser_model(rows: Vec<Row>) -> Vec<u8> {
        write(&ModelParts {
            tags: vec![(Upos::Noun, "NN".into())],
            labels: vec!["root".into()],
            tagger: vec![],
            tagger2: vec![],
            parser: rows,
            lemmas: vec![],
            rules: vec![],
            clusters: vec![],
        })
    }

    #[test]
    fn a_written_model_reads_back() {
        let (a, b) = (
            crate::analysis::text::hash::str("a"),
            crate::analysis::text::hash::str("b"),
        );
        let parts = ModelParts {
            tags: vec![(Upos::Noun, "NN".into()), (Upos::Verb, "VB".into())],
            labels: vec!["root".into(), "nsubj".into()],
            tagger: vec![(a, vec![(0, 5), (1, -3)]), (b, vec![(1, 9)])],
            tagger2: vec![],
            parser: vec![],
            lemmas: vec![(b"\x01went".to_vec(), b"go".to_vec())],
            rules: vec![],
            clusters: vec![(b, 7), (a, 3)],
        };
        let bytes = write(&parts);
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.tags[1], (Upos::Verb, "VB"));
        let mut scores = [0i32; 2];
        m.tagger
            .add_scores(&[a, b, crate::analysis::text::hash::str("c")], &mut scores);
        assert_eq!(scores, [5, 6]);
        let mut many = Vec::new();
        for i in 0..1000u64 {
            many.push((
                crate::analysis::text::hash::f1(9, i),
                vec![(0u8, (i as i16) - 500)],
            ));
        }
        let bytes2 = write(&ModelParts {
            tagger: many.clone(),
            ..parts_clone(&parts)
        });
        let m2 = Model::parse(&bytes2).unwrap();
        for (h, w) in &many {
            let got = m2.tagger.lookup(*h).map_or(0, |v| v[0].1);
            let want = i32::from(w[0].1);
            assert!((got - want).abs() <= want.abs() / 20 + 1, "{got} {want}");
        }
        // a feature with more weights than a slot holds keeps them in the entries
        let long = crate::analysis::text::hash::str("long");
        let weights: Vec<(u8, i16)> = (0..5u8).map(|c| (c, i16::from(c) * 100 - 150)).collect();
        let bytes3 = write(&ModelParts {
            parser: vec![(a, vec![(3, 7)]), (long, weights.clone())],
            ..parts_clone(&parts)
        });
        let m3 = Model::parse(&bytes3).unwrap();
        let got = m3.parser.lookup(long).unwrap();
        assert_eq!(got.len(), 5);
        for ((c, w), (gc, gw)) in weights.iter().zip(&got) {
            assert_eq!(c, gc);
            assert!((gw - i32::from(*w)).abs() <= i32::from(*w).abs() / 20 + 1);
        }
        let mut scores = [0i32; 5];
        m3.parser.add_scores(&[long, a], &mut scores);
        assert_eq!(scores[3], got[3].1 + m3.parser.lookup(a).unwrap()[0].1);
        assert_eq!(m.lemmas.get(b"\x01went"), Some(&b"go"[..]));
        assert_eq!(m.lemmas.get(b"\x01go"), None);
        assert_eq!(m.clusters.get(a), Some(3));
        assert_eq!(m.clusters.get(b), Some(7));
        assert_eq!(m.clusters.get(crate::analysis::text::hash::str("c")), None);
        assert!(m.parser.lookup(a).is_none());
        for cut in 0..bytes.len() {
            assert_eq!(
                Model::parse(&bytes[..cut]).err(),
                Some(ModelError::Truncated),
                "cut at {cut}"
            );
        }
        assert_eq!(Model::parse(b"nonsense").err(), Some(ModelError::BadMagic));
    }

    #[test]
    fn dense_rows_add_what_the_look_ups_add() {
        let h = |i: u64| crate::analysis::text::hash::f1(7, i);
        // 11 classes: a row is two chunks, the second padded; feature 3 has no weights
        let rows: Vec<Row> = vec![
            (h(0), vec![(0, 300), (5, -1200), (10, 32000)]),
            (h(1), vec![(2, -7)]),
            (
                h(2),
                (0..11u8).map(|c| (c, i16::from(c) * 97 - 500)).collect(),
            ),
        ];
        let bytes = parser_model(rows);
        let m = Model::parse(&bytes).unwrap();
        let dense = m.parser.dense((0..4).map(h), 11).unwrap();
        assert_eq!(dense.len(), 4);
        for which in [
            vec![0],
            vec![1, 2],
            vec![0, 1, 2, 3],
            vec![2, 2, 0],
            vec![3, 9],
        ] {
            let features: Vec<u64> = which.iter().map(|&i| h(i as u64)).collect();
            let (mut want, mut got) = (vec![5i32; 11], vec![5i32; 11]);
            m.parser.add_scores(&features, &mut want);
            dense.add(&which, &mut got);
            assert_eq!(got, want, "{which:?}");
        }
    }

    #[test]
    fn control_bytes_find_what_probing_finds() {
        let h = |i: u64| crate::analysis::text::hash::f1(11, i);
        // same home (low 32 bits) and fingerprint (low key byte), other keys: the control
        // bytes match and the slot's key must tell them apart; key 0 is stored as 1
        let twins = |k: u64| (k << 32) | 0x8000_0000;
        let mut rows: Vec<Row> = (0..3000u64)
            .map(|i| {
                let n = (i % 7) as u8 + 1; // 1..=7 weights: inline and in the entries
                (
                    h(i),
                    (0..n).map(|c| (c * 3, i as i16 % 900 - 450)).collect(),
                )
            })
            .collect();
        for k in [0x0101, 0x0201, 0x0000, 0x0301] {
            rows.push((twins(k), vec![(1, k as i16 + 5)]));
        }
        let tiny: Vec<Row> = (0..3).map(|i| (h(i), vec![(0, 100)])).collect();
        for rows in [rows, tiny] {
            let bytes = parser_model(rows);
            let m = Model::parse(&bytes).unwrap();
            let t = &m.parser;
            let control = t.control();
            let mut probes: Vec<u64> = (0..6000).map(h).collect();
            probes.extend([0x0101, 0x0201, 0x0000, 0x0301, 0x0401, 0x0001].map(twins));
            for &f in &probes {
                assert_eq!(t.find_controlled(control, f), t.find(f), "{f:x}");
            }
            // batches longer and shorter than a BATCH, known and unknown features mixed
            for batch in probes.chunks(300).chain(probes.chunks(7)) {
                let (mut want, mut got) = (vec![3i32; 22], vec![3i32; 22]);
                t.add_scores_probing(batch, &mut want);
                t.add_scores_controlled(control, batch, &mut got);
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn a_corrupted_model_says_what_is_wrong() {
        let parts = ModelParts {
            tags: vec![(Upos::Noun, "NN".into()), (Upos::Verb, "VB".into())],
            labels: vec!["root".into()],
            tagger: vec![],
            tagger2: vec![],
            parser: vec![],
            lemmas: vec![],
            rules: vec![],
            clusters: vec![],
        };
        let bytes = write(&parts);
        assert!(Model::parse(&bytes).is_ok());
        // magic (8 bytes), tag count (4), then the first tag: UPOS, name length, name.
        let corrupt = |at: usize, byte: u8| {
            let mut b = bytes.clone();
            b[at] = byte;
            Model::parse(&b).err()
        };
        let cases = [
            (corrupt(0, b'X'), ModelError::BadMagic),
            (corrupt(12, 200), ModelError::BadUpos),
            (corrupt(14, 0xff), ModelError::NameNotUtf8),
            (
                Model::parse(&bytes[..bytes.len() - 1]).err(),
                ModelError::Truncated,
            ),
            (
                Model::parse(&write(&ModelParts {
                    tags: vec![],
                    ..parts_clone(&parts)
                }))
                .err(),
                ModelError::BadCount,
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, Some(want));
        }
        assert_eq!(
            ModelError::BadMagic.to_string(),
            "syntax model: not a bilateral syntax model (bad magic)"
        );
        assert_eq!(ModelError::Truncated.to_string(), "syntax model: truncated");
        assert_eq!(
            ModelError::NameNotUtf8.to_string(),
            "syntax model: a name is not UTF-8"
        );
        assert_eq!(ModelError::TooBig.to_string(), "syntax model: too big");
        assert_eq!(ModelError::BadUpos.to_string(), "syntax model: bad UPOS");
        assert_eq!(
            ModelError::BadCount.to_string(),
            "syntax model: bad tag or label count"
        );
    }
}
