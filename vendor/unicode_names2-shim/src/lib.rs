//! `character` as unicode_names2 1.x has it (the only item RustPython's parser uses),
//! answered from the 3.x tables that `unicodedata` already links.
//!
//! 3.x matches names loosely (UAX44-LM2: spaces, underscores and medial hyphens are
//! ignored); 1.x, like CPython's `\N{...}`, ignores only case. So a name 3.x finds is taken
//! only when it is the character's own name spelled exactly but for case, or one of its
//! aliases (which 3.x matches by their own spelling).
#![no_std]

use core::fmt::Write;

/// The character called `name` (ignoring ASCII case), or `None`.
pub fn character(name: &str) -> Option<char> {
    let found = names::character(name)?;
    let Some(own) = names::name(found) else {
        return Some(found); // a control character: only aliases name it
    };
    let mut spelled = Spelled::default();
    write!(spelled, "{own}").ok()?;
    let own = &spelled.buf[..spelled.len];
    if own.eq_ignore_ascii_case(name.as_bytes()) {
        return Some(found);
    }
    // Its own name spelled loosely ("black_star", "BLACKSTAR") is not a name CPython
    // knows; anything else 3.x matched is an alias.
    (!same_letters(own, name.as_bytes())).then_some(found)
}

/// The same letters and digits in the same order, ignoring case and separators.
fn same_letters(a: &[u8], b: &[u8]) -> bool {
    let a = a.iter().filter(|c| c.is_ascii_alphanumeric()).map(u8::to_ascii_uppercase);
    let b = b.iter().filter(|c| c.is_ascii_alphanumeric()).map(u8::to_ascii_uppercase);
    a.eq(b)
}

/// A character's name, written on the stack (the longest name has 88 bytes).
struct Spelled {
    buf: [u8; 128],
    len: usize,
}

impl Default for Spelled {
    fn default() -> Self {
        Spelled { buf: [0; 128], len: 0 }
    }
}

impl Write for Spelled {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        self.buf.get_mut(self.len..end).ok_or(core::fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
