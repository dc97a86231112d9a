//! Feature hashing shared by the tagger, the parser and the training program.
//!
//! A feature is a template number and a few atoms (a word, a tag, a distance); it is turned
//! into one `u64` by mixing, never into a string, so extracting a feature costs a few
//! multiplications. The training program and the run-time code call the same functions, which
//! is what makes a weight learnt in training findable at run time: change a mixing constant
//! or a template number here and the shipped model must be retrained.
//!
//! The functions are pure integer arithmetic (FNV-1a for strings, a SplitMix-style finaliser
//! for mixing), so the hashes are the same on every platform.

/// Hash of a byte string (FNV-1a, then finalised so that short strings spread well).
pub fn bytes(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// Hash of a string.
pub fn str(text: &str) -> u64 {
    bytes(text.as_bytes())
}

/// Mixes one more atom into a running feature hash.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    finish(h ^ x.wrapping_add(0x9e37_79b9_7f4a_7c15).wrapping_add(h << 6))
}

#[inline]
fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A feature of one atom.
#[inline]
pub fn f1(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), a)
}

/// A feature of two atoms.
#[inline]
pub fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a), b)
}

/// A feature of three atoms.
#[inline]
pub fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(template, a, b), c)
}

/// A feature of four atoms.
#[inline]
pub fn f4(template: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    mix(f3(template, a, b, c), d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_are_stable_and_spread() {
        assert_eq!(super::str("the"), super::str("the"));
        assert_ne!(super::str("the"), super::str("The"));
        assert_ne!(super::f2(1, 2, 3), super::f2(1, 3, 2));
        assert_ne!(super::f1(1, 5), super::f1(2, 5));
    }
}
