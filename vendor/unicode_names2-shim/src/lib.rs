//! `character` as unicode_names2 1.x has it (the only item RustPython's parser uses),
//! answered by rustpython-unicode's `lookup_character`, which RustPython's compiler already
//! uses to turn the same `\N{...}` into its character, from the unicode_names2 3.x tables
//! that `unicodedata` links.
//!
//! 3.x matches names loosely (UAX44-LM2: spaces, underscores and medial hyphens are
//! ignored); 1.x, like CPython's `\N{...}`, ignores only case. So a character found is
//! taken when the name is its own name spelled exactly but for case, or one of its aliases;
//! its own name spelled loosely ("BLACK_STAR", "BLACKSTAR") is not a name.

/// The character called `name` (ignoring ASCII case), or `None`.
pub fn character(name: &str) -> Option<char> {
    let found = rustpython_unicode::lookup_character(name)?;
    match rustpython_unicode::character_name(found) {
        Some(own) if !own.eq_ignore_ascii_case(name) && same_letters(&own, name) => None,
        _ => Some(found),
    }
}

/// The same letters and digits in the same order, ignoring case and separators.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.bytes().filter(u8::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect::<Vec<u8>>()
    };
    letters(a) == letters(b)
}
